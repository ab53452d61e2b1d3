import type { BranchConfig } from '../domain/branch'
import type { CounterId } from '../domain/ids'
import { getCounter, getTicket, type QueueState } from './state'
import { currentVisit } from './ticket'

export interface TransactionClock {
  /** Seconds since the customer arrived at the counter (service start). */
  readonly elapsedSec: number
  /** The service's transaction standard (the one-minute standard for routine work). */
  readonly standardSec: number
  readonly overStandard: boolean
  /** elapsed / standard: the counter screen colours the timer by it. */
  readonly ratio: number
}

/**
 * How long the transaction at a serving counter has run against its standard, or null when the
 * counter is not serving.
 *
 * @example
 * // counter 3 started serving an A ticket (standard 60 s) 75 s ago
 * transactionClock(state, branch, c3, now) //=> { elapsedSec: 75, standardSec: 60, overStandard: true, ratio: 1.25 }
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
  if (ticket === undefined || visit?.startedAt == null) return null
  const standardSec = branch.services.find((s) => s.id === visit.serviceId)?.standardSec ?? 60
  const elapsedSec = Math.max(0, (now - visit.startedAt) / 1000)
  return { elapsedSec, standardSec, overStandard: elapsedSec > standardSec, ratio: elapsedSec / standardSec }
}
