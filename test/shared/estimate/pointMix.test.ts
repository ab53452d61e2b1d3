import { describe, expect, it } from 'vitest'
import { knownServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { pointExperts } from '../../../shared/estimate/pointExperts'
import {
  feedPointMix,
  mixPoint,
  NO_POINT_MIX,
  withMean,
  type PendingPoint,
  type PointMix,
} from '../../../shared/estimate/pointMix'
import { sampleExponential, seededRng } from '../../../shared/sim/random'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH, VIP } from '../support/testBranch'

const T0 = Date.UTC(2026, 10, 24, 1)

/**
 * A day of tickets issued a minute apart, each waiting `truth(i)` seconds, while the predictors
 * say `said(i)` (model first): the mix's mean for each, as it learns from the waits.
 */
function play(n: number, said: (i: number) => (number | null)[], truth: (i: number) => number): number[] {
  let mix: PointMix = NO_POINT_MIX
  const pending = new Map<string, PendingPoint>()
  const events: { at: number; id: string | null; issue?: number }[] = []
  for (let i = 0; i < n; i++) {
    events.push({ at: T0 + i * 60_000, id: null, issue: i })
    events.push({ at: T0 + i * 60_000 + truth(i) * 1000, id: `t${i}` })
  }
  events.sort((a, b) => a.at - b.at)
  const means: number[] = []
  for (const e of events) {
    if (e.issue !== undefined) {
      const m = mixPoint(mix, 'a', said(e.issue))
      means[e.issue] = m.mean
      pending.set(`t${e.issue}`, {
        serviceId: 'a',
        issuedAt: e.at,
        said: m.said,
        charged: [],
        line: 'a',
        lineService: 'a',
        lineClass: null,
        // the mix alone: no provisional guesses (`provisionalCharge.test.ts`)
        moved: null,
      })
    }
    mix = feedPointMix(mix, pending, e.id, e.at)
  }
  return means
}

const rmse = (xs: number[], ys: number[]): number =>
  Math.sqrt(xs.reduce((s, x, i) => s + (x - (ys[i] as number)) ** 2, 0) / xs.length)

describe('pointMix', () => {
  it('starts from the model and moves to the predictor the waits bear out', () => {
    const rng = seededRng(3)
    const truth = Array.from({ length: 300 }, () => 600 + sampleExponential(rng, 120))
    // the model is sure of 200 s; the queue's history says what happened
    const means = play(
      300,
      (i) => [200, 650, truth[Math.max(0, i - 5)] as number, null],
      (i) => truth[i] as number,
    )
    expect(means[0]).toBeLessThan(260)
    const late = means.slice(150)
    const truthLate = truth.slice(150)
    // never much worse than the best single predictor in hindsight
    expect(rmse(late, truthLate)).toBeLessThan(
      1.1 *
        rmse(
          late.map(() => 650),
          truthLate,
        ),
    )
    expect(rmse(late, truthLate)).toBeLessThan(
      0.5 *
        rmse(
          late.map(() => 200),
          truthLate,
        ),
    )
  })

  it('keeps the model when it is right', () => {
    const rng = seededRng(4)
    const truth = Array.from({ length: 300 }, () => sampleExponential(rng, 300))
    const means = play(
      300,
      () => [300, 900, 100, 600],
      (i) => truth[i] as number,
    )
    for (const m of means.slice(100)) expect(Math.abs(m - 300)).toBeLessThan(30)
  })

  it('learns from tickets still waiting, before their call', () => {
    let mix: PointMix = NO_POINT_MIX
    const pending = new Map<string, PendingPoint>()
    pending.set('t', {
      serviceId: 'a',
      issuedAt: T0,
      said: [100, 1000, 1000, 1000, 1000],
      charged: [],
      line: 'a',
      lineService: 'a',
      lineClass: null,
      moved: null,
    })
    mix = feedPointMix(mix, pending, null, T0 + 600_000)
    // waited 600 s already: the model (100 s) is wrong by at least 500 s; the others are not wrong yet
    expect(mix.losses.a?.[0]).toBeGreaterThan(0)
    expect(mix.losses.a?.slice(1)).toEqual([0, 0, 0, 0])
    expect(pending.has('t')).toBe(true)
    mix = feedPointMix(mix, pending, 't', T0 + 700_000)
    expect(mix.lastWaitSec.a).toBe(700)
    expect(pending.has('t')).toBe(false)
    expect(mix.losses.a?.[1]).toBeGreaterThan(0)
  })

  describe('edge cases', () => {
    it('lets a predictor with nothing to say sit the ticket out', () => {
      expect(mixPoint(NO_POINT_MIX, 'a', [300, null, null, null])).toEqual({ mean: 300, said: [300, 300, 300, 300] })
    })

    it('keeps the range, stretched to hold the mean, and leaves "now" alone', () => {
      const e = { mean: 100, p10: 50, p50: 90, p90: 180 }
      expect(withMean(e, 150)).toEqual({ ...e, mean: 150 })
      expect(withMean(e, 200)).toEqual({ ...e, mean: 200, p90: 200 })
      expect(withMean(e, 30)).toEqual({ ...e, mean: 30, p10: 30 })
      const now = { mean: 0, p10: 0, p50: 0, p90: 0 }
      expect(withMean(now, 200)).toBe(now)
    })
  })
})

describe('pointExperts', () => {
  it('places tickets as their "people ahead", and reads the queue history for head of line and last call', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C2, BOB)
    const first = d.issue(A)
    d.advance(60)
    d.issue(A)
    d.advance(60)
    const third = d.issue(A)
    const model = knownServiceTimes(TEST_BRANCH, { a: { meanSec: 120, scv: 1 }, b: { meanSec: 300, scv: 1 } })
    const e = pointExperts(d.state, TEST_BRANCH, model, d.now, { a: 90 }, [
      { serviceId: A, priorityClassId: null },
      { serviceId: B, priorityClassId: null },
      { serviceId: A, priorityClassId: VIP },
    ])
    // A003: two ahead, two counters open for A at 120 s
    expect(e.tickets.get(third.id)?.naive).toBeCloseTo(120, 9)
    // head of line waited 120 s while three came: the third is called in about 3/3 of that
    expect(e.tickets.get(third.id)?.hol).toBeCloseTo(120, 9)
    expect(e.tickets.get(first.id)?.hol).toBeCloseTo(40, 9)
    expect(e.tickets.get(third.id)?.les).toBeCloseTo(90, 9)
    // a would-be A ticket goes behind all three; nobody waits for B; a VIP takes its head start
    expect(e.wouldBe[0]?.naive).toBeCloseTo(180, 9)
    expect(e.wouldBe[1]).toEqual({ naive: 0, hol: null, les: null })
    expect(e.wouldBe[2]?.naive as number).toBeLessThan(180)
  })
})
