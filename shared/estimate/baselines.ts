import type { BranchConfig } from '../domain/branch'
import { peopleAhead } from '../queue/peopleAhead'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'

/**
 * The predictors ours is measured against (`bench/estimate.bench.ts`, the acceptance tests).
 * None of them is used to tell customers anything.
 */

/**
 * What common queue systems show: people ahead × mean service time ÷ open counters (the counters
 * not closed that serve the ticket's service). Null when none is open.
 *
 * @example
 * // 6 ahead, 120 s mean, 3 counters open for the service
 * naiveWait(state, branch, ticket, now, 120) //=> 240
 */
export function naiveWait(
  state: QueueState,
  branch: BranchConfig,
  ticket: Ticket,
  now: number,
  meanServiceSec: number,
): number | null {
  let open = 0
  for (const c of branch.counters) {
    const status = state.counters[c.id]?.status ?? 'closed'
    if (status !== 'closed' && c.services.includes(ticket.serviceId)) open++
  }
  if (open === 0) return null
  return (peopleAhead(state, branch, ticket, now) * meanServiceSec) / open
}

/**
 * Whitt's queue-length predictor for M/M/s: with all s servers busy and n waiting ahead, the
 * wait is Erlang(n + 1, sμ), of mean (n + 1)/(sμ); with a server free, zero.
 *
 * @example
 * queueLengthWait(4, 3, 60, true) //=> 100
 */
export function queueLengthWait(ahead: number, servers: number, meanServiceSec: number, allBusy: boolean): number {
  return allBusy ? ((ahead + 1) * meanServiceSec) / servers : 0
}

/**
 * Whitt's QLm for M/M/s+M (customers abandon at rate θ while waiting): the customer with n ahead
 * waits through n + 1 phases, the i-th (counting the people still ahead) ending at rate sμ + iθ,
 * so the mean is Σ_{i=0}^{n} 1/(sμ + iθ) — below the plain (n + 1)/(sμ), which ignores that
 * some of those ahead will leave.
 *
 * @example
 * qlmWait(2, 1, 60, 0) //=> 180 (no abandonment: the plain predictor)
 * qlmWait(2, 1, 60, 1 / 600) //=> 166.5…
 */
export function qlmWait(ahead: number, servers: number, meanServiceSec: number, abandonPerSec: number): number {
  const smu = servers / meanServiceSec
  let sum = 0
  for (let i = 0; i <= ahead; i++) sum += 1 / (smu + i * abandonPerSec)
  return sum
}
