import { projectionPool, type ProjectionPool } from './projectionPool'
import { UniformBuffer } from './sampleTime'
import { rangeScratch, type RangeScratch } from './waitDistribution'

/**
 * An estimator's working memory, kept from one estimate to the next so that an estimate makes
 * little garbage (the collections it would cause are the slowest 1 % of estimates: see
 * `docs/estimation.md`, "Cost"). Made by the caller that estimates again and again (the hub's
 * estimation thread, the benchmark) and passed to `estimateWaits` as `options.scratch`; it grows
 * to the largest queue and branch seen. Nothing in it reaches an answer, and every estimate
 * rewrites what it reads, so an estimate with a used scratch equals one with a fresh one. One
 * scratch serves one estimate at a time (an estimate is synchronous: two estimators taking turns
 * with one scratch each finish before the other starts).
 */
export interface EstimateScratch {
  /** The randomised projections' uniforms. */
  readonly uniforms: UniformBuffer
  /** The projection's working arrays, newcomers and records. */
  readonly projection: ProjectionPool
  /** The ranges' call curves and `timeOfCall`'s working memory. */
  readonly ranges: RangeScratch
  /** The randomised runs' call counts, per ticket and per would-be ticket. */
  readonly spreads: { tickets: Float64Array; ghosts: Float64Array }
}

export function estimateScratch(): EstimateScratch {
  return {
    uniforms: new UniformBuffer(),
    projection: projectionPool(),
    ranges: rangeScratch(),
    spreads: { tickets: new Float64Array(0), ghosts: new Float64Array(0) },
  }
}
