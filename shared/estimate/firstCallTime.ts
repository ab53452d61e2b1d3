import { gammaP, gammaQ } from './gammaDistribution'
import { normalTail } from './normalTail'

/**
 * The time until a counter's next call, in one of two forms with cheap closed-form integrals:
 *
 * - `phases`: a shift plus an exponential, or a balanced two-phase hyperexponential — points
 *   (a counter that opens at 10:00), idle counters (now), and exponential residuals, which are
 *   represented exactly: that is what makes the estimator reduce to Whitt's on M/M/s states;
 * - `table`: the exact residual of the learned gamma transaction time given how long it has run,
 *   tabulated. The residual keeps its left tail — the density at zero is the hazard rate at the
 *   elapsed time, so a counter is always a little likely to be about to finish — which a
 *   two-moment fit with a shift would cut off, making short waits look surer than they are.
 */
export type TimeShape =
  | {
      readonly kind: 'phases'
      readonly shift: number
      /** Weight of phase 1; phase 2 has 1 − p. */
      readonly p: number
      /** Phase rates (per second); Infinity for a point mass at `shift`. */
      readonly rate1: number
      readonly rate2: number
    }
  | {
      readonly kind: 'table'
      /** Grid step (seconds); the grid is 0, step, … step·(n − 1), and F = 1 beyond it. */
      readonly step: number
      /** F(x) at the grid points, and the running integrals ∫₀ˣ F and ∫₀ˣ u·F(u) du. */
      readonly F: Float64Array
      readonly J: Float64Array
      readonly K: Float64Array
      readonly mean: number
    }

/** A point mass: the counter calls at exactly this time. */
export function pointShape(at: number): TimeShape {
  return {
    kind: 'phases',
    shift: Math.max(0, at),
    p: 1,
    rate1: Number.POSITIVE_INFINITY,
    rate2: Number.POSITIVE_INFINITY,
  }
}

/** True for a point mass (a time known exactly). */
export function isPoint(s: TimeShape): boolean {
  return s.kind === 'phases' && s.rate1 === Number.POSITIVE_INFINITY
}

/** The shape's mean. */
export function shapeMean(s: TimeShape): number {
  if (s.kind === 'table') return s.mean
  if (s.rate1 === Number.POSITIVE_INFINITY) return s.shift
  return s.shift + s.p / s.rate1 + (1 - s.p) / s.rate2
}

/**
 * The phases shape with the given mean and variance.
 *
 * @example
 * shapeFromMoments(60, 3600) //=> { kind: 'phases', shift: 0, p: 1, rate1: 1/60, rate2: 1/60 } (exponential)
 * shapeFromMoments(60, 900) //=> shift 30, then exponential with mean 30
 */
export function shapeFromMoments(mean: number, variance: number): TimeShape {
  const m = Math.max(0, mean)
  const v = Math.max(0, variance)
  if (m === 0) return pointShape(0)
  if (v <= 1e-9 * m * m) return pointShape(m)
  if (v <= m * m) {
    const sd = Math.sqrt(v)
    return { kind: 'phases', shift: m - sd, p: 1, rate1: 1 / sd, rate2: 1 / sd }
  }
  // Balanced means (Whitt 1982): p/λ₁ = (1 − p)/λ₂ = m/2.
  const c2 = v / (m * m)
  const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)))
  return { kind: 'phases', shift: 0, p, rate1: (2 * p) / m, rate2: (2 * (1 - p)) / m }
}

/**
 * Mean and variance of what is left of a gamma-distributed time (mean `meanSec`, squared
 * coefficient of variation `scv`) that has already run `elapsedSec`: E[S − a | S > a] and its
 * variance, from incomplete gamma functions. With scv = 1 it is memoryless: always the mean.
 * Far in the tail the hazard of a gamma tends to 1/θ, so the residual tends to an exponential
 * with mean θ = mean·scv.
 *
 * @example
 * residualMoments(60, 1, 500) //=> { mean: 60, variance: 3600 }
 * residualMoments(60, 0.25, 50).mean //=> 22.6… (a quarter-variance transaction nearly done)
 */
export function residualMoments(
  meanSec: number,
  scv: number,
  elapsedSec: number,
): { readonly mean: number; readonly variance: number } {
  const theta = meanSec * scv
  const alpha = 1 / scv
  const a = Math.max(0, elapsedSec)
  if (a === 0) return { mean: meanSec, variance: meanSec * meanSec * scv }
  const x = a / theta
  const q0 = gammaQ(alpha, x)
  if (q0 < 1e-10) return { mean: theta, variance: theta * theta }
  const e1 = (alpha * theta * gammaQ(alpha + 1, x)) / q0
  const e2 = (alpha * (alpha + 1) * theta * theta * gammaQ(alpha + 2, x)) / q0
  const mean = Math.max(e1 - a, 1e-6 * meanSec)
  const second = e2 - 2 * a * e1 + a * a
  return { mean, variance: Math.max(second - mean * mean, 1e-4 * mean * mean) }
}

const GRID = 64

/** A table of F on [0, span] from a function giving P(R ≤ u). */
function tabulate(span: number, cdf: (u: number) => number): TimeShape {
  const step = span / GRID
  const F = new Float64Array(GRID + 1)
  const J = new Float64Array(GRID + 1)
  const K = new Float64Array(GRID + 1)
  for (let i = 1; i < GRID; i++) {
    // clamped to be a distribution function despite rounding
    F[i] = Math.min(1, Math.max(F[i - 1] as number, cdf(i * step)))
  }
  F[GRID] = 1
  for (let i = 1; i <= GRID; i++) {
    const f0 = F[i - 1] as number
    const f1 = F[i] as number
    const x = (i - 1) * step
    const slope = (f1 - f0) / step
    J[i] = (J[i - 1] as number) + ((f0 + f1) / 2) * step
    K[i] =
      (K[i - 1] as number) + x * f0 * step + ((x * slope + f0) * step * step) / 2 + (slope * step * step * step) / 3
  }
  // the mean of the tabulated law itself, ∫(1 − F), so that table and mean agree
  return { kind: 'table', step, F, J, K, mean: span - (J[GRID] as number) }
}

/**
 * The residual of a learned time (mean, scv, family) that has run `elapsedSec`, as a shape:
 * exactly exponential when it is a gamma with scv = 1 (memoryless), else the exact conditional
 * distribution tabulated on 65 points — up to mean + 8 standard deviations of the residual for a
 * gamma, and up to where less than 1/10,000 of it is left for a lognormal, whose residual grows
 * with the time already spent (a transaction that has run long is likely a long one).
 *
 * @example
 * residualShape(60, 1, 'gamma', 45) //=> exponential with mean 60
 * shapeAt(residualShape(240, 0.25, 'gamma', 200), 0).f //=> the gamma's hazard rate at 200 s
 */
export function residualShape(
  meanSec: number,
  scv: number,
  family: 'gamma' | 'lognormal',
  elapsedSec: number,
): TimeShape {
  const a = Math.max(0, elapsedSec)
  if (family === 'lognormal') {
    const s2 = Math.log(1 + scv)
    const sigma = Math.sqrt(s2)
    const mu = Math.log(meanSec) - s2 / 2
    const z = (x: number): number => (Math.log(x) - mu) / sigma
    const q0 = a <= 0 ? 1 : normalTail(z(a))
    if (q0 < 1e-9) return shapeFromMoments(meanSec * scv, (meanSec * scv) ** 2)
    // the 1 − 1e-4 quantile of S given S > a: Q(z) = 1e-4·q0. The search starts at z(a), or at
    // −8 (all of it still ahead) for a transaction just begun: from z(1e-9·mean), a few hundred
    // standard deviations down, twelve more never reached the bulk, and a lognormal just begun
    // looked all but over (cv 0.18, mean 240 s: a residual of 0.2 s at the call, 75 s after 10 s).
    let lo = Math.max(-8, z(Math.max(a, 1e-9 * meanSec)))
    let hi = lo + 20
    for (let j = 0; j < 60; j++) {
      const mid = 0.5 * (lo + hi)
      if (normalTail(mid) > 1e-4 * q0) lo = mid
      else hi = mid
    }
    const span = Math.max(Math.exp(mu + sigma * hi) - a, 1e-3 * meanSec)
    return tabulate(span, (u) => 1 - normalTail(z(a + u)) / q0)
  }
  if (Math.abs(scv - 1) < 1e-9) return { kind: 'phases', shift: 0, p: 1, rate1: 1 / meanSec, rate2: 1 / meanSec }
  const r = residualMoments(meanSec, scv, a)
  const theta = meanSec * scv
  const alpha = 1 / scv
  const q0 = gammaQ(alpha, a / theta)
  if (q0 < 1e-10) return shapeFromMoments(r.mean, r.variance)
  const p0 = 1 - q0
  return tabulate(r.mean + 8 * Math.sqrt(r.variance), (u) => (gammaP(alpha, (a + u) / theta) - p0) / q0)
}

/** What the call-count process reads of a time shape at t (written in place by `shapeInto`). */
export interface ShapeAt {
  F: number
  f: number
  I1: number
  I2: number
}

/** Adds w × the exponential part's figures at x to `out`. */
function addExpPart(rate: number, x: number, w: number, out: ShapeAt): void {
  if (rate === Number.POSITIVE_INFINITY) {
    out.F += w
    out.I1 += w * x
    out.I2 += w * x * x
    return
  }
  const e = Math.exp(-rate * x)
  const F = 1 - e
  out.F += w * F
  out.f += w * rate * e
  out.I1 += w * (x - F / rate)
  out.I2 += w * (x * x - (2 * x) / rate + (2 * F) / (rate * rate))
}

/**
 * At time t (seconds from now): P(T ≤ t), its density, E[(t − T)⁺] and E[((t − T)⁺)²] for the
 * shape's time T. These are all the call-count process needs.
 */
export function shapeAt(shape: TimeShape, t: number): { F: number; f: number; I1: number; I2: number } {
  return shapeInto(shape, t, { F: 0, f: 0, I1: 0, I2: 0 })
}

/** `shapeAt` written into `out` (the call-count process evaluates it thousands of times an estimate). */
export function shapeInto(shape: TimeShape, t: number, out: ShapeAt): ShapeAt {
  out.F = 0
  out.f = 0
  out.I1 = 0
  out.I2 = 0
  if (shape.kind === 'table') return tableInto(shape, t, out)
  const x = t - shape.shift
  if (x < 0) return out
  const p = Math.min(1, shape.p)
  addExpPart(shape.rate1, x, p, out)
  if (p < 1) addExpPart(shape.rate2, x, 1 - p, out)
  return out
}

function tableInto(s: Extract<TimeShape, { kind: 'table' }>, t: number, out: ShapeAt): ShapeAt {
  if (t <= 0) return out
  const n = s.F.length - 1
  const end = n * s.step
  if (t >= end) {
    const I1 = (s.J[n] as number) + (t - end)
    const K = (s.K[n] as number) + (t * t - end * end) / 2
    out.F = 1
    out.I1 = I1
    out.I2 = 2 * (t * I1 - K)
    return out
  }
  const i = Math.floor(t / s.step)
  const x = i * s.step
  const d = t - x
  const f0 = s.F[i] as number
  const slope = ((s.F[i + 1] as number) - f0) / s.step
  const I1 = (s.J[i] as number) + f0 * d + (slope * d * d) / 2
  const K = (s.K[i] as number) + x * f0 * d + ((x * slope + f0) * d * d) / 2 + (slope * d * d * d) / 3
  out.F = f0 + slope * d
  out.f = slope
  out.I1 = I1
  out.I2 = Math.max(0, 2 * (t * I1 - K))
  return out
}

/**
 * The time t at which the shape's distribution function reaches u (for drawing from it).
 *
 * @example
 * shapeQuantile(shapeFromMoments(60, 3600), 0.5) //=> 41.58… (60 · ln 2)
 */
export function shapeQuantile(s: TimeShape, u: number): number {
  if (s.kind === 'phases') {
    if (s.rate1 === Number.POSITIVE_INFINITY) return s.shift
    if (s.p >= 1) return s.shift - Math.log(1 - u) / s.rate1
    // no closed form for the mixture: bisection on F
    let lo = s.shift
    let hi = s.shift + 50 / Math.min(s.rate1, s.rate2)
    for (let j = 0; j < 60; j++) {
      const mid = 0.5 * (lo + hi)
      if (shapeAt(s, mid).F < u) lo = mid
      else hi = mid
    }
    return 0.5 * (lo + hi)
  }
  const F = s.F
  let lo = 0
  let hi = F.length - 1
  if (u >= (F[hi] as number)) return hi * s.step
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if ((F[mid] as number) <= u) lo = mid
    else hi = mid
  }
  const f0 = F[lo] as number
  const f1 = F[hi] as number
  return (lo + (f1 > f0 ? (u - f0) / (f1 - f0) : 0)) * s.step
}
