import type { WaitEstimate } from './ticket'

/**
 * Whether an estimate gave a range at all: its raw p10–p90, as the estimator judges itself. A top
 * of 0 (p90 ≤ 0) is "now": a wait of a few seconds neither keeps nor breaks it, and the
 * estimator's calibration (and the simulator's coverage of the 80 % range) learns nothing from it.
 *
 * Not what the reports judge: what the customer was shown is whole minutes, and "soon" up to a
 * top of two; the reports' "inside the range shown" is `estimate/shownPromise`'s `judgeShownWait`.
 *
 * @example
 * showsRange({ mean: 0, p10: 0, p50: 0, p90: 0 }) //=> false
 * showsRange({ mean: 300, p10: 120, p50: 280, p90: 500 }) //=> true
 */
export function showsRange(shown: WaitEstimate): boolean {
  return shown.p90 > 0
}
