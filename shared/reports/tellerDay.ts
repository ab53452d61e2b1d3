import type { StaffId } from '../domain/ids'
import { standardTally, type StandardTally } from '../queue/transactionStandard'
import type { TransactionRow } from './ticketTimes'

/** A teller's own day so far, from the transactions they handled. */
export interface TellerDay {
  /** Visits with this teller that ended served (the customer left done). */
  readonly served: number
  /** Transactions of those visits, timed. */
  readonly transactions: number
  /** Their mean time (s); null before the first. */
  readonly averageSec: number | null
  /**
   * Every timed transaction of theirs judged against its standard, the ones that went on
   * elsewhere too (`standardTally`): the figure the manager's strip and the report show.
   */
  readonly standard: StandardTally
  /** Transactions whose customer went on elsewhere (transferred, parked, cancelled at the counter). */
  readonly apart: { readonly transactions: number; readonly averageSec: number | null }
}

/**
 * The one definition of a teller's day, for the counter's "My day" and beside the manager's
 * report. The report's line for a teller (`transactionSection(…).byStaff`) holds every timed
 * transaction of theirs; here the average is over the visits the teller served, so "1 served"
 * never carries an average over 2 visits, and the time of visits that went on elsewhere is
 * counted apart. The share within standard is the report's and the manager's (`standardTally`
 * over every timed transaction): a teller is judged by the figure the manager reads.
 *
 * @example
 * // t01 served A001 (71 s, standard 60 s) and transferred A003 after 52 s
 * tellerDay(transactionsOf(tickets, branch), t01)
 * //=> { served: 1, transactions: 1, averageSec: 71, standard: { judged: 2, within: 1, share: 0.5 },
 * //     apart: { transactions: 1, averageSec: 52 } }
 */
export function tellerDay(rows: readonly TransactionRow[], staffId: StaffId): TellerDay {
  const mine = rows.filter((r) => r.staffId === staffId)
  const served = mine.filter((r) => r.outcome === 'served')
  const apart = mine.filter((r) => r.outcome !== 'served')
  const visits = new Set(served.map((r) => `${r.ticketId} ${r.visitCalledAt}`))
  return {
    served: visits.size,
    transactions: served.length,
    averageSec: mean(served),
    standard: standardTally(mine),
    apart: { transactions: apart.length, averageSec: mean(apart) },
  }
}

function mean(rows: readonly TransactionRow[]): number | null {
  return rows.length === 0 ? null : rows.reduce((s, r) => s + r.durationSec, 0) / rows.length
}
