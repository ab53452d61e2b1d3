import type { BranchConfig } from '../domain/branch'
import type { QueueState } from './state'
import type { Ticket } from './ticket'

/**
 * Where a customer who missed their call re-joins: as if they had arrived just after the
 * `rejoinBehind`-th person now waiting for the same service (first come, first served order),
 * and never earlier than their own original place. Everybody who is waiting keeps their turn
 * up to that many people, and the customer who missed the call is not sent to the back.
 *
 * @example
 * // rejoinBehind = 2, waiting A005 (10:00), A006 (10:02), A007 (10:05); A003 re-joins:
 * rejoinPlace(state, branch, a003) //=> { queuedAt: <10:02>, tiebreak: <A006's> + 0.5 }
 */
export function rejoinPlace(
  state: QueueState,
  branch: BranchConfig,
  ticket: Ticket,
  now: number,
): { queuedAt: number; tiebreak: number } {
  const waiting = state.open
    .filter((t) => t.status === 'waiting' && t.serviceId === ticket.serviceId && t.targetCounterId === null)
    .sort((a, b) => a.queuedAt - b.queuedAt || a.tiebreak - b.tiebreak)
  const k = branch.policy.rejoinBehind
  if (k === 0 || waiting.length === 0) {
    // Nobody to let go first: the ticket's original place, or now if that would be earlier than
    // nobody anyway — both put it at the head.
    return { queuedAt: Math.min(ticket.queuedAt, now), tiebreak: ticket.tiebreak }
  }
  const behind = waiting[Math.min(k, waiting.length) - 1] as Ticket
  if (behind.queuedAt < ticket.queuedAt) return { queuedAt: ticket.queuedAt, tiebreak: ticket.tiebreak }
  return { queuedAt: behind.queuedAt, tiebreak: behind.tiebreak + 0.5 }
}
