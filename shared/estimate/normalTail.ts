import { erfc } from '../queueing/normal'

/**
 * The upper tail of the standard normal, Q(x) = P(Z > x) = ½·erfc(x/√2), from the one
 * `erfc` of `shared/queueing/normal` (relative error below 1.2·10⁻⁷), which keeps small tails'
 * relative precision (lognormal residuals divide by them).
 *
 * @example
 * normalTail(0) //=> 0.5
 * normalTail(1.2815516) //=> 0.1
 */
export function normalTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2)
}
