import type { BranchConfig, CounterConfig } from '../../../../shared/domain/branch'
import type { CounterState } from '../../../../shared/queue/counterState'
import { getCounter, getTicket, type QueueState } from '../../../../shared/queue/state'
import type { Ticket } from '../../../../shared/queue/ticket'
import { transactionClock, type TransactionClock } from '../../../../shared/queue/transactionClock'

/** One counter on the live floor. */
export interface CounterRow {
  readonly config: CounterConfig
  readonly live: CounterState
  /** The ticket being called or served there. */
  readonly ticket: Ticket | null
  /** While serving: the transaction timer against the service's standard. */
  readonly clock: TransactionClock | null
  /** Seconds in the present status (paused for how long, idle for how long). */
  readonly forSec: number
}

/**
 * Every configured counter, in the branch's order, with what is happening at it now. A counter
 * that has had no event today reads as closed (the engine's rule).
 *
 * @example
 * // counter 1 serving A001 for 75 s (standard 60 s)
 * counterRows(state, branch, now)[0] //=> { live: { status: 'serving', … }, ticket: A001, clock: { overStandard: true, … }, forSec: 75 }
 */
export function counterRows(state: QueueState, branch: BranchConfig, now: number): CounterRow[] {
  return branch.counters.map((config) => {
    const live = getCounter(state, config.id)
    return {
      config,
      live,
      ticket: live.ticketId === null ? null : (getTicket(state, live.ticketId) ?? null),
      clock: transactionClock(state, branch, config.id, now),
      forSec: Math.max(0, (now - live.since) / 1000),
    }
  })
}
