import type { BranchConfig, ServiceConfig } from '../../../../shared/domain/branch'
import { getCounter, type QueueState } from '../../../../shared/queue/state'
import type { WaitingRow } from './waitingList'

/** One service's queue on the live floor. */
export interface ServiceQueueRow {
  readonly service: ServiceConfig
  readonly waiting: number
  /** The longest current wait among those waiting (seconds), null when nobody waits. */
  readonly longestWaitSec: number | null
  /** Customers waiting past the service's target wait. */
  readonly overTarget: number
  /** Open counters (not closed, not paused) that may serve it. */
  readonly counters: number
}

/**
 * The queue per service, from the waiting list (so both count waits the same way) and the
 * counters open for it now.
 *
 * @example
 * serviceQueues(state, branch, waitingList(state, branch, now))[0]
 * //=> { service: personal, waiting: 4, longestWaitSec: 780, overTarget: 1, counters: 2 }
 */
export function serviceQueues(
  state: QueueState,
  branch: BranchConfig,
  waiting: readonly WaitingRow[],
): ServiceQueueRow[] {
  return branch.services.map((service) => {
    let n = 0
    let longest: number | null = null
    let over = 0
    for (const r of waiting) {
      if (r.ticket.serviceId !== service.id) continue
      n++
      longest = longest === null ? r.waitedSec : Math.max(longest, r.waitedSec)
      if (r.overTarget) over++
    }
    const counters = branch.counters.filter((c) => {
      const status = getCounter(state, c.id).status
      return c.services.includes(service.id) && status !== 'closed' && status !== 'paused'
    }).length
    return { service, waiting: n, longestWaitSec: longest, overTarget: over, counters }
  })
}
