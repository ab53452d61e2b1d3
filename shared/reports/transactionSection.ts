import type { CounterId, ServiceId, StaffId } from '../domain/ids'
import { delaysDuring, type DelayRef, type DelayRow } from './delaySection'
import { distribution, groupBy, shareOf, type Distribution } from './stats'
import type { TransactionRow } from './ticketTimes'
import { overStandardSec, standardTally } from '../queue/transactionStandard'

/** Transaction times of a group and how many finished within their service's standard. */
export interface TransactionFigures extends Distribution {
  /** Transactions of a service with a known standard. */
  readonly judged: number
  readonly withinStandard: number
  readonly withinStandardShare: number | null
}

/** A bar of a service's transaction-time chart, in multiples of its standard. */
export interface StandardBin {
  /** Transactions up to this multiple of the standard (and above the previous); null: beyond. */
  readonly upToMultiple: number | null
  readonly count: number
}

/**
 * One of the transactions that ran furthest over their standard, with what explains it: only a
 * transaction over its standard (`overStandardSec`), never one that met it.
 */
export interface LongTransaction extends TransactionRow {
  /**
   * How far over its standard, above 0; null only in reports made before 2026-12-08, which
   * listed transactions of a service without a standard too (the schema still reads them).
   */
  readonly overSec: number | null
  /** Delays announced meanwhile that concern this counter or service. */
  readonly delays: readonly DelayRef[]
  /** The teller recorded a different service from the one the ticket was for. */
  readonly serviceChanged: boolean
}

/**
 * Visits counted apart from transactions: a visit is one call of a customer to a counter until
 * they leave, and holds every transaction done meanwhile.
 */
export interface VisitFigures {
  /** Visits with at least one timed transaction. */
  readonly visits: number
  readonly transactions: number
  readonly transactionsPerVisit: number | null
  /** Visits by how many transactions they held: 1, 2, 3, then 4 or more (`4`). */
  readonly byCount: readonly { readonly transactions: number; readonly visits: number }[]
  /** Time at the counter per visit: the sum of its transactions. */
  readonly time: Distribution
}

export interface TransactionSection {
  readonly overall: TransactionFigures
  readonly byService: readonly (TransactionFigures & {
    readonly serviceId: ServiceId
    /** The service's standard for one item; a transaction of quantity q is judged against q times it. */
    readonly standardSec: number | null
    readonly bins: readonly StandardBin[]
    /** Items done (the sum of the transactions' quantities). */
    readonly units: number
  })[]
  readonly byCounter: readonly (TransactionFigures & { readonly counterId: CounterId })[]
  readonly byStaff: readonly (TransactionFigures & { readonly staffId: StaffId | null })[]
  readonly longest: readonly LongTransaction[]
  readonly visits: VisitFigures
}

const MULTIPLES = [0.5, 1, 1.5, 2, 3]

/**
 * Transaction-time figures of a set of transactions.
 *
 * @example
 * transactionFigures(rows).withinStandardShare //=> 0.72
 */
export function transactionFigures(rows: readonly TransactionRow[]): TransactionFigures {
  // The one definition of within standard (`queue/transactionStandard`), as the counter's and
  // the manager's screens count it.
  const { judged, within } = standardTally(rows)
  return {
    ...distribution(rows.map((r) => r.durationSec)),
    judged,
    withinStandard: within,
    withinStandardShare: shareOf(within, judged),
  }
}

/**
 * The one-minute standard: transaction times per service (with their distribution in multiples
 * of the standard), % within standard per service, counter and teller, and the transactions that
 * ran furthest over, with the delays and service changes that explain them.
 *
 * @example
 * transactionSection(tx, delays, 10).byStaff[0].withinStandardShare //=> 0.9
 */
export function transactionSection(
  rows: readonly TransactionRow[],
  delays: readonly DelayRow[],
  longestListSize: number,
): TransactionSection {
  const byService = [...groupBy(rows, (r) => r.serviceId)].map(([serviceId, g]) => {
    const first = g[0]
    const standardSec = first?.standardSec == null ? null : first.standardSec / first.quantity
    const bins: StandardBin[] = [...MULTIPLES, null].map((upToMultiple) => ({ upToMultiple, count: 0 }))
    for (const r of g) {
      const standard = r.standardSec
      if (standard === null) continue
      const k = MULTIPLES.findIndex((m) => r.durationSec <= m * standard)
      const i = k === -1 ? MULTIPLES.length : k
      const bin = bins[i] as StandardBin
      bins[i] = { ...bin, count: bin.count + 1 }
    }
    const units = g.reduce((sum, r) => sum + r.quantity, 0)
    return { serviceId, standardSec, bins, units, ...transactionFigures(g) }
  })
  // Only transactions over their standard: one that met it (or has none to meet) is not "over".
  const over = rows.flatMap((r) => {
    const overSec = overStandardSec(r.durationSec, r.standardSec)
    return overSec === null ? [] : [{ r, overSec }]
  })
  const longest = over
    .sort((a, b) => b.overSec - a.overSec)
    .slice(0, longestListSize)
    .map(({ r, overSec }) => ({
      ...r,
      overSec,
      delays: delaysDuring(
        delays,
        r.startedAt,
        r.endedAt,
        (s) =>
          s.kind === 'branch' ||
          (s.kind === 'service' && s.serviceId === r.serviceId) ||
          (s.kind === 'counter' && s.counterId === r.counterId),
      ),
      serviceChanged: r.serviceId !== r.calledForServiceId,
    }))
  return {
    overall: transactionFigures(rows),
    byService,
    byCounter: [...groupBy(rows, (r) => r.counterId)].map(([counterId, g]) => ({
      counterId,
      ...transactionFigures(g),
    })),
    byStaff: [...groupBy(rows, (r) => r.staffId)].map(([staffId, g]) => ({ staffId, ...transactionFigures(g) })),
    longest,
    visits: visitFigures(rows),
  }
}

/**
 * Transactions grouped into the visits that held them.
 *
 * @example
 * // A001 paid five bills and replaced a card in one visit; A002 made one deposit
 * visitFigures(rows) //=> { visits: 2, transactions: 3, transactionsPerVisit: 1.5, … }
 */
export function visitFigures(rows: readonly TransactionRow[]): VisitFigures {
  const perVisit = [...groupBy(rows, (r) => `${r.ticketId}@${r.visitCalledAt}`).values()]
  const byCount = [1, 2, 3, 4].map((n) => ({
    transactions: n,
    visits: perVisit.filter((g) => (n === 4 ? g.length >= 4 : g.length === n)).length,
  }))
  return {
    visits: perVisit.length,
    transactions: rows.length,
    transactionsPerVisit: perVisit.length === 0 ? null : rows.length / perVisit.length,
    byCount,
    time: distribution(perVisit.map((g) => g.reduce((sum, r) => sum + r.durationSec, 0))),
  }
}
