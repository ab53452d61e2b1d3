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

/**
 * The ordinary renewal function's excess over x/m, M(x) − x/m, after x of calling: 0 at the
 * start, (c² − 1)/2 in the long run (Smith's theorem), reached at the rate 1/E[equilibrium
 * residual] = 2/((1 + c²)m) — exact for the two-phase hyperexponential of balanced means the
 * projection fits to cycles more variable than exponential, whose renewal function is
 * x/m + (c² − 1)/2·(1 − e^{−γx}). Taken as 0 for cycles less variable than exponential: their
 * excess is negative on average over the counters' phases, but the state nearly fixes the phases
 * (a regular transaction's rest is nearly known), and moving those means made the benchmark's
 * regular days worse (eleventh round (b) of docs/estimation.md).
 *
 * @example
 * renewalExcess(60, 4, 1e6) //=> 1.5 (cv 2: 1.5 calls more than x/m in the long run)
 */
export function renewalExcess(m: number, scv: number, x: number): number {
  if (scv <= 1) return 0
  return ((scv - 1) / 2) * (1 - Math.exp((-2 * x) / ((1 + scv) * m)))
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
  /** The k-th call's mean time (`meanTimeOfCall`), which t is not once cycles vary more or less than exponential ones. */
  mean: number
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
  return timeOfCallInto(pool, pool.length, k, guess, callScratch(), { t: 0, rate: 0, variance: 0, mean: 0 })
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
    out.mean = 0
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
  out.mean = meanTimeOfCall(pool, n, t, x.rate, shape)
  // the count's spread where the call is expected, not at the fluid time (later on variable cycles)
  if (out.mean < t) poolCallsInto(pool, n, out.mean, shape, x)
  out.rate = x.rate
  out.variance = x.variance
  return out
}

/**
 * The k-th call's mean time, from the fluid time t (where the expected count, with E N₀(x) ≈ x/m,
 * reaches k). A count of mean μ and variance V first reaches k on average at t₀ + V′/(2μ′²), t₀
 * where μ reaches k − ½ (a Poisson count: t₀ + 1/(2μ′) = k/μ′ exactly). Taking the counters'
 * first calls as Poisson-like and their calls after that as renewals — mean count x/m + D,
 * variance rate (1 + 2D)/m, D the renewal function's excess (`renewalExcess`) — one Newton step
 * from t gives
 *
 *   mean = t − Σᵢ Fᵢ·Dᵢ·(1 − (1/mᵢ)/μ′) / μ′
 *
 * (F the chance a counter has made its first call by t). Zero for exponential cycles (Whitt's
 * stays exact) and for a single counter past its first call (its k-th call is its residual plus
 * k − 1 cycles, which the fluid time already is); for s counters of the same cycles far ahead,
 * −m(s − 1)(c² − 1)/(2s): the fluid time is that much too late on variable transactions — while
 * one counter is held by a long one, the others call more often (Smith's renewal theorem).
 */
function meanTimeOfCall(pool: readonly CallCurve[], n: number, t: number, rate: number, at: ShapeAt): number {
  if (!(rate > 0)) return t
  let excess = 0
  let excessRate = 0
  for (let i = 0; i < n; i++) {
    const c = pool[i] as CallCurve
    if (c.cycleScv <= 1) continue
    const s = shapeInto(c.first, Math.min(t, c.closeAt), at)
    if (s.F <= 0) continue
    const d = s.F * renewalExcess(c.cycleMean, c.cycleScv, s.I1 / s.F)
    excess += d
    excessRate += d / c.cycleMean
  }
  return Math.max(0, t - (excess - excessRate / rate) / rate)
}
