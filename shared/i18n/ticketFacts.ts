import type { Language } from '../domain/text'
import type { CallHold } from '../estimate/callHold'
import type { ShownWait } from '../estimate/displayWait'
import type { ClosingWarning } from '../estimate/servedBeforeClose'
import type { PolicyDescription } from '../policy/describePolicy'
import type { PriorityStanding } from '../queue/priorityStanding'
import { assertNever } from '../util/assertNever'
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
 * A fact as one line, its label and value filled by `fill` (the hub's `say`, the screen's `t`):
 * what the paper prints, and what the kiosk shows where a fact is one sentence.
 *
 * @example
 * lineOf(peopleAheadFact(3), (ref) => say('en', ref)) //=> { key: 'ticket.line.ahead', params: { label: 'Ahead of you', value: '3 people' } }
 */
export function lineOf(fact: TicketFact, fill: (ref: MessageRef) => string): MessageRef {
  return { key: fact.line, params: { label: fill(fact.label), value: fill(fact.value) } }
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

/**
 * The shown wait; never a bare number and never "0 minutes" (the hub rounds; this only words it),
 * and never "soon" while nobody can call the ticket (`hold`, `callHold`).
 */
export function estimateFact(shown: ShownWait | null | undefined, hold: CallHold | null = null): TicketFact {
  return { label: { key: 'ticket.estimate' }, value: waitWords(shown, hold), line: 'ticket.line.estimate' }
}

/**
 * The words of a hold: the paused counter and its reason, when this service's counters open,
 * or that none is open; that last on the kiosk's service button (`button`) in a short form, in
 * place of a wait (a menu of held services still fits the screen; a pause or a later opening
 * has a wait to give there, `waitWords`).
 *
 * @example
 * holdWords({ kind: 'paused', counterNumber: 1, reason: 'break' }) //=> { key: 'hold.paused.break', params: { counter: 1 } }
 * holdWords({ kind: 'closed' }, true) //=> { key: 'hold.button.closed' }
 */
export function holdWords(hold: CallHold, button = false): MessageRef {
  switch (hold.kind) {
    case 'paused':
      return { key: `hold.paused.${hold.reason}`, params: { counter: hold.counterNumber } }
    case 'opensAt':
      return { key: 'hold.opensAt', params: { time: hold.clock } }
    case 'closed':
      return { key: button ? 'hold.button.closed' : 'hold.closed' }
    default:
      return assertNever(hold, 'call hold')
  }
}

/**
 * The ticket's priority class and how it stands: declared by the customer (the teller checks
 * it), confirmed (staff, the card reader or a booking), or asked for and not yet confirmed (the
 * ticket waits as ordinary until then). How to get a claim confirmed depends on the kiosk (a
 * card reader or not), so the kiosk says that apart; the fact itself reads the same everywhere.
 *
 * @example
 * priorityFact({ kind: 'pending', cls: vip, awaiting: 'staff' }, 'en').value
 * //=> { key: 'ticket.priority.pending', params: { name: 'Premier customers' } }
 */
export function priorityFact(standing: PriorityStanding, language: Language): TicketFact {
  const how =
    standing.kind === 'pending'
      ? 'ticket.priority.pending'
      : standing.by === 'declared'
        ? 'ticket.priority.declared'
        : 'ticket.priority.confirmed'
  return {
    label: { key: 'ticket.priority.label' },
    value: { key: how, params: { name: standing.cls.name[language] } },
    line: 'ticket.line.priority',
  }
}

/**
 * The words of a shown wait: "即将叫号" / "soon", "约 8–12 分钟" / "about 8–12 min". "Soon" only
 * when a counter can call the ticket (no `hold`); while held, a range stays a range (its reason
 * is said beside it, `holdFact`), and "soon" or no range becomes when calls can resume.
 *
 * @example
 * waitWords({ kind: 'range', lowMin: 5, highMin: 5 }) //=> { key: 'wait.upTo', params: { high: 5 } }
 * waitWords({ kind: 'soon' }, { kind: 'opensAt', at, clock: '09:00' }) //=> { key: 'hold.wait.opensAt', params: { time: '09:00' } }
 */
export function waitWords(shown: ShownWait | null | undefined, hold: CallHold | null = null): MessageRef {
  if (hold !== null && (shown == null || shown.kind === 'soon')) {
    if (hold.kind === 'paused') return { key: 'hold.wait.paused' }
    if (hold.kind === 'opensAt') return { key: 'hold.wait.opensAt', params: { time: hold.clock } }
    return { key: 'wait.none' }
  }
  if (shown == null) return { key: 'wait.none' }
  if (shown.kind === 'soon') return { key: 'wait.soon' }
  if (shown.lowMin === shown.highMin) return { key: 'wait.upTo', params: { high: shown.highMin } }
  return { key: 'wait.range', params: { low: shown.lowMin, high: shown.highMin } }
}

/**
 * The words of a closing warning, the same on the ticket (screen and paper) and the status page;
 * on the kiosk's service button (`button`) the short form of the same sentence.
 *
 * @example
 * closingWords({ kind: 'mayNot', at, clock: '17:00' }) //=> { key: 'ticket.closing.mayNot', params: { time: '17:00' } }
 * closingWords({ kind: 'unlikely', at, clock: '17:00' }, true) //=> { key: 'ticket.closing.button.unlikely', params: { time: '17:00' } }
 */
export function closingWords(warning: ClosingWarning, button = false): MessageRef {
  const key = button ? (`ticket.closing.button.${warning.kind}` as const) : (`ticket.closing.${warning.kind}` as const)
  return { key, params: { time: warning.clock } }
}

/** The numbers of the missed-call rule, as the policy declares them. */
export type MissedCallPolicy = Pick<PolicyDescription, 'recallsBeforeNoShow' | 'graceMin' | 'rejoinBehind'>

/**
 * The missed-call rule with the branch's numbers (`ticket.missedRule.*`, its one wording), as
 * three sentences so each number chooses its own plural form ("1 call", "1 minute", "the next
 * person"): how many calls, how long to re-join, and behind how many of those then waiting.
 * Joined by `sentences`, as `missedRuleText` does.
 *
 * @example
 * missedRuleRefs({ recallsBeforeNoShow: 2, graceMin: 30, rejoinBehind: 2 })
 * //=> [{ key: 'ticket.missedRule.calls', params: { calls: 3 }, count: 3 },
 * //    { key: 'ticket.missedRule.rejoin', params: { grace: 30 }, count: 30 },
 * //    { key: 'ticket.missedRule.place', params: { behind: 2 }, count: 2 }]
 */
export function missedRuleRefs(p: MissedCallPolicy): readonly MessageRef[] {
  const calls = p.recallsBeforeNoShow + 1
  return [
    { key: 'ticket.missedRule.calls', params: { calls }, count: calls },
    { key: 'ticket.missedRule.rejoin', params: { grace: p.graceMin }, count: p.graceMin },
    { key: 'ticket.missedRule.place', params: { behind: p.rejoinBehind }, count: Math.min(p.rejoinBehind, 2) },
  ]
}

/**
 * The missed-call rule as one text in `language`, each sentence filled by `fill` (the hub's
 * `say`, a screen's `t`).
 *
 * @example
 * missedRuleText({ recallsBeforeNoShow: 0, graceMin: 1, rejoinBehind: 1 }, 'en', (ref) => say('en', ref))
 * //=> 'If you do not come after 1 call, … within 1 minute. Re-joining puts you behind the next person waiting.'
 */
export function missedRuleText(p: MissedCallPolicy, language: Language, fill: (ref: MessageRef) => string): string {
  return sentences(language, missedRuleRefs(p).map(fill))
}

/**
 * Sentences as one text: Chinese sets them side by side, English with a space between.
 *
 * @example
 * sentences('en', ['We will call you.', 'Thank you.']) //=> 'We will call you. Thank you.'
 * sentences('zh-CN', ['叫号时会通知您。', '谢谢。']) //=> '叫号时会通知您。谢谢。'
 */
export function sentences(language: Language, parts: readonly string[]): string {
  return parts.join(language === 'en' ? ' ' : '')
}

/**
 * What the ticket says about being called, on paper and on the kiosk's screen alike: how
 * (`ticket.calling`), then the missed-call rule.
 *
 * @example
 * callingNote({ recallsBeforeNoShow: 2, graceMin: 30, rejoinBehind: 2 }, 'en', (ref) => say('en', ref))
 * //=> 'We will call you on the lobby screen and by voice. If you do not come after 3 calls, …'
 */
export function callingNote(p: MissedCallPolicy, language: Language, fill: (ref: MessageRef) => string): string {
  return sentences(language, [fill({ key: 'ticket.calling' }), missedRuleText(p, language, fill)])
}
