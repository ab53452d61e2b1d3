import { shapeInto, type ShapeAt, type TimeShape } from './firstCallTime'

/**
 * One counter's calls from now on: the first when its current work (or pause, or the wait for
 * its opening) ends, then one per cycle — the counter time a call takes (walking up, the
 * transaction, or the recalls of a no-show). No calls at or after `closeAt`.
 */
export interface CallCurve {
  readonly first: TimeShape
  readonly cycleMean: number
  readonly cycleScv: number
  /** Seconds from now; Infinity when the counter is not due to close. */
  readonly closeAt: number
}

/**
 * The counter's number of calls by time t, N(t) = 1{R ≤ t}·(1 + N₀(t − R)), in mean, rate and
 * variance, with the renewal approximations E N₀(x) ≈ x/m and Var N₀(x) ≈ c²x/m:
 *
 *   E N(t)   = F(t) + E[(t − R)⁺]/m
 *   Var N(t) = Var(1{R ≤ t}(1 + (t − R)/m)) + c²·E[(t − R)⁺]/m
 *
 * Both are exact when R and the cycles are exponential with the same mean (then N is a Poisson
 * process: mean = variance = t/m), which is the M/M/s case.
 *
 * @example
 * // busy counter, exponential 60 s transactions: a Poisson process of rate 1/60
 * callsAt({ first: shapeFromMoments(60, 3600), cycleMean: 60, cycleScv: 1, closeAt: Infinity }, 120)
 * //=> { mean: 2, rate: 1/60, variance: 2 }
 */
export function callsAt(c: CallCurve, t: number): { mean: number; rate: number; variance: number } {
  return addCallsAt(c, t, { F: 0, f: 0, I1: 0, I2: 0 }, { mean: 0, rate: 0, variance: 0 })
}

interface Calls {
  mean: number
  rate: number
  variance: number
}

/** Adds one counter's calls by t to `sum` (`scratch` holds its shape there): no garbage. */
function addCallsAt(c: CallCurve, t: number, scratch: ShapeAt, sum: Calls): Calls {
  const open = t < c.closeAt
  const s = shapeInto(c.first, open ? t : c.closeAt, scratch)
  const m = c.cycleMean
  const ey = s.F + s.I1 / m
  const ey2 = s.F + (2 * s.I1) / m + s.I2 / (m * m)
  sum.mean += ey
  sum.rate += open ? s.f + s.F / m : 0
  sum.variance += Math.max(0, ey2 - ey * ey) + (c.cycleScv * s.I1) / m
  return sum
}

/** The pool's calls by time t: the sum over its counters, which run independently. */
export function poolCallsAt(pool: readonly CallCurve[], t: number): { mean: number; rate: number; variance: number } {
  return poolCallsInto(pool, pool.length, t, { F: 0, f: 0, I1: 0, I2: 0 }, { mean: 0, rate: 0, variance: 0 })
}

/** `poolCallsAt` over the first `n` curves, written into `sum` (`timeOfCall` evaluates it a dozen times per ticket: no garbage). */
function poolCallsInto(pool: readonly CallCurve[], n: number, t: number, scratch: ShapeAt, sum: Calls): Calls {
  sum.mean = 0
  sum.rate = 0
  sum.variance = 0
  for (let i = 0; i < n; i++) addCallsAt(pool[i] as CallCurve, t, scratch, sum)
  return sum
}

/** The most calls the pool can make (counters that close stop calling). */
export function poolCallLimit(pool: readonly CallCurve[]): number {
  return callLimit(pool, pool.length, { F: 0, f: 0, I1: 0, I2: 0 }, { mean: 0, rate: 0, variance: 0 })
}

function callLimit(pool: readonly CallCurve[], n: number, scratch: ShapeAt, x: Calls): number {
  let limit = 0
  for (let i = 0; i < n; i++) {
    const c = pool[i] as CallCurve
    if (c.closeAt === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY
    x.mean = 0
    x.rate = 0
    x.variance = 0
    limit += addCallsAt(c, c.closeAt, scratch, x).mean
  }
  return limit
}

/** Where the pool's expected calls reach k: the time, and the count's rate and variance there. */
export interface CallHit {
  t: number
  rate: number
  variance: number
}

/** The working memory of `timeOfCall`, kept by a caller that asks it again and again. */
export interface CallScratch {
  readonly shape: ShapeAt
  readonly calls: Calls
}

export function callScratch(): CallScratch {
  return { shape: { F: 0, f: 0, I1: 0, I2: 0 }, calls: { mean: 0, rate: 0, variance: 0 } }
}

/**
 * The time t at which the pool's expected calls reach k (the fluid time of the k-th call),
 * with the count's variance and rate there. Null when the pool closes before that many calls.
 * Safeguarded Newton from `guess`, kept inside a bracket that bisection shrinks.
 *
 * @example
 * // three busy counters, exponential 60 s: the 5th call comes at 5 · 60 / 3 = 100 s on average
 * timeOfCall(pool3, 5, 90) //=> { t: 100, rate: 0.05, variance: 5 }
 */
export function timeOfCall(pool: readonly CallCurve[], k: number, guess: number): CallHit | null {
  return timeOfCallInto(pool, pool.length, k, guess, callScratch(), { t: 0, rate: 0, variance: 0 })
}

/** `timeOfCall` over the first `n` curves of `pool`, written into `out` (null: not reached), with `scratch`. */
export function timeOfCallInto(
  pool: readonly CallCurve[],
  n: number,
  k: number,
  guess: number,
  scratch: CallScratch,
  out: CallHit,
): CallHit | null {
  const shape = scratch.shape
  const x = scratch.calls
  poolCallsInto(pool, n, 0, shape, x)
  if (x.mean >= k - 1e-9) {
    out.t = 0
    out.rate = x.rate
    out.variance = 0
    return out
  }
  if (callLimit(pool, n, shape, x) < k - 1e-9) return null
  let lo = 0
  let hi = Math.max(guess, 1)
  poolCallsInto(pool, n, hi, shape, x)
  while (x.mean < k) {
    lo = hi
    hi *= 2
    if (hi > 1e7) return null
    poolCallsInto(pool, n, hi, shape, x)
  }
  let t = Math.min(Math.max(guess, lo), hi)
  for (let i = 0; i < 100; i++) {
    poolCallsInto(pool, n, t, shape, x)
    const gap = x.mean - k
    if (Math.abs(gap) < 1e-7 * k) break
    if (gap < 0) lo = t
    else hi = t
    const newton = x.rate > 0 ? t - gap / x.rate : Number.NaN
    t = newton > lo && newton < hi ? newton : 0.5 * (lo + hi)
    if (hi - lo < 1e-7 * Math.max(1, hi)) break
  }
  poolCallsInto(pool, n, t, shape, x)
  out.t = t
  out.rate = x.rate
  out.variance = x.variance
  return out
}
