import { describe, expect, it } from 'vitest'
import { scorePredictions } from '../../../shared/estimate/evaluatePredictions'
import {
  awaitOutcome,
  learnAt,
  learnFrom,
  onlineLearner,
  type OnlineLearner,
} from '../../../shared/estimate/onlineLearner'
import {
  feedPointMix,
  lineOf,
  mixPoint,
  NO_POINT_MIX,
  type PendingPoint,
  type PointMix,
} from '../../../shared/estimate/pointMix'
import { predictionRows } from '../../../shared/sim/predictionRows'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runDays } from '../../../shared/sim/runScenario'
import { counterId, priorityClassId, serviceId, ticketId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'

const T0 = Date.UTC(2026, 10, 24, 1)
const MIN = 60_000

const pendingPoint = (said: number[] | null, issuedAt = T0, cls: string | null = null): PendingPoint => ({
  serviceId: 'a',
  issuedAt,
  said,
  charged: [],
  line: lineOf('a', cls),
  lineService: 'a',
  lineClass: cls,
  moved: 0,
})

/**
 * The awaited tickets of service a: `ahead` issued before (told "now": they teach nothing, they
 * only move the queue), then `t` saying `said`. Issue order is the map's order, as the learner's.
 */
function line(ahead: number, said: number[] | null): Map<string, PendingPoint> {
  const pending = new Map<string, PendingPoint>()
  for (let i = 0; i < ahead; i++) pending.set(`ahead${i}`, pendingPoint(null))
  pending.set('t', pendingPoint(said))
  return pending
}

/** Calls the first `n` of the tickets ahead, at `at`. */
function callOthers(mix: PointMix, pending: Map<string, PendingPoint>, n: number, at: number): PointMix {
  let m = mix
  for (let i = 0; i < n; i++) m = feedPointMix(m, pending, [...pending.keys()][0] as string, at)
  return m
}

describe('provisional charges of tickets still awaited (optimistic hedge)', () => {
  it('charges an over-promise from the ticket’s own progress before its call', () => {
    // 9 people ahead; the model says 50 minutes, the naive formula 20
    const pending = line(9, [3000, 1200, 1200, 1200])
    // after 5 minutes, 2 of the 9 ahead have been called: the queue's pace says 25 minutes
    const mix = callOthers(NO_POINT_MIX, pending, 2, T0 + 5 * MIN)
    // nothing is certain yet: the settled losses are untouched
    expect(mix.losses.a ?? [0, 0, 0, 0, 0]).toEqual([0, 0, 0, 0, 0])
    // the provisional charge: (progress 2/10)² of (3000 − 1500)² and (1200 − 1500)², in units of the scale
    const scale = 60 * 60
    expect(mix.judged.a?.[0]).toBeCloseTo((0.04 * 1500 ** 2) / scale, 6)
    expect(mix.judged.a?.[1]).toBeCloseTo((0.04 * 300 ** 2) / scale, 6)
    expect(mix.judged['*']?.[0]).toBeCloseTo((0.04 * 1500 ** 2) / scale, 6)
    // so the mean already leans away from the model
    const m = mixPoint(mix, 'a', [3000, 1200, 1200, 1200]).mean
    expect(m).toBeLessThan(2000)
    expect(mixPoint(NO_POINT_MIX, 'a', [3000, 1200, 1200, 1200]).mean).toBeGreaterThan(2900)
  })

  it('replaces the guess by the true error at the call', () => {
    const pending = line(9, [3000, 1200, 1200, 1200])
    let mix = callOthers(NO_POINT_MIX, pending, 2, T0 + 5 * MIN)
    mix = feedPointMix(mix, pending, 't', T0 + 20 * MIN)
    expect(pending.has('t')).toBe(false)
    // no ticket is awaited: what the weights read is what was settled
    expect(mix.judged).toBe(mix.losses)
    expect(mix.losses.a?.[0]).toBeCloseTo((3000 - 1200) ** 2 / (1200 * 1200), 6)
    expect(mix.losses.a?.[1]).toBe(0)
  })

  it('charges what is already certain only once', () => {
    // the model said 2 minutes; after 10 minutes it has been charged (600 − 120)² for sure
    const pending = line(4, [120, 1200, 1200, 1200])
    const mix = callOthers(NO_POINT_MIX, pending, 1, T0 + 10 * MIN)
    const settled = 480 ** 2 / 3600
    expect(mix.losses.a?.[0]).toBeCloseTo(settled, 6)
    // expected at 10·5/1 = 50 minutes: the provisional part is the rest of (3000 − 120)², (1/5)² of it
    expect((mix.judged.a?.[0] ?? 0) - settled).toBeCloseTo((0.04 * (2880 ** 2 - 480 ** 2)) / 3600, 6)
  })

  describe('edge cases', () => {
    it('adds nothing before the ticket’s queue has moved', () => {
      const pending = line(9, [3000, 1200, 1200, 1200])
      const mix = feedPointMix(NO_POINT_MIX, pending, null, T0 + 10 * MIN)
      expect(mix.judged).toBe(mix.losses)
    })

    it('does not take the call of a later ticket (an appointment, an out-of-turn call) for its progress', () => {
      const pending = line(2, [3000, 1200, 1200, 1200])
      pending.set('later', pendingPoint(null, T0 + MIN))
      const mix = feedPointMix(NO_POINT_MIX, pending, 'later', T0 + 5 * MIN)
      expect(pending.get('t')?.moved).toBe(0)
      expect(mix.judged).toBe(mix.losses)
    })

    it('leaves tickets told "now" out, and counts only the calls of the ticket’s own line', () => {
      const pending = line(2, null)
      // a premier customer of the same service: the regular customers' calls are not its progress
      pending.set('u', pendingPoint([3000, 1200, 1200, 1200], T0, 'vip'))
      const mix = callOthers(NO_POINT_MIX, pending, 2, T0 + 5 * MIN)
      expect(mix.judged).toBe(mix.losses)
      expect(pending.get('t')?.moved).toBe(2)
      expect(pending.get('u')?.moved).toBe(0)
    })
  })
})

describe('onlineLearner: each awaited ticket’s line, as the hub sees it', () => {
  const SHOWN = { mean: 600, p10: 100, p50: 500, p90: 1200 }
  const at = (min: number): number => T0 + min * MIN

  it('does not count a cancelled ticket among those ahead', () => {
    const learner = onlineLearner()
    for (const id of ['a1', 'a2', 'a3']) awaitOutcome(learner, id, 'a', T0, SHOWN, [600, 600, 600, 600], null, false)
    learnFrom(learner, { type: 'ticketCancelled', ticketId: ticketId('a1'), seq: 4, at: at(1) })
    learnFrom(learner, {
      type: 'ticketCalled',
      ticketId: ticketId('a2'),
      counterId: counterId('c1'),
      staffId: null,
      seq: 5,
      at: at(4),
    } as QueueEvent)
    expect(learner.points.has('a1')).toBe(false)
    // a3 had one left ahead (a2), now called: expected at 4 · 2/1 = 8 minutes, weight (1/2)², on
    // top of a2's settled error (its wait, 4 minutes, is the scale)
    expect(learner.points.get('a3')?.moved).toBe(1)
    const scale = 240 * 240
    expect((learner.mix.judged.a?.[0] ?? 0) - (learner.mix.losses.a?.[0] ?? 0)).toBeCloseTo(
      (0.25 * (600 - 480) ** 2) / scale,
      9,
    )
  })

  it('follows a premier claim confirmed while waiting: its call is not the ordinary line’s progress', () => {
    const learner = onlineLearner()
    // issued as ordinary with a claim, then the regular customers, then the card reader confirms it
    awaitOutcome(learner, 'v1', 'a', T0, SHOWN, [600, 600, 600, 600], null, false)
    for (const id of ['a1', 'a2', 'a3']) awaitOutcome(learner, id, 'a', T0, SHOWN, [2400, 600, 600, 600], null, false)
    const confirmed = {
      type: 'priorityChanged',
      ticketId: ticketId('v1'),
      from: null,
      to: priorityClassId('vip'),
      reason: 'card',
      seq: 5,
      at: at(0.1),
    } as QueueEvent
    learnFrom(learner, confirmed)
    learnFrom(learner, {
      type: 'ticketCalled',
      ticketId: ticketId('v1'),
      counterId: counterId('c1'),
      staffId: null,
      seq: 6,
      at: at(3),
    } as QueueEvent)
    // without following it, a1 would be guessed at 6 minutes with a weight of ¼ and charged for it
    expect(learner.points.get('a1')?.moved).toBe(0)
    expect(learner.mix.judged).toBe(learner.mix.losses)
  })
})

describe('onlineLearner: a ticket that changes line while waiting', () => {
  const SHOWN = { mean: 600, p10: 100, p50: 500, p90: 1200 }
  const SAID = [600, 600, 600, 600]
  const call = (learner: OnlineLearner, id: string, at: number): void =>
    learnFrom(learner, {
      type: 'ticketCalled',
      ticketId: ticketId(id),
      counterId: counterId('c1'),
      staffId: null,
      seq: 9,
      at,
    } as QueueEvent)
  const transfer = (learner: OnlineLearner, id: string, to: string, toCounter: string | null): void =>
    learnFrom(learner, {
      type: 'ticketTransferred',
      ticketId: ticketId(id),
      fromCounterId: null,
      toServiceId: serviceId(to),
      toCounterId: toCounter === null ? null : counterId(toCounter),
      seq: 8,
      at: T0 + MIN,
    } as QueueEvent)

  it('is one more ahead in its new line, one fewer in its old one, and keeps its place by issue', () => {
    const learner = onlineLearner()
    for (const [id, service] of [
      ['a1', 'a'],
      ['b1', 'b'],
      ['a2', 'a'],
      ['b2', 'b'],
    ] as const) {
      awaitOutcome(learner, id, service, T0, SHOWN, SAID, null, false)
    }
    transfer(learner, 'a1', 'b', null)
    call(learner, 'a1', T0 + 4 * MIN)
    // a1 was ahead of both b tickets by issue: its call is their progress, not a2's
    expect(learner.points.get('b1')?.moved).toBe(1)
    expect(learner.points.get('b2')?.moved).toBe(1)
    expect(learner.points.get('a2')?.moved).toBe(0)
  })

  it('sits out the guesses once its old line had moved for it, or when sent to one counter', () => {
    const learner = onlineLearner()
    for (const id of ['a0', 'a1', 'a2']) awaitOutcome(learner, id, 'a', T0, SHOWN, SAID, null, false)
    call(learner, 'a0', T0 + 2 * MIN)
    expect(learner.points.get('a1')?.moved).toBe(1)
    learnFrom(learner, {
      type: 'priorityChanged',
      ticketId: ticketId('a1'),
      from: null,
      to: priorityClassId('vip'),
      reason: 'staff',
      seq: 10,
      at: T0 + 3 * MIN,
    } as QueueEvent)
    expect(learner.points.get('a1')?.moved).toBeNull()
    transfer(learner, 'a2', 'a', 'c2')
    expect(learner.points.get('a2')?.moved).toBeNull()
    // neither is guessed any more: what the weights read is what was settled
    learnAt(learner, T0 + 5 * MIN)
    expect(learner.mix.judged).toBe(learner.mix.losses)
  })

  it('is guessed by its new line from the start when a claim is confirmed before its line moved', () => {
    const learner = onlineLearner()
    awaitOutcome(learner, 'v0', 'a', T0, SHOWN, SAID, 'vip', false)
    awaitOutcome(learner, 'v1', 'a', T0, SHOWN, [3000, 600, 600, 600], null, false)
    learnFrom(learner, {
      type: 'priorityChanged',
      ticketId: ticketId('v1'),
      from: null,
      to: priorityClassId('vip'),
      reason: 'card',
      by: 'idReader',
      seq: 3,
      at: T0 + 5000,
    } as QueueEvent)
    call(learner, 'v0', T0 + 4 * MIN)
    expect(learner.points.get('v1')?.moved).toBe(1)
    expect(learner.mix.judged).not.toBe(learner.mix.losses)
  })
})

describe('the over-promise in a rush (fixed seed)', () => {
  it('random day 2020, day 2: the mean stays within 1.67 × the naive RMSE (1.74 when charged only at the call)', () => {
    const days = runDays(randomBranchDay(2020), 2020, 2)
    const s = scorePredictions(predictionRows(days.slice(1)))
    expect(s.n).toBeGreaterThan(500)
    expect(s.rmse.ours).toBeLessThan(1.67 * s.rmse.naive)
  }, 60_000)
})
