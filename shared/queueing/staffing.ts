import { erlangC } from './erlangC'
import { normalCdf, normalPdf } from './normal'

/**
 * One class of customers sharing a pool of counters: its share of the arrivals and the wait it
 * is promised (the service's target wait).
 */
export interface WaitTarget {
  readonly share: number
  readonly targetSec: number
}

/**
 * The share of customers of an M/M/c FCFS queue called within their own target wait, when
 * several services with different targets share the counters:
 * Σ_i share_i · (1 − C(c, a)·e^{−(cμ − λ)·T_i}). Shares should sum to 1. 0 when unstable.
 *
 * @example
 * // 10 Erlangs, 14 counters, 180 s transactions, everyone promised 20 s
 * shareWithinTargets(14, 10 / 180, 1 / 180, [{ share: 1, targetSec: 20 }]) //=> 0.888…
 */
export function shareWithinTargets(
  servers: number,
  lambda: number,
  mu: number,
  targets: readonly WaitTarget[],
): number {
  if (lambda <= 0) return 1
  if (lambda >= servers * mu) return 0
  const c = erlangC(servers, lambda / mu)
  const rate = servers * mu - lambda
  let share = 0
  for (const t of targets) share += t.share * (1 - c * Math.exp(-rate * t.targetSec))
  return share
}

/**
 * The fewest counters that call at least `probability` of customers within their target wait
 * in a stationary M/M/c queue (Erlang C). 0 when nobody arrives; never fewer than the offered
 * load needs to be stable. `maxServers` bounds the search (returned when even it falls short).
 *
 * @example
 * // 10 Erlangs of 180 s transactions, 80 % within 20 s: 13 counters give 73.6 %, 14 give 88.8 %
 * serversForTargets(10 / 180, 1 / 180, [{ share: 1, targetSec: 20 }], 0.8) //=> 14
 */
export function serversForTargets(
  lambda: number,
  mu: number,
  targets: readonly WaitTarget[],
  probability: number,
  maxServers = 10_000,
): number {
  if (lambda <= 0) return 0
  let c = Math.max(1, Math.floor(lambda / mu) + 1)
  while (c < maxServers && shareWithinTargets(c, lambda, mu, targets) < probability) c++
  return c
}

/**
 * The Halfin–Whitt delay probability of square-root staffing c = a + β√a:
 * P(wait) ≈ [1 + β·Φ(β)/φ(β)]⁻¹ (Halfin & Whitt 1981), accurate when a is large.
 *
 * @example
 * halfinWhittDelay(0) //=> 1
 */
export function halfinWhittDelay(beta: number): number {
  return 1 / (1 + (beta * normalCdf(beta)) / normalPdf(beta))
}

/**
 * The safety factor β for which square-root staffing keeps the probability of waiting at
 * `delayProbability` (the inverse of `halfinWhittDelay`, by bisection).
 *
 * @example
 * halfinWhittBeta(0.2) //=> 1.06…
 */
export function halfinWhittBeta(delayProbability: number): number {
  let lo = 0
  let hi = 10
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (halfinWhittDelay(mid) > delayProbability) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * Square-root staffing: c = ⌈a + β√a⌉ counters for an offered load of a Erlangs. The rule of
 * thumb behind Erlang C for large branches and call centres (Borst, Mandelbaum & Reiman 2004):
 * the safety margin grows with the square root of the load, not with the load.
 *
 * @example
 * squareRootStaffing(100, 1) //=> 110
 */
export function squareRootStaffing(offeredLoad: number, beta: number): number {
  if (offeredLoad <= 0) return 0
  return Math.ceil(offeredLoad + beta * Math.sqrt(offeredLoad) - 1e-9)
}
