import { mixSeed, seededRng } from '../sim/random'
import type { EstimateScratch } from './estimateScratch'
import type { PreparedProjection } from './prepareProjection'
import { runProjection } from './projectCalls'
import type { CountSpread, MutableCountSpread } from './waitDistribution'

/**
 * The randomised projections of an estimate (`estimateWaits`): each ticket's count of calls in
 * every run, and its mean and variance over the runs that reached it — how uncertain the count
 * of calls ahead is.
 */

/** The generator of the randomised projections is reseeded on every call: same state, same estimate. */
const SEED = 20_261_124

/** Each ticket's k in each randomised run (NaN: not reached), row-major: ticket i, run r at i·runs + r. */
export interface Spreads {
  readonly runs: number
  readonly tickets: Float64Array
  readonly ghosts: Float64Array
}

export function countSpreads(prep: PreparedProjection, runs: number, scratch: EstimateScratch): Spreads | null {
  if (runs < 2) return null
  const rng = scratch.uniforms.reset(seededRng(mixSeed(SEED)))
  const nt = prep.input.tickets.length
  const ng = prep.input.ghosts.length
  const tickets = spreadRows(scratch, 'tickets', nt * runs)
  const ghosts = spreadRows(scratch, 'ghosts', ng * runs)
  for (let r = 0; r < runs; r++) {
    const { counts } = runProjection(prep, rng)
    for (let i = 0; i < nt; i++) tickets[i * runs + r] = counts.tickets[i] as number
    for (let i = 0; i < ng; i++) ghosts[i * runs + r] = counts.ghosts[i] as number
  }
  return { runs, tickets, ghosts }
}

/** The scratch's array for the spreads of tickets or would-be tickets, at least `n` long (grown when not). */
function spreadRows(scratch: EstimateScratch, which: 'tickets' | 'ghosts', n: number): Float64Array {
  const have = scratch.spreads[which]
  if (have.length >= n) return have
  const grown = new Float64Array(Math.max(n, 2 * have.length))
  scratch.spreads[which] = grown
  return grown
}

/** Mean and variance of ticket i's k over the runs that reached it, into `out`; null when fewer than two did. */
export function spreadAt(spreads: Spreads, all: Float64Array, i: number, out: MutableCountSpread): CountSpread | null {
  const runs = spreads.runs
  let n = 0
  let s1 = 0
  let s2 = 0
  for (let r = 0; r < runs; r++) {
    const k = all[i * runs + r] as number
    if (Number.isNaN(k)) continue
    n++
    s1 += k
    s2 += k * k
  }
  if (n < 2) return null
  const mean = s1 / n
  out.mean = mean
  out.variance = Math.max(0, (s2 - n * mean * mean) / (n - 1))
  return out
}
