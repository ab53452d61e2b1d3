import type { BranchConfig, CounterConfig } from '../domain/branch'
import { delayId, type DelayId } from '../domain/ids'
import type { LocalizedText } from '../domain/text'
import type { LearnedServiceTimes } from '../estimate/learnServiceTimes'
import { timeQuantile } from '../estimate/timeQuantile'
import type { CounterState } from '../queue/counterState'
import type { DelayScope } from '../queue/delay'
import type { QueueState } from '../queue/state'
import { currentTransaction, type Ticket } from '../queue/ticket'
import {
  arrivalsAboveNormalMessage,
  counterClosedMessage,
  counterPausedMessage,
  fewerCountersMessage,
  longTransactionMessage,
  noCounterMessage,
} from './delayMessages'
import { withinStretches } from '../domain/stretchTimes'
import { callHold, openCaller } from '../estimate/callHold'
import type { CounterPlan } from '../estimate/counterAvailability'
import { plannedHours } from '../estimate/plannedHours'
import { strandedTickets } from '../estimate/strandedByClosing'
import { mayCall } from '../queue/mayCall'
import { usualHourAt, type UsualPattern } from './usualPattern'

export type AutoDelayKind =
  'counterPaused' | 'counterClosed' | 'longTransaction' | 'fewerCounters' | 'arrivalsAboveNormal'

/** An explanation that should be shown now, as the hub announces it (source `automatic`). */
export interface AutoDelay {
  /** Stable while the cause lasts: `auto:counterPaused:c3`, `auto:fewerCounters`, … */
  readonly delayId: DelayId
  readonly scope: DelayScope
  readonly kind: AutoDelayKind
  readonly message: LocalizedText
  /** When the cause began, as far as the state tells (epoch ms). */
  readonly since: number
}

export interface DelayThresholds {
  /** A transaction is "far over its standard" past this multiple of `standardSec` … */
  readonly longTransactionFactor: number
  /** … and past this quantile of the learned transaction time, when one is known. */
  readonly longTransactionQuantile: number
  /** A counter is usually open in an hour when it was staffed for this share of it on average. */
  readonly usuallyOpenShare: number
  /** History needed before "usual" means anything (days). */
  readonly minHistoryDays: number
  /** Arrivals are "above normal" at this multiple of the usual count over the window … */
  readonly arrivalsRatio: number
  /** … and at least this many more customers than usual. */
  readonly arrivalsExtra: number
  readonly arrivalsWindowSec: number
  /** While an explanation is shown, its cause must fall this far back before it is cleared. */
  readonly hysteresis: number
}

export const DEFAULT_THRESHOLDS: DelayThresholds = {
  longTransactionFactor: 3,
  longTransactionQuantile: 0.95,
  usuallyOpenShare: 0.5,
  minHistoryDays: 3,
  arrivalsRatio: 1.5,
  arrivalsExtra: 5,
  arrivalsWindowSec: 1800,
  hysteresis: 0.8,
}

export interface DetectContext {
  /** The branch's usual day (`learnUsualPattern` over recent days); null when there is no history. */
  readonly usual?: UsualPattern | null
  /**
   * The learned service times (the long-transaction threshold uses the transaction times), or
   * how to get them: asked only for a transaction already past its standard's threshold, so a
   * caller whose model goes stale with every finished ticket (the simulator) learns it only then.
   */
  readonly model?: LearnedServiceTimes | null | (() => LearnedServiceTimes | null)
  readonly thresholds?: Partial<DelayThresholds>
  /**
   * The branch's UTC offset: with it, a counter's own planned hours (`hours` in branch.json) say
   * whether it is expected open now. Absent: the roster is not read.
   */
  readonly utcOffsetMinutes?: number
}

/**
 * Whether a counter is expected to be open now, for explaining a closed or paused one: its
 * planned hours where it has them (the manager's plan for today); else in an hour it is usually
 * open, once there is enough history to know; else, with neither, `openedToday` once it has been
 * open today — then the estimates of those already waiting counted on it, and its closing
 * lengthens the waits they were given (not the waits of those who came after: theirs counted
 * without it). `unknown` when the counter has no plan and there is no history (a pause is then
 * always explained).
 */
type Expected = 'open' | 'closed' | 'openedToday' | 'unknown'

function expectedOpen(
  counter: CounterConfig,
  live: CounterState | undefined,
  usuallyOpen: boolean | null,
  now: number,
  utcOffsetMinutes: number | undefined,
): Expected {
  // planned hours, none included (a counter planned closed all day), are the plan, as the estimates take them
  if (counter.hours !== undefined && utcOffsetMinutes !== undefined)
    return withinStretches(counter.hours, now, utcOffsetMinutes) ? 'open' : 'closed'
  if (usuallyOpen !== null) return usuallyOpen ? 'open' : 'closed'
  // a counter's state exists today only once it has been opened (the day starts with none)
  return live === undefined ? 'unknown' : 'openedToday'
}

/** Whether `id` is the automatic explanation of `counter` being closed, in either wording. */
function isClosedDelay(id: string, counter: CounterConfig): boolean {
  const base = `auto:counterClosed:${counter.id}`
  return id === base || id.startsWith(`${base}:`)
}

/**
 * The explanation of a closed counter: "our other counters are serving you" only when they are;
 * when it leaves people with no open counter for their service (`strandedTickets`, the decision
 * the counter screen's close confirmation takes), it names those services and, where the roster
 * says when one opens (`callHold`, the status page's reason), when service resumes. Each wording
 * has its own id (the services by their place in the branch, the time), since the hub replaces
 * an explanation only when its id changes: a wording gone untrue is cleared, not left up.
 */
function closedCounter(
  state: QueueState,
  branch: BranchConfig,
  counter: CounterConfig,
  now: number,
  context: DetectContext,
): Pick<AutoDelay, 'delayId' | 'kind' | 'message'> {
  const kind = 'counterClosed'
  const stranded = strandedTickets(state, branch, counter.id)
  if (stranded.length === 0)
    return { delayId: delayId(`auto:counterClosed:${counter.id}`), kind, message: counterClosedMessage(counter) }
  const offset = context.utcOffsetMinutes
  const plans: CounterPlan[] = offset === undefined ? [] : plannedHours(branch, context.usual ?? null, now, offset)
  const clocks = new Set(stranded.map((t) => callHold(state, branch, t, plans, now, offset ?? 0)).map(resumesAt))
  // One time for them all, or none: a time said of some services would be untrue of the rest.
  const [only] = clocks
  const clock = clocks.size === 1 && only !== undefined ? only : null
  const services = branch.services.filter((s) => stranded.some((t) => t.serviceId === s.id))
  const places = services.map((s) => branch.services.indexOf(s)).join('-')
  const at = clock === null ? '' : `:${clock.replace(':', '')}`
  const id = `auto:counterClosed:${counter.id}:alone:${places}${at}`
  // Ids are at most 64 characters (`DelayIdSchema`): past that, the services by their number.
  const fitted = id.length <= 64 ? id : `auto:counterClosed:${counter.id}:alone:n${services.length}${at}`
  return { delayId: delayId(fitted), kind, message: noCounterMessage(services, clock) }
}

/** When a held ticket's counters open ("09:00"), or null when the hold gives no time. */
function resumesAt(hold: ReturnType<typeof callHold>): string | null {
  return hold?.kind === 'opensAt' ? hold.clock : null
}

/** Waiting tickets a counter may call. */
function waitingFor(state: QueueState, counter: CounterConfig): Ticket[] {
  return state.open.filter((t) => t.status === 'waiting' && mayCall(counter, t))
}

/**
 * The automatic explanations that should be shown now. The hub diffs this list against the
 * automatic delays in `state.delays` by `delayId`, announcing new ones and clearing the ones that
 * are gone (`announceDelay` / `clearDelay`, source `automatic`); the engine keeps each with its
 * start and end for the daily report.
 *
 * - `counterPaused` / `counterClosed`: a counter paused (with its reason) or closed while people
 *   it could serve are waiting, when it is expected open (`expectedOpen`: its planned hours; else
 *   an hour it is usually open, with enough history to know; else, for a closed one, once it has
 *   been open today and while someone who was waiting when it closed still waits — a pause is
 *   then always explained).
 * - `longTransaction`: a transaction far over its standard (3× `standardSec` and past the 95th
 *   percentile of the learned transaction time) while people wait for that counter.
 * - `fewerCounters`: at least one counter fewer staffed than usual for the hour, people waiting.
 * - `arrivalsAboveNormal`: for a service, half as many customers again as usual in the last half
 *   hour (and at least five more).
 *
 * An explanation already shown stays until its cause has fallen back by a margin (hysteresis),
 * so the lobby display does not flicker.
 *
 * @example
 * detectDelays(state, branch, now, { usual, model }).map((d) => d.delayId)
 * //=> ['auto:counterPaused:c3', 'auto:longTransaction:c1']
 */
export function detectDelays(
  state: QueueState,
  branch: BranchConfig,
  now: number,
  context: DetectContext = {},
): AutoDelay[] {
  const th = { ...DEFAULT_THRESHOLDS, ...context.thresholds }
  const usual = context.usual != null && context.usual.days >= th.minHistoryDays ? context.usual : null
  const hour = usual === null ? undefined : usualHourAt(usual, now)
  const shown = (id: string): boolean => {
    const d = state.delays[id]
    return d !== undefined && d.endedAt === null
  }
  const startedAt = (id: string): number => (shown(id) ? (state.delays[id]?.startedAt ?? now) : now)
  let model: { readonly value: LearnedServiceTimes | null } | undefined
  const learnedModel = (): LearnedServiceTimes | null =>
    (model ??= { value: typeof context.model === 'function' ? context.model() : (context.model ?? null) }).value
  const out: AutoDelay[] = []
  const counterScope = (c: CounterConfig): DelayScope => ({ kind: 'counter', counterId: c.id })

  for (const counter of branch.counters) {
    const live = state.counters[counter.id]
    const status = live?.status ?? 'closed'
    const share = hour?.counterOpenShare[counter.id] ?? 0
    const closedShown = Object.keys(state.delays).some((id) => isClosedDelay(id, counter) && shown(id))
    const usuallyOpen = hour === undefined ? null : share >= th.usuallyOpenShare * (closedShown ? th.hysteresis : 1)
    const expected = expectedOpen(counter, live, usuallyOpen, now, context.utcOffsetMinutes)
    const waiting = waitingFor(state, counter)
    const anyoneWaiting = waiting.length > 0
    // A pause is explained where the counter is expected open, and always when it leaves someone
    // waiting with no open counter that can call them: a teller opened it (before or after its
    // planned hours too), its customers counted on it, and their wait now rests on its return.
    // Once shown it stays until the counter resumes or closes: cleared whenever its queue emptied
    // and posted again at the next arrival, one break showed as several short explanations on the
    // display and in the day report (10 of one demo day's rows under a minute).
    const pausedId = `auto:counterPaused:${counter.id}`
    const strands = status === 'paused' && waiting.some((t) => !openCaller(state, branch, t))
    if (status === 'paused' && (shown(pausedId) || (anyoneWaiting && (expected !== 'closed' || strands)))) {
      out.push({
        delayId: delayId(pausedId),
        scope: counterScope(counter),
        kind: 'counterPaused',
        message: counterPausedMessage(counter, live?.pauseReason?.code ?? 'other'),
        since: live?.since ?? now,
      })
    }
    const closedAt = live?.since ?? now
    const countedOnIt =
      expected === 'open' || (expected === 'openedToday' && waiting.some((t) => t.issuedAt <= closedAt))
    if (status === 'closed' && anyoneWaiting && countedOnIt) {
      out.push({
        ...closedCounter(state, branch, counter, now, context),
        scope: counterScope(counter),
        since: closedAt,
      })
    }
    if (status === 'serving' && anyoneWaiting && live?.ticketId != null) {
      const ticket = state.open.find((t) => t.id === live.ticketId)
      const visit = ticket?.visits[ticket.visits.length - 1]
      const tx = visit === undefined ? undefined : currentTransaction(visit)
      const service = branch.services.find((s) => s.id === tx?.serviceId)
      if (tx !== undefined && service !== undefined) {
        const id = `auto:longTransaction:${counter.id}`
        const margin = shown(id) ? th.hysteresis : 1
        const elapsed = (now - tx.startedAt) / 1000
        const standardLimit = th.longTransactionFactor * service.standardSec * tx.quantity
        // the limit is the larger of the two: one within the standard's needs no learned times
        const learned = elapsed > standardLimit * margin ? learnedModel()?.transaction[service.id] : undefined
        const limit = Math.max(
          standardLimit,
          learned === undefined ? 0 : timeQuantile(learned, th.longTransactionQuantile),
        )
        if (elapsed > limit * margin) {
          out.push({
            delayId: delayId(id),
            scope: counterScope(counter),
            kind: 'longTransaction',
            message: longTransactionMessage(counter),
            since: tx.startedAt + limit * 1000,
          })
        }
      }
    }
  }

  if (hour !== undefined) {
    const staffed = branch.counters.filter((c) => {
      const s = state.counters[c.id]?.status ?? 'closed'
      return s === 'idle' || s === 'calling' || s === 'serving'
    }).length
    const anyoneWaiting = state.open.some((t) => t.status === 'waiting')
    const gap = shown('auto:fewerCounters') ? 0.5 : 1 - 0.25
    if (anyoneWaiting && staffed <= hour.countersOpen - gap) {
      out.push({
        delayId: delayId('auto:fewerCounters'),
        scope: { kind: 'branch' },
        kind: 'fewerCounters',
        message: fewerCountersMessage(),
        since: startedAt('auto:fewerCounters'),
      })
    }
    const from = now - th.arrivalsWindowSec * 1000
    // one pass over the day's tickets and one over the usual hour for all services (asked often)
    const seenOf = new Map<string, number>()
    for (const list of [state.open, state.done])
      for (const t of list) if (t.issuedAt > from) seenOf.set(t.serviceId, (seenOf.get(t.serviceId) ?? 0) + 1)
    const usualArrivals = Object.entries(hour.arrivals)
    for (const service of branch.services) {
      const seen = seenOf.get(service.id) ?? 0
      let perHour = 0
      for (const [k, v] of usualArrivals) if (k.startsWith(`${service.id}|`)) perHour += v
      const expected = (perHour * th.arrivalsWindowSec) / 3600
      const id = `auto:arrivalsAboveNormal:${service.id}`
      const ratio = shown(id) ? 1 + (th.arrivalsRatio - 1) * th.hysteresis * 0.5 : th.arrivalsRatio
      if (seen >= expected * ratio && seen >= expected + (shown(id) ? 0 : th.arrivalsExtra)) {
        out.push({
          delayId: delayId(id),
          scope: { kind: 'service', serviceId: service.id },
          kind: 'arrivalsAboveNormal',
          message: arrivalsAboveNormalMessage(service),
          since: startedAt(id),
        })
      }
    }
  }
  return out
}
