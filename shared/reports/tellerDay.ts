import type { StaffId } from '../domain/ids'
import type { TransactionRow } from './ticketTimes'

/** A teller's own day so far, from the transactions they handled. */
export interface TellerDay {
  /** Visits with this teller that ended served (the customer left done). */
  readonly served: number
  /** Transactions of those visits, timed. */
  readonly transactions: number
  /** Their mean time (s); null before the first. */
  readonly averageSec: number | null
  /** Share of them within their service's standard, 0–1; null if none has a standard. */
  readonly withinShare: number | null
  /** Transactions whose customer went on elsewhere (transferred, parked, cancelled at the counter). */
  readonly apart: { readonly transactions: number; readonly averageSec: number | null }
}

/**
 * The one definition of a teller's day, for the counter's "My day" and beside the manager's
 * report. The report's line for a teller (`transactionSection(…).byStaff`) holds every timed
 * transaction of theirs; here the same rows are split: the average and the share within standard
 * are over the visits the teller served, so "1 served" never carries an average over 2 visits,
 * and the time of visits that went on elsewhere is counted apart. Served + apart is the report's
 * line for the teller.
 *
 * @example
 * // t01 served A001 (45 s, standard 60 s) and transferred B002 after 200 s
 * tellerDay(transactionsOf(tickets, branch), t01)
 * //=> { served: 1, transactions: 1, averageSec: 45, withinShare: 1, apart: { transactions: 1, averageSec: 200 } }
 */
export function tellerDay(rows: readonly TransactionRow[], staffId: StaffId): TellerDay {
  const mine = rows.filter((r) => r.staffId === staffId)
  const served = mine.filter((r) => r.outcome === 'served')
  const apart = mine.filter((r) => r.outcome !== 'served')
  const judged = served.filter((r) => r.withinStandard !== null)
  const visits = new Set(served.map((r) => `${r.ticketId} ${r.visitCalledAt}`))
  return {
    served: visits.size,
    transactions: served.length,
    averageSec: mean(served),
    withinShare: judged.length === 0 ? null : judged.filter((r) => r.withinStandard === true).length / judged.length,
    apart: { transactions: apart.length, averageSec: mean(apart) },
  }
}

function mean(rows: readonly TransactionRow[]): number | null {
  return rows.length === 0 ? null : rows.reduce((s, r) => s + r.durationSec, 0) / rows.length
}
