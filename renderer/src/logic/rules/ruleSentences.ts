import type { Language } from '../../../../shared/domain/text'
import type { PolicyDescription } from '../../../../shared/policy/describePolicy'
import type { TranslateIn } from '../../composables/display/useBilingual'

/**
 * A span of time as exactly as the rule uses it: whole minutes when it is whole minutes,
 * otherwise minutes and seconds — never rounded, so the words keep the engine's number.
 *
 * @example
 * spanText(t, 180) //=> '3 min'
 * spanText(t, 135) //=> '2 min 15 s'
 */
export function spanText(t: TranslateIn, seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  if (total < 60) return t('rules.span.sec', { n: total })
  if (total % 60 === 0) return t('rules.span.min', { n: total / 60 })
  return t('rules.span.minSec', { m: Math.floor(total / 60), s: total % 60 })
}

/**
 * The calling rules as sentences, generated from the numbers the engine applies (rule 6:
 * fairness is declared, and the words cannot drift from the rule). The kiosk lists them; the
 * lobby display shows one per slide. `test/renderer/ruleSentences.test.ts` reads the numbers
 * back out of the sentences and checks that the order they give is the engine's order.
 *
 * @example
 * ruleSentences(describePolicy(DEMO_BRANCH), tIn('en'), 'en')[1]
 * //=> 'VIP: counted as having already waited 3 min when they take their ticket, and each minute …'
 */
export function ruleSentences(p: PolicyDescription, t: TranslateIn, lang: Language): string[] {
  const out = [t('rules.fcfs')]
  if (p.booked !== null) out.push(t('rules.booked', { grace: spanText(t, p.booked.graceSec) }))
  for (const c of p.classes) {
    const name = c.name[lang]
    out.push(
      c.creditSec > 0
        ? t('rules.classCredit', { name, rate: c.rate, credit: spanText(t, c.creditSec) })
        : t('rules.classRate', { name, rate: c.rate }),
    )
  }
  if (p.waitCapSec !== null) {
    const span = spanText(t, p.waitCapSec)
    out.push(
      p.booked === null
        ? t('rules.cap', { span })
        : t('rules.capBooked', { span, grace: spanText(t, p.booked.graceSec) }),
    )
  }
  const behind = p.rejoinBehind
  out.push(t('rules.missed', { calls: p.recallsBeforeNoShow + 1, grace: p.graceMin, behind }, Math.min(behind, 2)))
  out.push(t('rules.transfer'))
  return out
}
