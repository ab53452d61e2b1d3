import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/**
 * A seeded source of uniform numbers in [0, 1). shared/ never reads `Math.random`: randomness
 * is a parameter, so a simulation with the same seed is the same day.
 */
export interface Rng {
  next(): number
}

/** xoroshiro128+ from pure-rand: fast, well-tested, and reproducible across platforms. */
export function seededRng(seed: number): Rng {
  const g = xoroshiro128plus(seed)
  return { next: () => uniformFloat64(g) }
}

/**
 * A well-mixed 32-bit seed from any integer (the splitmix32 finaliser). xoroshiro128+ seeded
 * with a small integer starts with outputs near 1 (seed 3 gives 0.99997…), so the first
 * exponential draw of a day would be nine means long; `seededRng(mixSeed(n))` avoids that while
 * keeping `seededRng(n)` as it was for the code and tests that rely on its exact stream.
 *
 * @example
 * seededRng(mixSeed(3)).next() //=> an unremarkable uniform
 */
export function mixSeed(seed: number): number {
  let z = (seed | 0) + 0x9e3779b9
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) | 0
}

/** Exponential with the given mean. */
export function sampleExponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next())
}

/** Standard normal (Box–Muller; one of the pair is enough here). */
export function sampleNormal(rng: Rng): number {
  const u = 1 - rng.next()
  const v = rng.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/**
 * Lognormal with the given mean and coefficient of variation: the usual shape of counter
 * transaction times (most are quick, a few run long).
 *
 * @example
 * // mean 240 s, cv 0.8: σ² = ln(1 + 0.64), μ = ln 240 − σ²/2
 */
export function sampleLognormal(rng: Rng, mean: number, cv: number): number {
  const s2 = Math.log(1 + cv * cv)
  return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * sampleNormal(rng))
}

/**
 * Gamma with the given shape and scale 1 (Marsaglia & Tsang 2000; shapes below 1 by the
 * boost u^(1/shape)). Used for the uncertainty of a rate estimated from `shape` observations.
 *
 * @example
 * // mean = shape, variance = shape
 * sampleGamma(rng, 40) //=> about 40 ± 6
 */
export function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = sampleNormal(rng)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = 1 - rng.next()
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v
  }
}
