import { offeredLoadAt } from './offeredLoad'
import type { ServiceTimeModel } from './serviceTimeModel'
import { serversForTargets, type WaitTarget } from './staffing'

export interface StaffingPlanInput {
  /** Length of a staffing period (an hour: 3600). */
  readonly periodSec: number
  /** Customers arriving in each period, the first period starting with the branch empty. */
  readonly arrivals: readonly number[]
  /** Counter holding time per customer (transaction, and the walk to the counter). */
  readonly service: ServiceTimeModel
  /** The services sharing the counters: share of arrivals and target wait of each. */
  readonly targets: readonly WaitTarget[]
  /** The share of customers to call within their target (0.8 for "80 % within target"). */
  readonly probability: number
  /** Points per period at which the time-varying load is checked (both ends included). */
  readonly checksPerPeriod: number
}

export interface StaffingPeriod {
  readonly index: number
  readonly arrivals: number
  /** Stationary offered load λ_k·E[S] in Erlangs: what hour-by-hour staffing sees. */
  readonly offeredLoad: number
  /** The highest infinite-server (modified) offered load m(t) within the period. */
  readonly modifiedLoad: number
  /** Stationary independent period-by-period (SIPP) Erlang C staffing. */
  readonly sipp: number
  /** Erlang C on the modified offered load, the most any moment of the period needs. */
  readonly advised: number
}

/**
 * Counters per period that call `probability` of customers within their target wait, two ways:
 *
 * - **SIPP**: each period on its own, as if it were stationary: Erlang C with λ_k.
 * - **Advised (modified offered load)**: Erlang C with the arrival rate replaced by
 *   λ̃(t) = m(t)/E[S], where m(t) is the infinite-server offered load (`offeredLoadAt`),
 *   checked at `checksPerPeriod` points of the period, taking the largest. This carries the
 *   customers a peak leaves in transaction into the following period (Jennings, Mandelbaum,
 *   Massey & Whitt 1996; Green, Kolesar & Soares 2001 show plain SIPP fails there when
 *   transactions are long compared with the period).
 *
 * Assumptions (Erlang C's): Poisson arrivals within a period, exponential holding times with
 * the observed mean, one FCFS line served by every counter, nobody leaving, every staffed
 * counter working all period. See docs/reports.md.
 *
 * @example
 * staffingPlan({ periodSec: 3600, arrivals: [30, 30], service: exponentialService(120),
 *   targets: [{ share: 1, targetSec: 300 }], probability: 0.8, checksPerPeriod: 12 })[1].sipp //=> 2
 */
export function staffingPlan(input: StaffingPlanInput): StaffingPeriod[] {
  const { periodSec, service } = input
  const meanSec = service.meanSec
  const rates = input.arrivals.map((n) => n / periodSec)
  if (meanSec <= 0) {
    return input.arrivals.map((arrivals, index) => ({
      index,
      arrivals,
      offeredLoad: 0,
      modifiedLoad: 0,
      sipp: 0,
      advised: 0,
    }))
  }
  const mu = 1 / meanSec
  const checks = Math.max(1, input.checksPerPeriod)
  return input.arrivals.map((arrivals, index) => {
    const rate = rates[index] as number
    const sipp = serversForTargets(rate, mu, input.targets, input.probability)
    let modifiedLoad = 0
    let advised = 0
    for (let j = 0; j <= checks; j++) {
      const t = (index + j / checks) * periodSec
      const m = offeredLoadAt(rates, periodSec, service, t)
      modifiedLoad = Math.max(modifiedLoad, m)
      advised = Math.max(advised, serversForTargets(m * mu, mu, input.targets, input.probability))
    }
    return { index, arrivals, offeredLoad: rate * meanSec, modifiedLoad, sipp, advised }
  })
}
