import type { BranchConfig } from '../../../../shared/domain/branch'
import type { StaffId } from '../../../../shared/domain/ids'
import type { QueueState } from '../../../../shared/queue/state'
import { timedTransactions, transactionStandardSec } from '../../../../shared/queue/transactionStandard'

/** A teller's own day so far, from the visits they handled. */
export interface TellerDay {
  /** Customers whose visit with this teller ended served. */
  readonly served: number
  /** Transactions timed (the customer was at the counter and the visit ended). */
  readonly transactions: number
  readonly averageSec: number | null
  /** Share of timed transactions within their service's standard, 0–1. */
  readonly withinShare: number | null
}

/**
 * Served count, average transaction time and share within standard for one member of staff,
 * over today's tickets (open and finished: a customer transferred on is still a transaction).
 * Transactions are counted as the daily report counts them (`timedTransactions`), each against
 * its own standard, so the teller's own figures match what the manager reads tonight.
 *
 * @example
 * // t01 served A001 in 45 s and B002 in 200 s (standards 60 s and 180 s)
 * tellerDay(state, branch, t01) //=> { served: 2, transactions: 2, averageSec: 122.5, withinShare: 0.5 }
 */
export function tellerDay(state: QueueState, branch: BranchConfig, staffId: StaffId): TellerDay {
  let served = 0
  let transactions = 0
  let totalSec = 0
  let judged = 0
  let within = 0
  for (const tickets of [state.done, state.open]) {
    for (const t of tickets) {
      for (const v of t.visits) if (v.staffId === staffId && v.outcome === 'served') served++
      for (const { visit, transaction, durationSec } of timedTransactions(t)) {
        if (visit.staffId !== staffId) continue
        transactions++
        totalSec += durationSec
        const standard = transactionStandardSec(branch, transaction)
        if (standard === null) continue
        judged++
        if (durationSec <= standard) within++
      }
    }
  }
  return {
    served,
    transactions,
    averageSec: transactions === 0 ? null : totalSec / transactions,
    withinShare: judged === 0 ? null : within / judged,
  }
}
