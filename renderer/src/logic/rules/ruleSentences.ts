import type { PriorityClassId } from '../../../../shared/domain/ids'
import type { Language } from '../../../../shared/domain/text'
import type { PolicyDescription } from '../../../../shared/policy/describePolicy'
import { missedRuleText } from '../../../../shared/i18n/ticketFacts'
import type { TranslateIn } from '../../composables/display/useBilingual'
import { sayWith } from '../../format/say'

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
 * back out of the sentences and checks that the order they give is the engine's order. The
 * sentences of the classes in `apart` are left out: the kiosk shows each beside its class's
 * button (`classRuleSentence`).
 *
 * @example
 * ruleSentences(describePolicy(DEMO_BRANCH), tIn('en'), 'en')[1]
 * //=> 'VIP: counted as having already waited 3 min when they take their ticket, and each minute …'
 */
export function ruleSentences(
  p: PolicyDescription,
  t: TranslateIn,
  lang: Language,
  apart: readonly PriorityClassId[] = [],
): string[] {
  const out = [t('rules.fcfs')]
  if (p.booked !== null) out.push(t('rules.booked', { grace: spanText(t, p.booked.graceSec) }))
  for (const c of p.classes) if (!apart.includes(c.id)) out.push(classRuleSentence(c, t, lang))
  if (p.waitCapSec !== null) {
    const span = spanText(t, p.waitCapSec)
    out.push(
      p.booked === null
        ? t('rules.cap', { span })
        : t('rules.capBooked', { span, grace: spanText(t, p.booked.graceSec) }),
    )
  }
  out.push(missedRuleText(p, lang, (ref) => sayWith(t, ref)))
  out.push(t('rules.transfer'))
  return out
}

/**
 * One priority class's own rule: named, as `ruleSentences` lists it; without its name for beside
 * the class's own button (`beside`: the same numbers, "they may go before you"); or told to the
 * customer who chose that class (`yours`: "you may be called before customers who came earlier").
 *
 * @example
 * classRuleSentence(describePolicy(DEMO_BRANCH).classes[0], tIn('en'), 'en')
 * //=> 'VIP: counted as having already waited 3 min when they take their ticket, and each minute …'
 * classRuleSentence(describePolicy(DEMO_BRANCH).classes[0], tIn('en'), 'en', 'beside')
 * //=> 'Counted as having waited 3 min on taking a ticket; then each minute counts as 2, …'
 * classRuleSentence(describePolicy(DEMO_BRANCH).classes[0], tIn('en'), 'en', 'yours')
 * //=> 'Your ticket counts as having waited 3 min when you take it; …, so you may be called before …'
 */
export function classRuleSentence(
  c: PolicyDescription['classes'][number],
  t: TranslateIn,
  lang: Language,
  voice: 'named' | 'beside' | 'yours' = 'named',
): string {
  if (voice !== 'named') {
    const [credit, rate] =
      voice === 'beside' ? ['rules.ownCredit', 'rules.ownRate'] : ['rules.yoursCredit', 'rules.yoursRate']
    return c.creditSec > 0 ? t(credit, { rate: c.rate, credit: spanText(t, c.creditSec) }) : t(rate, { rate: c.rate })
  }
  const name = c.name[lang]
  return c.creditSec > 0
    ? t('rules.classCredit', { name, rate: c.rate, credit: spanText(t, c.creditSec) })
    : t('rules.classRate', { name, rate: c.rate })
}
