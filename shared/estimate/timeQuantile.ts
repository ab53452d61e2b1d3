import { gammaQuantile } from './gammaDistribution'
import type { TimeParams } from './learnServiceTimes'
import { normalTail } from './normalTail'

/**
 * The p-quantile of a learned time (gamma or lognormal with its mean and scv).
 *
 * @example
 * timeQuantile({ meanSec: 60, scv: 1, n: 100, family: 'gamma' }, 0.5) //=> 41.58… (60 · ln 2)
 */
export function timeQuantile(t: TimeParams, p: number): number {
  if (t.family === 'gamma') return gammaQuantile(p, 1 / t.scv, t.meanSec * t.scv)
  const s2 = Math.log(1 + t.scv)
  // z with P(Z > z) = 1 − p, by bisection (this is not on a hot path)
  let lo = -10
  let hi = 10
  for (let i = 0; i < 80; i++) {
    const mid = 0.5 * (lo + hi)
    if (normalTail(mid) > 1 - p) lo = mid
    else hi = mid
  }
  return Math.exp(Math.log(t.meanSec) - s2 / 2 + Math.sqrt(s2) * 0.5 * (lo + hi))
}
