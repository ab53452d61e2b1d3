import type { BranchConfig, CounterConfig } from '../domain/branch'
import type { CounterId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import { accumulatedPriority, classRate } from './priorityScore'

/**
 * The calling policy as data: the key by which a counter orders the tickets it may call.
 * Compared field by field, smaller first:
 * 1. `capped`: 0 when the ticket has waited past the declared cap — it then goes before anyone
 *    who came after it, whatever their class or the counter's preferences;
 * 2. `due`: 0 for a booked customer who checked in on time once their slot has come (the ticket
 *    carries the slot as `appointmentAt`): they are called within the grace of their slot;
 * 3. `tier`: 0 for a ticket transferred or resumed to this very counter, then 1 + the index of
 *    its service in the counter's preference list;
 * 4. `priority`, larger first (stored negated): the accumulated priority;
 * 5. `queuedAt`, then `tiebreak`, then `seq`: first come, first served.
 */
export interface CallKey {
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
  const cap = branch.policy.waitCapSec
  const capped = cap !== null && now - ticket.queuedAt >= cap * 1000 ? 0 : 1
  const tier = ticket.targetCounterId === counter.id ? 0 : 1 + counter.services.indexOf(ticket.serviceId)
  return {
    capped,
    due: capped === 1 && isDueBooking(ticket, now) ? 0 : 1,
    // Capped tickets are ordered among themselves by arrival alone.
    tier: capped === 0 ? 0 : tier,
    negPriority:
      capped === 0 ? 0 : -accumulatedPriority(classRate(branch, ticket.priorityClassId), ticket.queuedAt, now),
    queuedAt: ticket.queuedAt,
    tiebreak: ticket.tiebreak,
    seq: ticket.seq,
  }
}

/** A booked customer, checked in on time, whose slot has come. */
export function isDueBooking(ticket: Pick<Ticket, 'appointmentAt'>, now: number): boolean {
  return ticket.appointmentAt !== null && ticket.appointmentAt <= now
}

export function compareCallKeys(a: CallKey, b: CallKey): number {
  return (
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
