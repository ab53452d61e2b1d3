import type { BranchConfig, CounterConfig } from '../domain/branch'
import type { CounterId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import { accumulatedPriority, classRate } from './priorityScore'

/**
 * The calling policy as data: the key by which a counter orders the tickets it may call.
 * Compared field by field, smaller first:
 * 1. `promised`: 0 for a booked customer who checked in on time, whose slot has come and whose
 *    call grace is still running (`promiseDeadline`): they go before anyone else, at the first
 *    counter that serves their service, so they are called within the grace whenever such a
 *    counter frees up within it; among themselves by `deadline`, the earliest first, then by
 *    arrival;
 * 2. `capped`: 0 when the ticket has waited past the declared cap — it then goes before anyone
 *    who came after it, whatever their class or the counter's preferences (booked customers
 *    within their grace excepted);
 * 3. `due`: 0 for a booked customer who checked in on time once their slot has come (the ticket
 *    carries the slot as `appointmentAt`), also after the grace has run out;
 * 4. `tier`: 0 for a ticket transferred or resumed to this very counter, then 1 + the index of
 *    its service in the counter's preference list;
 * 5. `priority`, larger first (stored negated): the accumulated priority;
 * 6. `queuedAt`, then `tiebreak`, then `seq`: first come, first served.
 */
export interface CallKey {
  readonly promised: 0 | 1
  readonly deadline: number
  readonly capped: 0 | 1
  readonly due: 0 | 1
  readonly tier: number
  readonly negPriority: number
  readonly queuedAt: number
  readonly tiebreak: number
  readonly seq: number
}

/** Whether a counter may call a waiting ticket at all. */
export function eligibleAt(counter: CounterConfig, ticket: Ticket): boolean {
  if (ticket.status !== 'waiting') return false
  if (ticket.targetCounterId !== null) return ticket.targetCounterId === counter.id
  return counter.services.includes(ticket.serviceId)
}

export function callKey(branch: BranchConfig, counter: CounterConfig, ticket: Ticket, now: number): CallKey {
  const arrival = { queuedAt: ticket.queuedAt, tiebreak: ticket.tiebreak, seq: ticket.seq }
  const deadline = promiseDeadline(ticket, now)
  if (deadline !== null) return { promised: 0, deadline, capped: 0, due: 0, tier: 0, negPriority: 0, ...arrival }
  const cap = branch.policy.waitCapSec
  const capped = cap !== null && now - ticket.queuedAt >= cap * 1000 ? 0 : 1
  const tier = ticket.targetCounterId === counter.id ? 0 : 1 + counter.services.indexOf(ticket.serviceId)
  return {
    promised: 1,
    deadline: 0,
    capped,
    due: capped === 1 && isDueBooking(ticket, now) ? 0 : 1,
    // Capped tickets are ordered among themselves by arrival alone.
    tier: capped === 0 ? 0 : tier,
    negPriority:
      capped === 0 ? 0 : -accumulatedPriority(classRate(branch, ticket.priorityClassId), ticket.queuedAt, now),
    ...arrival,
  }
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
    a.promised - b.promised ||
    a.deadline - b.deadline ||
    a.capped - b.capped ||
    a.due - b.due ||
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
