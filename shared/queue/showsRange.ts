import type { WaitEstimate } from './ticket'

/**
 * Whether a shown estimate gave a range a wait can fall inside or outside. A top of 0 (p90 ≤ 0)
 * is shown as "soon" / "now": no range was promised, so a wait of a few seconds neither keeps
 * nor breaks it. The estimator's calibration learns nothing from such a ticket, and the reports
 * leave it out of their inside/above/below-range counts — both by this one test.
 *
 * @example
 * showsRange({ mean: 0, p10: 0, p50: 0, p90: 0 }) //=> false
 * showsRange({ mean: 300, p10: 120, p50: 280, p90: 500 }) //=> true
 */
export function showsRange(shown: WaitEstimate): boolean {
  return shown.p90 > 0
}
