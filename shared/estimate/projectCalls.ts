import { compareCallKeys, writeCallKey } from '../policy/callOrder'
import type { Rng } from '../sim/random'
import { newcomerSlot } from './arrivalStreams'
import { beyondReach, type Beyond } from './beyondReach'
import type { PreparedProjection } from './prepareProjection'
import type { ProjectionPool } from './projectionPool'
import { startRun, type CallCounts, type Run } from './projectionRun'
import type { Group, Item, Newcomer, Projection, Stream } from './projectionTypes'
import { sampleTime } from './sampleTime'

/**
 * The skeleton of the estimator: runs of the real calling policy forward from now, to find *how
 * many calls* the counters that can serve a ticket make before its turn. Each run applies the
 * policy's own key (`policy/callOrder`: booked customers within their grace and once their slot
 * has come, the wait cap, the counter's tier — transfers and its service preferences —,
 * accumulating priority, arrival order) at the projected time, lets the customers expected to
 * arrive meanwhile take their place (a premier customer arriving in five minutes may go first; a
 * business customer arriving later still goes first at a counter that prefers business), and
 * counts a call on someone who has left at the recall time it costs.
 *
 * One run is on expected times (`rng` null): it also records, per ticket, each pool counter's
 * mix of work. The others are on random times, random arrivals and a random draw of each
 * arrival rate within its uncertainty (`rng` given): their k are averaged for the count used
 * for the mean, and their spread is how
 * uncertain the count is — whether a counter that prefers another service will be free to help,
 * how many newcomers will get ahead. The timing itself comes from the call-count process of
 * the counters (`waitDistribution`). Counting calls rather than trusting a projected clock is
 * what keeps FCFS M/M/s exact: the ticket with n ahead is the (n + 1)-th call of its s counters,
 * whatever order they finish in, in every run.
 */

/**
 * A call's cycle moments, and on a random run its drawn length, written in place (this runs on
 * every projected call: no garbage).
 */
interface Cycle {
  m1: number
  m2: number
  draw: number
}

// The random draws go through objects, not through numbers passed and returned: a call V8 does
// not inline (the projection's loop has used up its inlining budget) boxes every number it
// passes or returns, a dozen bytes of garbage each, thousands of times per estimate.

/**
 * The stream's next arrival on a random run, in place: an exponential gap, `sampleTime(rng, g, g²)`
 * written out, since that call, not inlined here, returned a boxed number per arrival. It is the
 * same number: for g² a normal double, √(g²) is g exactly (a correctly rounded square root of a
 * correctly rounded square) and g > 0, so `sampleTime`'s g − √v − √v·ln(1 − u) is 0 − g·ln(1 − u).
 * Outside that range (a gap that is not positive — `sampleTime` then draws nothing — or a rate so
 * small or so large that g² overflows or underflows) it calls `sampleTime`.
 */
function drawArrival(rng: Rng, s: Stream): void {
  const g = s.runGap
  const v = g * g
  s.nextAt =
    s.nextAt + (g > 0 && v >= MIN_NORMAL && v < Infinity ? 0 - g * Math.log(1 - rng.next()) : sampleTime(rng, g, v))
}

/** The smallest normal double. */
const MIN_NORMAL = 2 ** -1022

/** The length of the call whose moments `cyc` holds, drawn on a random run, into `cyc.draw`. */
function drawCycle(rng: Rng, cyc: Cycle): void {
  cyc.draw = sampleTime(rng, cyc.m1, cyc.m2 - cyc.m1 * cyc.m1)
}

/** Cycle moments of a call on a ticket of group `g` at counter `c`, made at projected time `at`. */
function cycleOf(g: Group, issuedAt: number, c: number, at: number, out: Cycle): void {
  const mean = g.occupancy[2 * c] as number
  const second = g.occupancy[2 * c + 1] as number
  const stay = (1 - g.noShow) * Math.exp(-g.patiencePerSec * Math.max(0, at - issuedAt))
  const gone = 1 - stay
  out.m1 = stay * mean + gone * g.recallSec
  out.m2 = stay * second + gone * g.recallSec * g.recallSec * 1.05
}

/** The first newcomer's sequence number (and tiebreak): after every ticket a branch issues. */
const NEWCOMER_SEQ = 1e12

/**
 * Records that `it` (of group `g`) is called at `run.at`, after `extra` calls beyond its pool's
 * so far; returns 1 when that resolves one of the tickets the run waits for, else 0.
 */
function found(run: Run, it: Item, g: Group, extra: number): number {
  const at = run.at
  const { calls, newcomerCalls, cycN, cycS1, cycS2 } = run.scratch
  const pool = g.pool
  let k = extra
  for (let j = 0; j < pool.length; j++) k += calls[pool[j] as number] as number
  const ticket = it.kind === 0
  ;(ticket ? run.counts.tickets : run.counts.ghosts)[it.index] = k
  ;(ticket ? run.counts.ticketTimes : run.counts.ghostTimes)[it.index] = at
  const resolved = run.focus === undefined || (ticket && it.index === run.focus) ? 1 : 0
  if (!run.expected) return resolved
  const kept = run.pool
  if (kept.cyclesUsed + 3 * pool.length > kept.cycles.length) {
    // a fresh, larger array; the records written so far keep theirs
    kept.cycles = new Float64Array(2 * kept.cycles.length + 3 * pool.length)
    kept.cyclesUsed = 0
  }
  const cycles = kept.cycles
  const offset = kept.cyclesUsed
  kept.cyclesUsed += 3 * pool.length
  let newcomers = 0
  for (let j = 0; j < pool.length; j++) {
    const c = pool[j] as number
    newcomers += newcomerCalls[c] as number
    cycles[offset + 3 * j] = cycN[c] as number
    cycles[offset + 3 * j + 1] = cycS1[c] as number
    cycles[offset + 3 * j + 2] = cycS2[c] as number
  }
  const records = ticket ? kept.records : kept.ghostRecords
  let record = records[it.index]
  if (record === undefined) {
    record = { at, k, newcomers, pool, cycles, offset }
    records[it.index] = record
  } else {
    record.at = at
    record.k = k
    record.newcomers = newcomers
    record.pool = pool
    record.cycles = cycles
    record.offset = offset
  }
  ;(ticket ? run.projections : run.ghostProjections)[it.index] = record
  return resolved
}

/**
 * The run's `nth` newcomer (from 0), stream `s`'s next, its item reused from earlier runs and
 * rewritten in place. Newcomers rank after every ticket issued (their sequence numbers start at
 * 1e12); `nth` is passed small, since a number that is not a small integer is boxed when passed
 * to a call V8 does not inline.
 */
function newcomerOf(pool: ProjectionPool, s: Stream, nth: number): Newcomer {
  const newcomerSeq = NEWCOMER_SEQ + nth
  const item = s.newcomers[s.i - 1] ?? newcomerSlot(pool, s)
  item.x.queuedAt = s.nextAt
  item.x.issuedAt = s.nextAt
  item.x.tiebreak = newcomerSeq
  item.x.seq = newcomerSeq
  item.place.queuedAt = s.nextAt * 1000
  item.place.issuedAt = s.nextAt * 1000
  item.place.tiebreak = newcomerSeq
  item.place.seq = newcomerSeq
  return item
}

/**
 * One run. With `rng` null, on expected times (and it also records, per ticket, the projected
 * time and the cycle mix of each counter of its pool); with a generator, on random times. A
 * randomised run's counts are the preparation's working arrays (`prep.scratch.counts`): read
 * them before the next run. The expected run's are its own.
 *
 * @example
 * // three busy counters, ten waiting, FCFS: the ticket with n ahead is the (n + 1)-th call
 * runProjection(prepareProjection(input), null).projections[4]?.k //=> 5
 */
export function runProjection(
  prep: PreparedProjection,
  rng: Rng | null,
): {
  counts: CallCounts
  projections: (Projection | null)[]
  ghostProjections: (Projection | null)[]
  beyond: Beyond | null
} {
  const { input, lists, streams, wakers, scratch } = prep
  const nc = input.branch.counters.length
  const run = startRun(prep, rng)
  const { next, closeAt, calls, newcomerCalls, cycN, cycS1, cycS2, cyc } = scratch
  const counts = run.counts
  let unresolved = run.unresolved
  const cap = input.waitCapSec
  let candidate = scratch.keys[0]
  let bestKey = scratch.keys[1]
  let arrived = 0

  // A run that would go on for hours of starvation says what it needs to by then.
  let budget = 40 * (input.tickets.length + input.ghosts.length) + 400
  let lastAt = 0
  while (unresolved > 0 && budget-- > 0) {
    let c = -1
    let t = Number.POSITIVE_INFINITY
    for (let j = 0; j < nc; j++) {
      if ((next[j] as number) < t) {
        t = next[j] as number
        c = j
      }
    }
    if (c < 0 || t > input.horizonSec) break
    lastAt = t
    // Customers who will have arrived by then join their queues.
    for (let j = 0; j < streams.length; j++) {
      const s = streams[j] as Stream
      while (s.nextAt <= t && s.nextAt < s.end) {
        const g = s.group
        g.items[g.size++] = newcomerOf(prep.pool, s, arrived)
        arrived++
        s.i++
        if (rng === null) s.nextAt = Math.max(0, s.a.fromSec) + (s.i - 0.5) * s.gap
        else drawArrival(rng, s)
      }
    }
    // The policy's choice at counter c at time t: its own key (policy/callOrder), on its clock.
    let best: Item | null = null
    let bestGroup: Group | null = null
    const nowMs = t * 1000
    const list = lists[c] as { g: Group; tier: number }[]
    for (let j = 0; j < list.length; j++) {
      const entry = list[j] as { g: Group; tier: number }
      const g = entry.g
      if (g.head >= g.size) continue
      const it = g.items[g.head] as Item
      writeCallKey(candidate, it.place, it.cls, entry.tier, cap, nowMs)
      if (best === null || compareCallKeys(candidate, bestKey) < 0) {
        best = it
        bestGroup = g
        const swap = bestKey
        bestKey = candidate
        candidate = swap
      }
    }
    if (best === null || bestGroup === null) {
      // Nothing this counter may call: it waits for the next newcomer it serves.
      let wake = Number.POSITIVE_INFINITY
      const mine = wakers[c] as readonly Stream[]
      for (let j = 0; j < mine.length; j++) {
        const s = mine[j] as Stream
        if (s.nextAt < s.end && s.nextAt < wake) wake = s.nextAt
      }
      next[c] = wake < (closeAt[c] as number) ? wake : Number.POSITIVE_INFINITY
      continue
    }
    bestGroup.head++
    if (best.kind === 1) {
      // A would-be ticket is called here; it takes no call, so the counter chooses again.
      run.at = t
      unresolved -= found(run, best, bestGroup, 1)
      continue
    }
    calls[c] = (calls[c] as number) + 1
    if (best.kind === 2) newcomerCalls[c] = (newcomerCalls[c] as number) + 1
    else {
      run.at = t
      unresolved -= found(run, best, bestGroup, 0)
    }
    cycleOf(bestGroup, best.x.issuedAt, c, t, cyc)
    cycN[c] = (cycN[c] as number) + 1
    cycS1[c] = (cycS1[c] as number) + cyc.m1
    cycS2[c] = (cycS2[c] as number) + cyc.m2
    if (rng !== null) drawCycle(rng, cyc)
    const after = t + (rng === null ? cyc.m1 : cyc.draw)
    next[c] = after < (closeAt[c] as number) ? after : Number.POSITIVE_INFINITY
  }
  return {
    counts,
    projections: run.projections,
    ghostProjections: run.ghostProjections,
    beyond: rng === null ? beyondReach(prep, counts, lastAt) : null,
  }
}
