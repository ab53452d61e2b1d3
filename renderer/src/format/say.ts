import type { MessageRef } from '../../../shared/i18n/catalogue'
import { lineOf, type TicketFact } from '../../../shared/i18n/ticketFacts'

/** vue-i18n's `t` with the two forms a catalogue message needs (named values, a plural count). */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/**
 * A message of the shared catalogue as the screen writes it: the same reference the hub fills
 * with `say` for the printer, filled here by vue-i18n.
 *
 * @example
 * sayWith(t, { key: 'people', params: { n: 3 }, count: 3 }) //=> '3 people'
 */
export function sayWith(t: Translate, ref: MessageRef): string {
  const named = { ...ref.params }
  return ref.count === undefined ? t(ref.key, named) : t(ref.key, named, ref.count)
}

/**
 * A ticket fact as one line, label and value joined as the paper joins them.
 *
 * @example
 * sayLine(t, estimateFact({ kind: 'soon' })) //=> 'Expected wait: soon' (English)
 */
export function sayLine(t: Translate, fact: TicketFact): string {
  const fill = (ref: MessageRef) => sayWith(t, ref)
  return fill(lineOf(fact, fill))
}
