import { projectionPool, type ProjectionPool } from './projectionPool'
import { UniformBuffer } from './sampleTime'
import { rangeScratch, type RangeScratch } from './waitDistribution'

/**
 * An estimator's working memory, kept from one estimate to the next so that an estimate makes
 * little garbage (the collections it would cause are the slowest 1 % of estimates: see
 * `docs/estimation.md`, "Cost"). Made by the caller that estimates again and again (the hub's
 * estimation thread, the benchmark) and passed to `estimateWaits` as `options.scratch`; it grows
 * to the largest queue and branch seen. Nothing in it reaches an answer, and every estimate
 * rewrites what it reads, so an estimate with a used scratch equals one with a fresh one. It never
 * shrinks: its memory is that of the largest estimate made with it (a few hundred KB for the budget
 * case). One scratch serves one estimate at a time: an estimate is synchronous, and one started
 * while another holds the scratch (a future re-entrant caller) is refused with an error.
 */
export interface EstimateScratch {
  /** An estimate is using it now (`estimateWaits` sets and clears it). */
  busy: boolean
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
    busy: false,
    uniforms: new UniformBuffer(),
    projection: projectionPool(),
    ranges: rangeScratch(),
    spreads: { tickets: new Float64Array(0), ghosts: new Float64Array(0) },
  }
}
