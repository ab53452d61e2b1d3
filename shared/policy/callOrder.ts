import type { BranchConfig, CounterConfig } from '../domain/branch'
import type { CounterId, ServiceId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import { accumulatedPriority, classRate, type ClassRate } from './priorityScore'

/**
 * The calling policy as data: the key by which a counter orders the tickets it may call.
 * Compared field by field, smaller first:
 * 1. `standing`, the rule that puts the ticket where it is:
 *    - `PROMISED` (0): a booked customer who checked in on time, whose slot has come and whose
 *      call grace is still running (`promiseDeadline`): they go before anyone else, at the first
 *      counter that serves their service, so they are called within the grace whenever such a
 *      counter frees up within it; among themselves by `deadline`, the earliest first, then by
 *      arrival;
 *    - `CAPPED` (1): the ticket has waited past the declared cap — it then goes before anyone
 *      who came after it, whatever their class or the counter's preferences (booked customers
 *      within their grace excepted); among these, arrival alone;
 *    - `DUE` (2): a booked customer who checked in on time once their slot has come (the ticket
 *      carries the slot as `appointmentAt`), also after the grace has run out;
 *    - `QUEUED` (3): everyone else;
 * 2. `deadline`: a promised ticket's end of grace (0 otherwise);
 * 3. `tier`: 0 for a ticket transferred or resumed to this very counter, then 1 + the index of
 *    its service in the counter's preference list;
 * 4. `priority`, larger first (stored negated): the accumulated priority;
 * 5. `queuedAt`, then `tiebreak`, then `seq`: first come, first served.
 * (One `standing` rather than a flag per rule: the estimator's projection compares thousands of
 * keys per event, and the shorter key is what keeps it inside its time budget.)
 */
export interface CallKey {
  readonly standing: Standing
  readonly deadline: number
  readonly tier: number
  readonly negPriority: number
  readonly queuedAt: number
  readonly tiebreak: number
  readonly seq: number
}

export const PROMISED = 0
export const CAPPED = 1
export const DUE = 2
export const QUEUED = 3
export type Standing = typeof PROMISED | typeof CAPPED | typeof DUE | typeof QUEUED

/** A `CallKey` written in place (the estimator's projection ranks thousands of tickets per event). */
export type MutableCallKey = { -readonly [K in keyof CallKey]: CallKey[K] }

/**
 * What of a waiting ticket its place in the calling order depends on, besides its class and the
 * counter. Times in milliseconds on one clock: the engine's (epoch), or the estimator's
 * projection's (from now) — only differences between them matter.
 */
export type CallPlace = Pick<
  Ticket,
  'queuedAt' | 'tiebreak' | 'seq' | 'issuedAt' | 'appointmentAt' | 'appointmentGraceSec'
>

/** Whether a counter may call a waiting ticket at all. */
export function eligibleAt(counter: CounterConfig, ticket: Ticket): boolean {
  if (ticket.status !== 'waiting') return false
  return callTier(counter, ticket.serviceId, ticket.targetCounterId) >= 0
}

/**
 * A counter's tier for a ticket: 0 when it was transferred or resumed to this very counter, then
 * 1 + the index of its service in the counter's preference list; -1 when the counter may not call it.
 */
export function callTier(counter: CounterConfig, serviceId: ServiceId, targetCounterId: CounterId | null): number {
  if (targetCounterId !== null) return targetCounterId === counter.id ? 0 : -1
  const idx = counter.services.indexOf(serviceId)
  return idx < 0 ? -1 : 1 + idx
}

export function callKey(branch: BranchConfig, counter: CounterConfig, ticket: Ticket, now: number): CallKey {
  return writeCallKey(
    emptyCallKey(),
    ticket,
    classRate(branch, ticket.priorityClassId),
    // any ticket it is given, one sent to another counter too, ranks by its service here (the
    // neutral counters of peopleAhead and the point predictors)
    ticket.targetCounterId === counter.id ? 0 : 1 + counter.services.indexOf(ticket.serviceId),
    branch.policy.waitCapSec,
    now,
  )
}

export function emptyCallKey(): MutableCallKey {
  return { standing: QUEUED, deadline: 0, tier: 0, negPriority: 0, queuedAt: 0, tiebreak: 0, seq: 0 }
}

/**
 * The key of a ticket at a counter that ranks it at `tier` (`callTier`), written into `out`: the
 * one definition of the calling order, used by the engine (`callKey`) and by the estimator's
 * projection of the calls to come.
 */
export function writeCallKey(
  out: MutableCallKey,
  place: CallPlace,
  cls: ClassRate,
  tier: number,
  waitCapSec: number | null,
  now: number,
): MutableCallKey {
  out.queuedAt = place.queuedAt
  out.tiebreak = place.tiebreak
  out.seq = place.seq
  out.deadline = 0
  // Walk-ins (nearly everyone) skip the booking rules: this runs on every projected call.
  if (place.appointmentAt !== null) {
    const deadline = promiseDeadline(place, now)
    if (deadline !== null) {
      out.standing = PROMISED
      out.deadline = deadline
      out.tier = 0
      out.negPriority = 0
      return out
    }
  }
  if (waitCapSec !== null && now - place.queuedAt >= waitCapSec * 1000) {
    // Capped tickets are ordered among themselves by arrival alone.
    out.standing = CAPPED
    out.tier = 0
    out.negPriority = 0
    return out
  }
  out.standing = place.appointmentAt !== null && isDueBooking(place, now) ? DUE : QUEUED
  out.tier = tier
  out.negPriority = -accumulatedPriority(cls, place.queuedAt, now)
  return out
}

/** A booked customer, checked in on time, whose slot has come. */
export function isDueBooking(ticket: Pick<Ticket, 'appointmentAt'>, now: number): boolean {
  return ticket.appointmentAt !== null && ticket.appointmentAt <= now
}

/**
 * When a booked customer's call grace runs out, while it runs: their slot has come, and it is at
 * most the grace after the slot (or after their check-in, if they checked in after the slot —
 * the report measures from the later of the two). Null for walk-ins, before the slot, after the
 * grace, and for tickets that carry no grace (journals written before it was journaled).
 *
 * @example
 * promiseDeadline({ appointmentAt: tenThirty, appointmentGraceSec: 600, issuedAt: tenTwenty }, tenThirtyFive) //=> tenForty
 */
export function promiseDeadline(
  ticket: Pick<Ticket, 'appointmentAt' | 'appointmentGraceSec' | 'issuedAt'>,
  now: number,
): number | null {
  if (ticket.appointmentAt === null || ticket.appointmentGraceSec === undefined || ticket.appointmentAt > now)
    return null
  const deadline = Math.max(ticket.appointmentAt, ticket.issuedAt) + ticket.appointmentGraceSec * 1000
  return now <= deadline ? deadline : null
}

export function compareCallKeys(a: CallKey, b: CallKey): number {
  return (
    a.standing - b.standing ||
    a.deadline - b.deadline ||
    a.tier - b.tier ||
    a.negPriority - b.negPriority ||
    a.queuedAt - b.queuedAt ||
    a.tiebreak - b.tiebreak ||
    a.seq - b.seq
  )
}

/**
 * Which ticket counter `counterId` calls next, or null when none it may serve is waiting.
 * One pass over the day's tickets, no sorting: this runs on every "call next".
 */
export function nextTicket(state: QueueState, branch: BranchConfig, counterId: CounterId, now: number): Ticket | null {
  const counter = branch.counters.find((c) => c.id === counterId)
  if (counter === undefined) return null
  let best: Ticket | null = null
  let bestKey: CallKey | null = null
  for (const t of state.open) {
    if (!eligibleAt(counter, t)) continue
    const key = callKey(branch, counter, t, now)
    if (bestKey === null || compareCallKeys(key, bestKey) < 0) {
      best = t
      bestKey = key
    }
  }
  return best
}

/** The waiting tickets a counter may call, in the order it would call them now. */
export function callOrder(state: QueueState, branch: BranchConfig, counterId: CounterId, now: number): Ticket[] {
  const counter = branch.counters.find((c) => c.id === counterId)
  if (counter === undefined) return []
  return state.open
    .filter((t) => eligibleAt(counter, t))
    .map((t) => ({ t, k: callKey(branch, counter, t, now) }))
    .sort((a, b) => compareCallKeys(a.k, b.k))
    .map((x) => x.t)
}
