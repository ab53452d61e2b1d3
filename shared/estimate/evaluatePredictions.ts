import type { WaitEstimate } from '../queue/ticket'

/** One customer's actual wait until call and what each predictor said at issue (seconds). */
export interface PredictionRow {
  readonly actual: number
  readonly ours: WaitEstimate | null
  readonly naive: number | null
  /** Last-to-enter-service: the wait of the last customer of the same service to be called. */
  readonly les: number | null
  /** A predictor that knows the true parameters (M/M/s scenarios only). */
  readonly oracle: number | null
  /** The same estimator on the scenario's true model, when the run asked for it. */
  readonly informed?: number | null
  /** The ticket's service and the hour of the day it was issued in (for the breakdowns). */
  readonly serviceId?: string
  readonly hour?: number
}

export interface PredictionScore {
  /** Customers scored (every predictor had an answer for them). */
  readonly n: number
  readonly meanWaitSec: number
  readonly rmse: {
    readonly ours: number
    readonly naive: number
    readonly les: number
    readonly oracle: number | null
    readonly informed: number | null
  }
  /** Mean of (ours − actual): positive when we over-promise waiting. */
  readonly biasSec: number
  /** Share of the customers with a non-degenerate range whose wait fell in [p10, p90]. */
  readonly coverage: number
  readonly coverageN: number
}

/**
 * RMSE of each predictor's mean against the actual waits, over the customers every predictor
 * could answer for, and the calibration of our 80 % range. Customers told "no wait" (an open
 * counter was free: p90 = 0) are left out of the coverage: a point at zero that is right says
 * nothing about the range.
 *
 * @example
 * scorePredictions(rows).coverage //=> 0.80…
 */
export function scorePredictions(rows: readonly PredictionRow[]): PredictionScore {
  let n = 0
  let sumActual = 0
  let se = 0
  let seNaive = 0
  let seLes = 0
  let seOracle = 0
  let nOracle = 0
  let seInformed = 0
  let nInformed = 0
  let bias = 0
  let covered = 0
  let ranged = 0
  for (const r of rows) {
    if (r.ours !== null && r.ours.p90 > 0) {
      ranged++
      if (r.actual >= r.ours.p10 && r.actual <= r.ours.p90) covered++
    }
    if (r.ours === null || r.naive === null || r.les === null) continue
    n++
    sumActual += r.actual
    se += (r.ours.mean - r.actual) ** 2
    bias += r.ours.mean - r.actual
    seNaive += (r.naive - r.actual) ** 2
    seLes += (r.les - r.actual) ** 2
    if (r.oracle !== null) {
      seOracle += (r.oracle - r.actual) ** 2
      nOracle++
    }
    if (r.informed != null) {
      seInformed += (r.informed - r.actual) ** 2
      nInformed++
    }
  }
  const rmse = (x: number, m: number): number => (m === 0 ? Number.NaN : Math.sqrt(x / m))
  return {
    n,
    meanWaitSec: n === 0 ? Number.NaN : sumActual / n,
    rmse: {
      ours: rmse(se, n),
      naive: rmse(seNaive, n),
      les: rmse(seLes, n),
      oracle: nOracle === n && n > 0 ? rmse(seOracle, n) : null,
      informed: nInformed === n && n > 0 ? rmse(seInformed, n) : null,
    },
    biasSec: n === 0 ? Number.NaN : bias / n,
    coverage: ranged === 0 ? Number.NaN : covered / ranged,
    coverageN: ranged,
  }
}
