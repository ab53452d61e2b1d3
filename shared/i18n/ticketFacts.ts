import type { ShownWait } from '../estimate/displayWait'
import type { MessageRef } from './catalogue'

/**
 * The facts a customer reads about their ticket as a label and a value: the kiosk's ticket
 * screen and the status page show them as such, the printed ticket prints each as one line
 * (`ticket.line.*`). One function chooses the words for all three, so paper and screen cannot
 * drift apart.
 */
export interface TicketFact {
  readonly label: MessageRef
  readonly value: MessageRef
  /** How the paper joins the label and the value. */
  readonly line: MessageRef['key']
}

/**
 * @example
 * peopleAheadFact(3).value //=> { key: 'people', params: { n: 3 }, count: 3 }
 */
export function peopleAheadFact(n: number): TicketFact {
  return {
    label: { key: 'ticket.ahead' },
    value: { key: 'people', params: { n }, count: n },
    line: 'ticket.line.ahead',
  }
}

/** The shown wait; never a bare number and never "0 minutes" (the hub rounds; this only words it). */
export function estimateFact(shown: ShownWait | null | undefined): TicketFact {
  return { label: { key: 'ticket.estimate' }, value: waitWords(shown), line: 'ticket.line.estimate' }
}

/**
 * The words of a shown wait: "即将叫号" / "Soon", "约 8–12 分钟" / "About 8–12 min".
 *
 * @example
 * waitWords({ kind: 'range', lowMin: 5, highMin: 5 }) //=> { key: 'wait.upTo', params: { high: 5 } }
 */
export function waitWords(shown: ShownWait | null | undefined): MessageRef {
  if (shown == null) return { key: 'wait.none' }
  if (shown.kind === 'soon') return { key: 'wait.soon' }
  if (shown.lowMin === shown.highMin) return { key: 'wait.upTo', params: { high: shown.highMin } }
  return { key: 'wait.range', params: { low: shown.lowMin, high: shown.highMin } }
}
