import type { WaitEstimate } from '../queue/ticket'
import { callScratch, timeOfCallInto, type CallCurve, type CallHit, type CallScratch } from './callCountProcess'
import { shapeInto, type ShapeAt } from './firstCallTime'
import type { CounterAvailability } from './counterAvailability'
import { gammaDeciles } from './gammaDistribution'
import type { Projection } from './projectionTypes'

/**
 * The wait of a ticket that is the k-th call of its pool of counters: its mean is the time the
 * pool's expected call count reaches k, and its variance, by the delta method, the count's
 * variance there over the squared call rate — plus the Poisson variance of the newcomers among
 * those k calls and the uncertainty of the learned mean (`relSe`, relative). The distribution
 * is the gamma with that mean and variance.
 *
 * In an M/M/s state with n waiting ahead, this is exactly Whitt's: the pool is a Poisson
 * process of rate sμ, k = n + 1, mean (n + 1)/(sμ), variance (n + 1)/(sμ)², and the gamma is
 * Erlang(n + 1, sμ). `meanOnly`: the same mean, the range not worked out (NaN), for a caller
 * that reads the mean alone (the projection of who is already there, `presentProjection`).
 *
 * @example
 * // Erlang(4, 1/20): mean 80 s
 * gammaWait(80, 1600) //=> { mean: 80, p10: 34.9…, p50: 73.4…, p90: 133.6… }
 */
export function gammaWait(mean: number, variance: number, meanOnly = false): WaitEstimate {
  if (mean <= 0) return { mean: 0, p10: 0, p50: 0, p90: 0 }
  if (meanOnly) return { mean, p10: Number.NaN, p50: Number.NaN, p90: Number.NaN }
  if (variance <= 1e-12 * mean * mean) return { mean, p10: mean, p50: mean, p90: mean }
  return gammaDeciles((mean * mean) / variance, variance / mean, { mean, p10: 0, p50: 0, p90: 0 })
}

/** A counter's cycle moments: mean and second moment of the counter time a call takes. */
export interface CycleMoments {
  m1: number
  m2: number
}

/** A call curve written in place (`RangeScratch`). */
type MutableCallCurve = { -readonly [K in keyof CallCurve]: CallCurve[K] }

/**
 * The working memory of the ranges, kept across tickets and estimates (`EstimateScratch`): the
 * pool's call curves (the first `n` are the current ticket's), the own cycle, `timeOfCall`'s.
 */
export interface RangeScratch {
  readonly curves: MutableCallCurve[]
  readonly own: CycleMoments
  readonly calls: CallScratch
  readonly hit: CallHit
}

export function rangeScratch(): RangeScratch {
  return { curves: [], own: { m1: 0, m2: 0 }, calls: callScratch(), hit: { t: 0, rate: 0, variance: 0, mean: 0 } }
}

/**
 * The pool's call curves for a projected ticket, written into `scratch.curves` (returns how
 * many): each counter's next-call time and, for the cycles that follow, the mix of the calls the
 * projection gave it (or `ownCycle`, the ticket's own service there, when it gave it none).
 */
export function poolCurves(
  p: Projection,
  availability: readonly (CounterAvailability | null)[],
  ownCycle: (counterIndex: number, out: CycleMoments) => void,
  scratch: RangeScratch,
): number {
  const curves = scratch.curves
  let n = 0
  for (let j = 0; j < p.pool.length; j++) {
    const c = p.pool[j] as number
    const a = availability[c]
    if (a == null) continue
    const calls = p.cycles[p.offset + 3 * j] as number
    let m1: number
    let m2: number
    if (calls > 0) {
      m1 = (p.cycles[p.offset + 3 * j + 1] as number) / calls
      m2 = (p.cycles[p.offset + 3 * j + 2] as number) / calls
    } else {
      ownCycle(c, scratch.own)
      m1 = scratch.own.m1
      m2 = scratch.own.m2
    }
    const scv = Math.max(0.01, m2 / (m1 * m1) - 1)
    const curve = curves[n]
    if (curve === undefined) curves.push({ first: a.first, cycleMean: m1, cycleScv: scv, closeAt: a.closeAt })
    else {
      curve.first = a.first
      curve.cycleMean = m1
      curve.cycleScv = scv
      curve.closeAt = a.closeAt
    }
    n++
  }
  return n
}

/** How uncertain the count of calls before a ticket is, from the randomised projections. */
export interface CountSpread {
  readonly mean: number
  readonly variance: number
}

/** A `CountSpread` written in place (the estimator reuses one for every ticket). */
export type MutableCountSpread = { -readonly [K in keyof CountSpread]: CountSpread[K] }

/**
 * Relative error of the projection's timing that more data does not remove: the projection takes
 * each counter's pace, the arrival rates and customers' patience as known, and on a real day they
 * drift within the hour (a model given as known has none). Without it, a long queue of nearly fixed transactions gets a range of a
 * few per cent of an hour's wait, which a 5 % drift in pace misses entirely.
 */
const MODEL_ERROR = 0.05

/**
 * The estimate for a projected ticket, or null when its counters close before its turn. The
 * count k is the expected-times projection's (or `spread.mean`); its uncertainty is `spread`
 * when randomised projections were run, else the Poisson spread of the newcomers among the k.
 * `meanOnly`: the same mean, without the range (NaN), which is most of the work (`gammaWait`).
 *
 * @example
 * waitFromProjection(projection, availability, ownCycle, 0, null) //=> { mean: 120, p10: …, p50: …, p90: … }
 */
export function waitFromProjection(
  p: Projection,
  availability: readonly (CounterAvailability | null)[],
  ownCycle: (counterIndex: number, out: CycleMoments) => void,
  relSe: number,
  spread: CountSpread | null,
  scratch: RangeScratch = rangeScratch(),
  meanOnly = false,
): WaitEstimate | null {
  const n = poolCurves(p, availability, ownCycle, scratch)
  if (n === 0) return null
  const curves = scratch.curves
  // a model given as known (relSe 0: what-if runs, the textbook cases) carries no such error
  const relError = relSe === 0 ? 0 : Math.sqrt(relSe * relSe + MODEL_ERROR * MODEL_ERROR)
  const k = spread === null ? p.k : spread.mean
  // The next call of the pool: its distribution is known exactly, and the fluid count is at its
  // worst there (it would count parts of the calls after each counter's first).
  if (k < 1.5 && (spread === null || spread.variance < 0.1)) {
    const first = firstCallWait(curves, n, meanOnly)
    if (first === null || relError === 0 || meanOnly) return first
    // Not knowing the mean exactly stretches every time by a factor around 1: in log time at the
    // low end (`lowEndWithScaleError`). The high end keeps an allowance of 1.28·relError·mean on
    // top of the law: the next call's surprises are mostly delays the law does not know of (a
    // teller stepping away, the call going to another line), and taken in log time there too the
    // ranges lost days with every hour ≥ 65 % (twelfth round (b), docs/estimation.md).
    return {
      ...first,
      p10: lowEndWithScaleError(first.p10, first.p50, relError),
      p90: first.p90 + Z90 * relError * first.mean,
    }
  }
  const hit = timeOfCallInto(curves, n, k, p.at, scratch.calls, scratch.hit)
  if (hit === null) return null
  if (hit.t <= 0 && (spread === null || spread.variance === 0)) return { mean: 0, p10: 0, p50: 0, p90: 0 }
  let variance: number
  if (spread === null) {
    // Newcomers who get ahead arrive at about newcomers/t: the ticket's own line advances only
    // at the rate of calls minus theirs, which turns a count's spread into a time's spread.
    const overtake = p.at > 0 ? p.newcomers / p.at : 0
    const net = Math.max(0.25 * hit.rate, hit.rate - overtake)
    variance = (hit.variance + p.newcomers) / (net * net)
  } else {
    variance = hit.rate > 0 ? (hit.variance + spread.variance) / (hit.rate * hit.rate) : 0
  }
  // the k-th call's mean time, not the fluid time (earlier when cycles vary more than exponential ones)
  return gammaWait(hit.mean, variance + (hit.mean * relError) ** 2, meanOnly)
}

/** The standard normal's 90th percentile: an 80 % range's ends are this many deviations out. */
const Z90 = 1.2816

/**
 * The low end of a time's 80 % range once the time's scale is known only to a relative standard
 * error `sd`: the time is T·S, log S normal with deviation `sd` and independent of T, so in log
 * time the two add and the end's distance below the median grows as √(L² + (1.28·sd)²), L its own
 * log-distance — exact when T is lognormal; an end already far below the median barely moves. A
 * low end at zero stays there.
 *
 * Why not shift it down by 1.28·sd·mean, as the next call's range did: that adds the scale's
 * quantile to the time's as if the two always went together. A next call's low end is about a
 * tenth of its mean (an exponential's p10 is 0.105 of it), so the shift took it to or near zero:
 * the model's ranges held 0.92 of those waits on the tuning days, 3 % of them below (the exact law alone
 * 0.82, 10 % below), and the calibration, shared with the longer waits of the same service and
 * hour, could not take that back.
 *
 * @example
 * lowEndWithScaleError(10, 70, 0.1) //=> 9.95… (an exponential's p10: nearly unmoved)
 * lowEndWithScaleError(100, 100, 0.1) //=> 87.9… (a fixed time gains the scale's own spread)
 */
export function lowEndWithScaleError(p10: number, median: number, sd: number): number {
  if (!(p10 > 0) || !(median > 0) || !(sd > 0)) return p10
  const l = Math.log(Math.min(p10, median) / median)
  return median * Math.exp(-Math.sqrt(l * l + (Z90 * sd) ** 2))
}

/** P(no counter of the first `n` of the pool has made its first call by t). */
function noCallBy(curves: readonly CallCurve[], n: number, t: number, at: ShapeAt): number {
  let s = 1
  for (let i = 0; i < n; i++) {
    const c = curves[i] as CallCurve
    s *= 1 - shapeInto(c.first, Math.min(t, c.closeAt), at).F
  }
  return s
}

/** ∫ₐᵇ f by adaptive Simpson, to a relative tolerance. */
function simpson(f: (t: number) => number, a: number, b: number, tol: number): number {
  const fa = f(a)
  const fb = f(b)
  const m = 0.5 * (a + b)
  const fm = f(m)
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb)
  const step = (
    lo: number,
    hi: number,
    flo: number,
    fmid: number,
    fhi: number,
    area: number,
    depth: number,
  ): number => {
    const mid = 0.5 * (lo + hi)
    const l = 0.5 * (lo + mid)
    const r = 0.5 * (mid + hi)
    const fl = f(l)
    const fr = f(r)
    const left = ((mid - lo) / 6) * (flo + 4 * fl + fmid)
    const right = ((hi - mid) / 6) * (fmid + 4 * fr + fhi)
    if (depth <= 0 || Math.abs(left + right - area) <= 15 * tol) return left + right + (left + right - area) / 15
    return step(lo, mid, flo, fl, fmid, left, depth - 1) + step(mid, hi, fmid, fr, fhi, right, depth - 1)
  }
  return step(a, b, fa, fm, fb, whole, 40)
}

/**
 * The wait of the ticket next in line for its pool: the first of its counters' next calls,
 * P(T > t) = Π (1 − Fᵢ(t)), exactly — mean by adaptive quadrature, quantiles by bisection.
 * Null when the pool's counters may all close before calling (half the time or more).
 * `meanOnly`: the quantiles are not sought (NaN).
 *
 * @example
 * // two busy counters with exponential 60 s work: the first call is exponential with mean 30
 * firstCallWait([busy60, busy60]) //=> { mean: 30, p10: 3.16…, p50: 20.79…, p90: 69.07… }
 */
export function firstCallWait(curves: readonly CallCurve[], n = curves.length, meanOnly = false): WaitEstimate | null {
  const at: ShapeAt = { F: 0, f: 0, I1: 0, I2: 0 }
  if (noCallBy(curves, n, 0, at) === 0) return { mean: 0, p10: 0, p50: 0, p90: 0 }
  let end = 1
  while (noCallBy(curves, n, end, at) > 1e-9) {
    end *= 2
    if (end > 1e7) break
  }
  const never = noCallBy(curves, n, end, at)
  if (never > 0.5) return null
  const survival = (t: number): number => noCallBy(curves, n, t, at) - never
  let scale = 1
  for (let i = 0; i < n; i++) {
    const c = curves[i] as CallCurve
    scale = Math.max(scale, Math.min(c.cycleMean, c.closeAt))
  }
  const mean = simpson(survival, 0, end, 1e-11 * scale) / (1 - never)
  if (meanOnly) return { mean, p10: Number.NaN, p50: Number.NaN, p90: Number.NaN }
  const quantile = (p: number): number => {
    let lo = 0
    let hi = end
    for (let i = 0; i < 64; i++) {
      const mid = 0.5 * (lo + hi)
      if (1 - survival(mid) / (1 - never) < p) lo = mid
      else hi = mid
    }
    return 0.5 * (lo + hi)
  }
  return { mean, p10: quantile(0.1), p50: quantile(0.5), p90: quantile(0.9) }
}
