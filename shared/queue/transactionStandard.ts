import { findService, type BranchConfig } from '../domain/branch'
import type { Ticket, Transaction, Visit, VisitOutcome } from './ticket'
import { doneServiceId } from './ticket'

/** The most of one thing a single transaction may count (bills, cards …). */
export const MAX_QUANTITY = 99

/**
 * Whether a value typed for a transaction's quantity may be sent: a whole number from 1 to
 * `MAX_QUANTITY` (an emptied number field gives '' , a mistyped one 1.5 or 99999).
 *
 * @example
 * isQuantity(5) //=> true
 * isQuantity(1.5) //=> false
 */
export function isQuantity(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_QUANTITY
}

/**
 * The standard a transaction is judged by: its service's standard times its quantity (paying
 * five bills is allowed five times one bill's time). Null for a service the branch no longer has.
 *
 * @example
 * transactionStandardSec(branch, { serviceId: a, quantity: 5, … }) //=> 300 (A's standard is 60 s)
 */
export function transactionStandardSec(branch: BranchConfig, tx: Transaction): number | null {
  const standard = findService(branch, doneServiceId(tx))?.standardSec
  return standard === undefined ? null : standard * tx.quantity
}

/** Ends of a transaction whose length is the work done: not a no-show, not cut off by the close. */
export const TIMED_OUTCOMES: readonly VisitOutcome[] = ['served', 'transferred', 'parked', 'cancelled']

/** A finished transaction whose time counts, with the visit it belongs to. */
export interface TimedTransaction {
  readonly visit: Visit
  /** Its place in the visit, from 0. */
  readonly index: number
  readonly transaction: Transaction & { readonly endedAt: number; readonly outcome: VisitOutcome }
  readonly durationSec: number
}

/**
 * The ticket's finished transactions whose time counts (see `TIMED_OUTCOMES`), visit by visit.
 *
 * @example
 * timedTransactions(a001).map((x) => x.durationSec) //=> [45, 120] (a deposit, then a card)
 */
export function timedTransactions(ticket: Ticket): TimedTransaction[] {
  const out: TimedTransaction[] = []
  for (const visit of ticket.visits) {
    visit.transactions.forEach((tx, index) => {
      if (tx.endedAt === null || tx.outcome === null || !TIMED_OUTCOMES.includes(tx.outcome)) return
      const transaction = { ...tx, endedAt: tx.endedAt, outcome: tx.outcome }
      out.push({ visit, index, transaction, durationSec: (tx.endedAt - tx.startedAt) / 1000 })
    })
  }
  return out
}

/**
 * The one-minute standard, judged one way on every screen (the counter's "my day", the
 * manager's strip, the day and range reports): every timed transaction (`TIMED_OUTCOMES`: one
 * served, and one that ended in a transfer, a park or a cancel at the counter, since the teller's
 * time was spent on it) of a service with a standard is judged; it is within its standard when
 * it took at most `transactionStandardSec`, over when longer. A no-show has no transaction, and
 * one cut off by the day's close is not timed, so neither is judged.
 *
 * @example
 * withinStandard(52, 60) //=> true
 * withinStandard(71, 60) //=> false
 * withinStandard(71, null) //=> null (a service the branch no longer has: not judged)
 */
export function withinStandard(durationSec: number, standardSec: number | null): boolean | null {
  return standardSec === null ? null : durationSec <= standardSec
}

/**
 * How far a transaction ran over its standard (s), by `withinStandard`'s definition; null when it
 * did not (within it, or not judged), so a list of transactions over their standard holds none
 * that met it.
 *
 * @example
 * overStandardSec(71, 60) //=> 11
 * overStandardSec(52, 60) //=> null
 */
export function overStandardSec(durationSec: number, standardSec: number | null): number | null {
  return withinStandard(durationSec, standardSec) === false ? durationSec - (standardSec as number) : null
}

/** Transactions judged against their standard, how many met it, and that share (null: none judged). */
export interface StandardTally {
  readonly judged: number
  readonly within: number
  readonly share: number | null
}

/**
 * The share of transactions within their standard, by `withinStandard`: the one figure the
 * teller, the manager and the report read.
 *
 * @example
 * // one of 71 s and one of 52 s (ended by a transfer), both of a 60-s service
 * standardTally([{ durationSec: 71, standardSec: 60 }, { durationSec: 52, standardSec: 60 }])
 * //=> { judged: 2, within: 1, share: 0.5 }
 */
export function standardTally(
  transactions: Iterable<{ readonly durationSec: number; readonly standardSec: number | null }>,
): StandardTally {
  let judged = 0
  let within = 0
  for (const { durationSec, standardSec } of transactions) {
    const w = withinStandard(durationSec, standardSec)
    if (w === null) continue
    judged++
    if (w) within++
  }
  return { judged, within, share: judged === 0 ? null : within / judged }
}
