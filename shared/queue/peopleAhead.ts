import type { BranchConfig } from '../domain/branch'
import { counterId } from '../domain/ids'
import { compareCallKeys, callKey } from '../policy/callOrder'
import type { QueueState } from './state'
import type { Ticket } from './ticket'

/**
 * How many people are ahead of a waiting ticket for its service under the calling policy now:
 * the waiting tickets of the same service (or sent to no particular counter) whose place comes
 * before it. Shown on the ticket and the status page (rule 3: show position and progress).
 * Counter preferences are ignored here: they decide which counter, not who is first.
 *
 * @example
 * // A001 … A004 waiting, no priorities
 * peopleAhead(state, branch, a004, now) //=> 3
 */
export function peopleAhead(state: QueueState, branch: BranchConfig, ticket: Ticket, now: number): number {
  if (ticket.status !== 'waiting') return 0
  // A neutral "counter" that serves just this service, so the tier is equal for everyone.
  const counter = { id: ticket.targetCounterId ?? counterId('(any)'), number: 0, services: [ticket.serviceId] }
  const own = callKey(branch, counter, ticket, now)
  let ahead = 0
  for (const t of state.open) {
    if (t.id === ticket.id || t.status !== 'waiting' || t.serviceId !== ticket.serviceId) continue
    if (t.targetCounterId !== null && t.targetCounterId !== ticket.targetCounterId) continue
    if (compareCallKeys(callKey(branch, counter, t, now), own) < 0) ahead++
  }
  return ahead
}
