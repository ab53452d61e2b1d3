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
