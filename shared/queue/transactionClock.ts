import type { BranchConfig } from '../domain/branch'
import type { CounterId } from '../domain/ids'
import { getCounter, getTicket, type QueueState } from './state'
import { currentTransaction, currentVisit } from './ticket'
import { transactionStandardSec } from './transactionStandard'

export interface TransactionClock {
  /** Seconds since the transaction in progress started (the customer's arrival, for the first). */
  readonly elapsedSec: number
  /** Its standard: the service's (the one-minute standard for routine work) times the quantity. */
  readonly standardSec: number
  /** Transactions of this visit so far, the one in progress included. */
  readonly transactions: number
  readonly overStandard: boolean
  /** elapsed / standard: the counter screen colours the timer by it. */
  readonly ratio: number
}

/**
 * How long the transaction in progress at a serving counter has run against its standard, or
 * null when the counter is not serving. Each transaction of a visit has its own clock.
 *
 * @example
 * // counter 3 started serving an A ticket (standard 60 s) 75 s ago
 * transactionClock(state, branch, c3, now) //=> { elapsedSec: 75, standardSec: 60, transactions: 1, overStandard: true, ratio: 1.25 }
 */
export function transactionClock(
  state: QueueState,
  branch: BranchConfig,
  counterId: CounterId,
  now: number,
): TransactionClock | null {
  const counter = getCounter(state, counterId)
  if (counter.status !== 'serving' || counter.ticketId === null) return null
  const ticket = getTicket(state, counter.ticketId)
  const visit = ticket === undefined ? undefined : currentVisit(ticket)
  const tx = visit === undefined ? undefined : currentTransaction(visit)
  if (ticket === undefined || visit === undefined || tx === undefined) return null
  const standardSec = transactionStandardSec(branch, tx) ?? 60
  const elapsedSec = Math.max(0, (now - tx.startedAt) / 1000)
  return {
    elapsedSec,
    standardSec,
    transactions: visit.transactions.length,
    overStandard: elapsedSec > standardSec,
    ratio: elapsedSec / standardSec,
  }
}
