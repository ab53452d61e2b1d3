import type { Ticket } from '../queue/ticket'
import { timedTransactions } from '../queue/transactionStandard'
import { addPatience, type PatienceData } from './patience'
import type { PauseSums } from './pauseLengths'

/**
 * Count, sum and sum of squares — enough for a mean and a variance — and the same of the
 * logarithms, which is what tells a lognormal day from a gamma one. Additive across days.
 */
export interface MomentSums {
  readonly n: number
  readonly sum: number
  readonly sumSq: number
  readonly sumLog: number
  readonly sumLogSq: number
}

export const NO_MOMENTS: MomentSums = { n: 0, sum: 0, sumSq: 0, sumLog: 0, sumLogSq: 0 }

/**
 * One day's counter times, per service (and per service and counter), as the hub keeps them in
 * its history: plain JSON, one object per day, and small (a few numbers per service and counter).
 *
 * - `occupancy`: how long a call holds the counter, from the call to the end of the visit
 *   (walking up, every transaction the customer asks for, a transfer or a park). This is what
 *   the queue waits for, so it learns the day's mix: where customers of a service often add a
 *   second transaction, that service's occupancy per visit grows by it.
 * - `transaction`: start to end of each served transaction, under the service it was opened
 *   for: the clock of the one-minute standard.
 * - `noShows`: the counter time a call costs when nobody comes (call to the no-show mark).
 * - `calls`: visits made, per service, so the share of no-shows can be learned.
 * - `patience`: each ticket's first call — how long it had waited and whether its customer was
 *   still there — from which customers' patience is learned (`fitPatience`).
 *
 * Visits are filed under the service the ticket was called for (what the estimator knows
 * beforehand), not the service the teller says was done.
 */
export interface ServiceTimeStats {
  readonly day: string
  readonly occupancy: Readonly<Record<string, MomentSums>>
  /** occupancyByCounter[serviceId][counterId] */
  readonly occupancyByCounter: Readonly<Record<string, Readonly<Record<string, MomentSums>>>>
  /**
   * occupancyByStaff[serviceId][staffId]: the same visits by the teller who made them, wherever
   * they sat (visits with no teller recorded are only in `occupancyByCounter`). Absent in
   * summaries made before tellers' paces were learned.
   */
  readonly occupancyByStaff?: Readonly<Record<string, Readonly<Record<string, MomentSums>>>>
  readonly transaction: Readonly<Record<string, MomentSums>>
  readonly noShows: Readonly<Record<string, MomentSums>>
  readonly calls: Readonly<Record<string, number>>
  readonly patience: Readonly<Record<string, PatienceData>>
  /** The counters' pauses that ended, by reason (from the day's counter events, `pauseSums`). */
  readonly pauses?: PauseSums
}

export function emptyServiceTimeStats(day: string): ServiceTimeStats {
  return {
    day,
    occupancy: {},
    occupancyByCounter: {},
    occupancyByStaff: {},
    transaction: {},
    noShows: {},
    calls: {},
    patience: {},
  }
}

/** Adds one observation to a sum (times under a second count as one second in the logarithms). */
export function addMoment(m: MomentSums | undefined, x: number): MomentSums {
  const b = m ?? NO_MOMENTS
  const l = Math.log(Math.max(1, x))
  return { n: b.n + 1, sum: b.sum + x, sumSq: b.sumSq + x * x, sumLog: b.sumLog + l, sumLogSq: b.sumLogSq + l * l }
}

/** Sums two summaries (the same quantity over two periods). */
export function mergeMoments(a: MomentSums | undefined, b: MomentSums | undefined): MomentSums {
  const x = a ?? NO_MOMENTS
  const y = b ?? NO_MOMENTS
  return {
    n: x.n + y.n,
    sum: x.sum + y.sum,
    sumSq: x.sumSq + y.sumSq,
    sumLog: x.sumLog + y.sumLog,
    sumLogSq: x.sumLogSq + y.sumLogSq,
  }
}

/**
 * Adds the finished visits of one ticket to a day's summary. Visits still in progress, and
 * visits ended by the day's close, say nothing about how long service takes and are left out.
 *
 * @example
 * // A001 called at 09:00:00, started 09:00:20, completed 09:01:20 at counter c1
 * addTicketToStats(emptyServiceTimeStats('2026-11-24'), a001).occupancy.a //=> { n: 1, sum: 80, sumSq: 6400, … }
 */
export function addTicketToStats(stats: ServiceTimeStats, ticket: Ticket): ServiceTimeStats {
  let s = addFirstCall(stats, ticket)
  for (const v of ticket.visits) {
    if (v.endedAt === null || v.outcome === null || v.outcome === 'removedAtClose') continue
    const service = v.serviceId
    const held = (v.endedAt - v.calledAt) / 1000
    const calls = { ...s.calls, [service]: (s.calls[service] ?? 0) + 1 }
    if (v.outcome === 'noShow') {
      s = { ...s, calls, noShows: { ...s.noShows, [service]: addMoment(s.noShows[service], held) } }
      continue
    }
    const perCounter = s.occupancyByCounter[service] ?? {}
    s = {
      ...s,
      calls,
      occupancy: { ...s.occupancy, [service]: addMoment(s.occupancy[service], held) },
      occupancyByCounter: {
        ...s.occupancyByCounter,
        [service]: { ...perCounter, [v.counterId]: addMoment(perCounter[v.counterId], held) },
      },
    }
    if (v.staffId !== null) {
      const byStaff = s.occupancyByStaff ?? {}
      const perStaff = byStaff[service] ?? {}
      s = {
        ...s,
        occupancyByStaff: { ...byStaff, [service]: { ...perStaff, [v.staffId]: addMoment(perStaff[v.staffId], held) } },
      }
    }
  }
  for (const { transaction: tx, durationSec } of timedTransactions(ticket)) {
    if (tx.outcome !== 'served') continue
    s = { ...s, transaction: { ...s.transaction, [tx.serviceId]: addMoment(s.transaction[tx.serviceId], durationSec) } }
  }
  return s
}

/**
 * What a ticket's first call says about patience: the wait until it, and whether the customer
 * came (a no-show: absent). Nothing when the first visit has not ended, or ended by the close.
 *
 * @example
 * addFirstCall(emptyServiceTimeStats('2026-11-24'), a001).patience.a //=> { present: 1, presentSec: 20, absent: [] }
 */
export function addFirstCall(stats: ServiceTimeStats, ticket: Ticket): ServiceTimeStats {
  const first = ticket.visits[0]
  if (first === undefined || first.outcome === null || first.outcome === 'removedAtClose') return stats
  const service = ticket.serviceId
  const waited = (first.calledAt - ticket.issuedAt) / 1000
  return {
    ...stats,
    patience: {
      ...stats.patience,
      [service]: addPatience(stats.patience[service], waited, first.outcome === 'noShow'),
    },
  }
}

/**
 * A day's summary from its finished tickets (the hub's `state.done` at day close, or at any
 * moment for "today so far").
 *
 * @example
 * summariseServiceTimes('2026-11-24', state.done).calls //=> { a: 212, b: 40 }
 */
export function summariseServiceTimes(day: string, tickets: readonly Ticket[]): ServiceTimeStats {
  let s = emptyServiceTimeStats(day)
  for (const t of tickets) s = addTicketToStats(s, t)
  return s
}
