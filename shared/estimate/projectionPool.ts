import { emptyCallKey, type MutableCallKey } from '../policy/callOrder'
import type { ClassRate } from '../policy/priorityScore'
import type { Ticket } from '../queue/ticket'
import {
  projectedItem,
  writeProjectedItem,
  type MutableCallPlace,
  type MutableProjectedItem,
  type ProjectedItem,
} from './projectedItem'
import type { Group, Item, Newcomer, Projection, Stream } from './projectionTypes'

/**
 * The projection's working memory kept across estimates (part of `EstimateScratch`), and the
 * slots an estimate takes from it: each estimate rewrites what it uses, and nothing here reaches
 * an answer.
 */

/** A `Projection` written in place (`ProjectionPool`). */
export type MutableProjection = { -readonly [K in keyof Projection]: Projection[K] }

/** A stream as the pool keeps it: rewritten for each estimate. */
export type PooledStream = { -readonly [K in keyof Stream]: Stream[K] }

/** A group as the pool keeps it: rewritten for each estimate. */
export type PooledGroup = { -readonly [K in keyof Group]: Group[K] }

/** An item as the pool keeps it: rewritten for each estimate. */
export interface PooledItem extends Item {
  x: ProjectedItem
  cls: ClassRate
  readonly place: MutableCallPlace
}

/**
 * A run's working arrays, one slot per counter (`calls` … `cycS2`) or per ticket and would-be
 * ticket (`counts`; slots beyond the current estimate's are unused), kept across estimates
 * (`ProjectionPool`) and reset at the start of every run: the randomised runs return their
 * counts here (the caller reads them before the next run), so a run allocates nothing per
 * counter or per ticket.
 */
export interface RunScratch {
  readonly next: Float64Array
  readonly closeAt: Float64Array
  readonly calls: Float64Array
  readonly newcomerCalls: Float64Array
  readonly cycN: Float64Array
  readonly cycS1: Float64Array
  readonly cycS2: Float64Array
  /** The cycle moments (and drawn length) of the call being made, and the two call keys being compared. */
  readonly cyc: { m1: number; m2: number; draw: number }
  readonly keys: readonly [MutableCallKey, MutableCallKey]
  readonly counts: {
    readonly tickets: Float64Array
    readonly ghosts: Float64Array
    readonly ticketTimes: Float64Array
    readonly ghostTimes: Float64Array
  }
}

/**
 * What the projection keeps across estimates (part of `EstimateScratch`): the run's working
 * arrays (grown when a bigger queue or branch comes), the newcomers' slots, the expected run's
 * records and their cycles. An estimate rewrites what it uses; nothing here reaches an answer.
 */
export interface ProjectionPool {
  run: RunScratch | null
  /** Groups, in the order an estimate makes them (each estimate rewrites the ones it uses). */
  readonly groups: PooledGroup[]
  /** The waiting tickets as the projection sees them, by index (booked customers' apart). */
  readonly xs: MutableProjectedItem[]
  /** The arrival streams, in the order an estimate makes them. */
  readonly streams: PooledStream[]
  /** The waiting tickets' and would-be tickets' items, by index (booked customers' apart). */
  readonly items: PooledItem[]
  readonly ghostItems: PooledItem[]
  /** Newcomer slots; the first `newcomersUsed` are this estimate's streams'. */
  readonly newcomers: Newcomer[]
  newcomersUsed: number
  /** The expected run's records, per ticket and per would-be ticket. */
  readonly records: MutableProjection[]
  readonly ghostRecords: MutableProjection[]
  /** The records' cycles, `cyclesUsed` of them written by this estimate's expected run. */
  cycles: Float64Array
  cyclesUsed: number
}

export function projectionPool(): ProjectionPool {
  return {
    run: null,
    groups: [],
    xs: [],
    streams: [],
    items: [],
    ghostItems: [],
    newcomers: [],
    newcomersUsed: 0,
    records: [],
    ghostRecords: [],
    cycles: new Float64Array(1024),
    cyclesUsed: 0,
  }
}

/** The pool's run scratch, grown to fit `nc` counters, `nt` tickets and `ng` would-be tickets. */
export function runScratchFor(pool: ProjectionPool, nc: number, nt: number, ng: number): RunScratch {
  const have = pool.run
  if (have !== null && have.next.length >= nc && have.counts.tickets.length >= nt && have.counts.ghosts.length >= ng)
    return have
  const c = Math.max(nc, have?.next.length ?? 0)
  const t = Math.max(nt, have?.counts.tickets.length ?? 0)
  const g = Math.max(ng, have?.counts.ghosts.length ?? 0)
  const run: RunScratch = {
    next: new Float64Array(c),
    closeAt: new Float64Array(c),
    calls: new Float64Array(c),
    newcomerCalls: new Float64Array(c),
    cycN: new Float64Array(c),
    cycS1: new Float64Array(c),
    cycS2: new Float64Array(c),
    cyc: { m1: 0, m2: 0, draw: 0 },
    keys: [emptyCallKey(), emptyCallKey()],
    counts: {
      tickets: new Float64Array(t),
      ghosts: new Float64Array(g),
      ticketTimes: new Float64Array(t),
      ghostTimes: new Float64Array(g),
    },
  }
  pool.run = run
  return run
}

/**
 * The waiting tickets as the projection sees them, in `pool`'s slots (a booked customer's, which
 * carries a grace, in a slot of its own): the i-th waiting ticket is the i-th item.
 */
export function projectedItems(
  waiting: readonly Ticket[],
  now: number,
  counterIndex: ReadonlyMap<string, number>,
  pool: ProjectionPool,
): ProjectedItem[] {
  const items: ProjectedItem[] = []
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i] as Ticket
    const kept = pool.xs[i]
    if (kept === undefined || t.appointmentGraceSec !== undefined) {
      const made = projectedItem(t, now, counterIndex)
      if (t.appointmentGraceSec === undefined) pool.xs[i] = made
      items.push(made)
    } else items.push(writeProjectedItem(kept, t, now, counterIndex))
  }
  return items
}
