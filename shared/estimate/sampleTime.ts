import type { Rng } from '../sim/random'
import { shapeQuantile, type TimeShape } from './firstCallTime'

/**
 * A draw from a time shape (shift plus one exponential phase, or a two-phase mixture).
 *
 * @example
 * sampleShape(seededRng(1), shapeFromMoments(60, 3600)) //=> an exponential draw of mean 60
 */
export function sampleShape(rng: Rng, s: TimeShape): number {
  if (s.kind === 'table') return shapeQuantile(s, rng.next())
  const rate = s.p >= 1 || rng.next() < s.p ? s.rate1 : s.rate2
  if (rate === Number.POSITIVE_INFINITY) return s.shift
  return s.shift - Math.log(1 - rng.next()) / rate
}

/**
 * A draw with the given mean and variance, from the same family as `shapeFromMoments` (without
 * building the shape: this runs for every call of every randomised projection).
 *
 * @example
 * sampleTime(seededRng(1), 60, 900) //=> 30 + an exponential draw of mean 30
 */
export function sampleTime(rng: Rng, mean: number, variance: number): number {
  if (mean <= 0) return 0
  const v = variance > 0 ? variance : 0
  if (v <= mean * mean) {
    const sd = Math.sqrt(v)
    return sd === 0 ? mean : mean - sd - sd * Math.log(1 - rng.next())
  }
  return sampleTwoPhases(rng, mean, v)
}

/**
 * `sampleTime` when the variance exceeds the squared mean: the balanced two-phase mixture. Apart
 * so that the common case above stays small enough for the projection's loop to take it in.
 */
function sampleTwoPhases(rng: Rng, mean: number, v: number): number {
  const c2 = v / (mean * mean)
  const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)))
  // balanced means: phase i has mean m/(2·p_i)
  const phaseMean = rng.next() < p ? mean / (2 * p) : mean / (2 * (1 - p))
  return -phaseMean * Math.log(1 - rng.next())
}

/**
 * A generator's uniforms drawn ahead into an array, handed out in the same order. What it gives
 * is exactly the generator's stream; what it saves is garbage: a uniform returned from a call V8
 * does not inline (the projection's loop has used up its inlining budget) is boxed, a dozen
 * bytes per draw, thousands of draws per estimate, where the refill loop below is small enough
 * for the generator to be inlined into it, and a read from the array is a plain number.
 * Owned by one estimator (`EstimateScratch`); `reset` starts it on a new generator.
 */
export class UniformBuffer implements Rng {
  private readonly u: Float64Array
  /** The next uniform's index (the array's length: none left). */
  private i = 0
  private source: Rng | null = null

  constructor(size = 1024) {
    this.u = new Float64Array(size)
    this.i = size
  }

  /** Draws from `source` from now on (uniforms drawn ahead from an earlier source are dropped). */
  reset(source: Rng): this {
    this.source = source
    this.i = this.u.length
    return this
  }

  next(): number {
    if (this.i === this.u.length) this.refill()
    return this.u[this.i++] as number
  }

  private refill(): void {
    const source = this.source
    if (source === null) throw new Error('UniformBuffer: no generator (call reset first)')
    const u = this.u
    for (let j = 0; j < u.length; j++) u[j] = source.next()
    this.i = 0
  }
}
