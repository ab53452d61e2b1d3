import type { BranchConfig } from '../domain/branch'
import type { CounterId, ServiceId } from '../domain/ids'
import { mayCall } from '../queue/mayCall'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import { openCaller } from './callHold'

/** How many waiting customers of a service no open counter would be left to call. */
export interface Stranded {
  readonly serviceId: ServiceId
  readonly waiting: number
}

/**
 * The waiting tickets that counter `counterId` may call and that no other open counter may
 * (`mayCall`, `openCaller`): who its closing leaves with nobody to call them, or, once it is
 * closed, who it left so. The same question whether the counter is open now or not: it is
 * judged as closed.
 *
 * @example
 * // counter 1 the only one open for A; A003 and A004 waiting
 * strandedTickets(state, branch, c1).map((t) => t.number) //=> ['A003', 'A004']
 */
export function strandedTickets(
  state: Pick<QueueState, 'counters' | 'open'>,
  branch: Pick<BranchConfig, 'counters'>,
  counterId: CounterId,
): Ticket[] {
  const counter = branch.counters.find((c) => c.id === counterId)
  if (counter === undefined) return []
  // Without its live state a counter counts as closed (`openCaller`): the others' states only.
  const others = { counters: Object.fromEntries(Object.entries(state.counters).filter(([id]) => id !== counterId)) }
  return state.open.filter((t) => t.status === 'waiting' && mayCall(counter, t) && !openCaller(others, branch, t))
}

/**
 * `strandedTickets` counted by service, in the branch's order of services (none: closing the
 * counter leaves nobody without a counter, and the teller is not asked to confirm it).
 *
 * @example
 * strandedByClosing(state, branch, c1) //=> [{ serviceId: 'a', waiting: 2 }]
 */
export function strandedByClosing(
  state: Pick<QueueState, 'counters' | 'open'>,
  branch: Pick<BranchConfig, 'counters' | 'services'>,
  counterId: CounterId,
): Stranded[] {
  const counts = new Map<ServiceId, number>()
  for (const t of strandedTickets(state, branch, counterId)) counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1)
  return branch.services.flatMap((s) => {
    const waiting = counts.get(s.id)
    return waiting === undefined ? [] : [{ serviceId: s.id, waiting }]
  })
}
