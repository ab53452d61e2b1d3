import { sampleGamma, type Rng } from '../sim/random'
import type { PreparedProjection } from './prepareProjection'
import type { ProjectionPool, RunScratch } from './projectionPool'
import type { Item, Projection } from './projectionTypes'
import { sampleShape, sampleTime } from './sampleTime'
import { staggerFirstCalls } from './staggerFirstCalls'

/**
 * One run of the projection (`projectCalls`) as it starts: what it keeps while it goes, and the
 * reset that brings a preparation back to now — the groups to their waiting tickets, each
 * stream's rate drawn and first arrival, each counter's first call.
 */

/** Per ticket and would-be ticket: the calls its pool makes up to its own (NaN: not reached). */
export interface CallCounts {
  readonly tickets: Float64Array
  readonly ghosts: Float64Array
  /** The run's time of each ticket's call (seconds from now; NaN: not reached). */
  readonly ticketTimes: Float64Array
  readonly ghostTimes: Float64Array
}

/** What one run keeps while it goes: the working arrays and what it has found so far. */
export interface Run {
  readonly scratch: RunScratch
  readonly pool: ProjectionPool
  readonly counts: CallCounts
  readonly projections: (Projection | null)[]
  readonly ghostProjections: (Projection | null)[]
  /** Whether this is the expected-times run (the one that records projections). */
  readonly expected: boolean
  readonly focus: number | undefined
  /** Tickets the run waits for at its start. */
  readonly unresolved: number
  /**
   * The time of the call being recorded (`found` reads it here: a number that is not a small
   * integer is boxed when passed to a call V8 does not inline).
   */
  at: number
}

/**
 * Resets the preparation for a run (groups back to their waiting tickets, the streams' first
 * arrivals, each counter's first call) and counts the tickets the run waits for.
 */
export function startRun(prep: PreparedProjection, rng: Rng | null): Run {
  const { input, groups, streams, scratch } = prep
  for (const g of groups) {
    g.size = g.base
    g.head = 0
    g.runFactor = Number.NaN
  }
  // One draw of each kind's rate per run (the windows of a kind share it: a surge is a surge).
  for (const s of streams) {
    s.i = 1
    let f = 1
    if (rng !== null && Number.isFinite(s.a.evidence) && s.a.evidence > 0) {
      if (Number.isNaN(s.group.runFactor)) s.group.runFactor = sampleGamma(rng, s.a.evidence) / s.a.evidence
      f = s.group.runFactor
    }
    s.runGap = s.gap / Math.max(f, 1e-3)
    const start = Math.max(0, s.a.fromSec)
    s.nextAt = start + (rng === null ? 0.5 * s.gap : sampleTime(rng, s.runGap, s.runGap * s.runGap))
  }
  const { next, closeAt } = scratch
  next.fill(Number.POSITIVE_INFINITY)
  closeAt.fill(Number.POSITIVE_INFINITY)
  if (rng === null) staggerFirstCalls(input, next, closeAt)
  else {
    for (let c = 0; c < input.availability.length; c++) {
      const a = input.availability[c]
      if (a == null) continue
      closeAt[c] = a.closeAt
      const t = sampleShape(rng, a.first)
      next[c] = t < a.closeAt ? t : Number.POSITIVE_INFINITY
    }
  }
  scratch.calls.fill(0)
  scratch.newcomerCalls.fill(0)
  scratch.cycN.fill(0)
  scratch.cycS1.fill(0)
  scratch.cycS2.fill(0)
  const counts: CallCounts =
    rng === null
      ? {
          tickets: new Float64Array(input.tickets.length).fill(Number.NaN),
          ghosts: new Float64Array(input.ghosts.length).fill(Number.NaN),
          ticketTimes: new Float64Array(input.tickets.length).fill(Number.NaN),
          ghostTimes: new Float64Array(input.ghosts.length).fill(Number.NaN),
        }
      : scratch.counts
  if (rng !== null) {
    counts.tickets.fill(Number.NaN)
    counts.ghosts.fill(Number.NaN)
    counts.ticketTimes.fill(Number.NaN)
    counts.ghostTimes.fill(Number.NaN)
  }
  // Tickets no available counter may call are never reached: they must not keep the run going.
  let unresolved = 0
  for (const g of groups)
    if (g.pool.length > 0) for (let i = 0; i < g.base; i++) if ((g.items[i] as Item).kind !== 2) unresolved++
  if (input.focus !== undefined) unresolved = 1
  return {
    scratch,
    pool: prep.pool,
    counts,
    projections: rng === null ? new Array<Projection | null>(input.tickets.length).fill(null) : [],
    ghostProjections: rng === null ? new Array<Projection | null>(input.ghosts.length).fill(null) : [],
    expected: rng === null,
    focus: input.focus,
    unresolved,
    at: 0,
  }
}
