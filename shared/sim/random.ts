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
