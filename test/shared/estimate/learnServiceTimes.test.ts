import { describe, expect, it } from 'vitest'
import { learnServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { addPatience, type PatienceData } from '../../../shared/estimate/patience'
import {
  emptyServiceTimeStats,
  summariseServiceTimes,
  type ServiceTimeStats,
} from '../../../shared/estimate/serviceTimeStats'
import { timeQuantile } from '../../../shared/estimate/timeQuantile'
import { sampleExponential, sampleLognormal, seededRng } from '../../../shared/sim/random'
import { Driver } from '../support/driver'
import { sums } from './support/moments'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH } from '../support/testBranch'

function dayOf(service: string, xs: readonly number[], counter = 'c1'): ServiceTimeStats {
  const m = sums(xs)
  return {
    ...emptyServiceTimeStats('2026-11-23'),
    occupancy: { [service]: m },
    occupancyByCounter: { [service]: { [counter]: m } },
    transaction: { [service]: m },
    calls: { [service]: xs.length },
  }
}

describe('summariseServiceTimes', () => {
  it('files counter occupancy, transaction time, calls and no-shows under the service called for', () => {
    // This branch gives a called customer 15 s to come before each recall.
    const d = new Driver({ ...TEST_BRANCH, policy: { ...TEST_BRANCH.policy, recallIntervalSec: 15 } }).openDay()
    d.open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    d.issue(B)
    d.issue(A)
    // A001 at c1: 20 s walking up, 70 s transaction
    d.callNext(C1)
    d.advance(20)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(70)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    // c2 (A before B) calls A002 next, who never comes: two recalls, then the no-show at 45 s
    d.callNext(C2)
    d.advance(15)
    d.run({ type: 'recall', counterId: C2 })
    d.advance(15)
    d.run({ type: 'recall', counterId: C2 })
    d.advance(15)
    d.run({ type: 'markNoShow', counterId: C2 })
    const s = summariseServiceTimes('2026-11-24', d.state.done.concat(d.state.open))
    expect(s.occupancy[A]).toMatchObject({ n: 1, sum: 90 })
    expect(s.occupancyByCounter[A]?.[C1]).toMatchObject({ n: 1, sum: 90 })
    expect(s.transaction[A]).toMatchObject({ n: 1, sum: 70 })
    expect(s.noShows[A]).toMatchObject({ n: 1, sum: 45 })
    expect(s.calls[A]).toBe(2)
    expect(s.occupancy[B]).toBeUndefined()
  })
})

describe('learnServiceTimes', () => {
  it('starts from the service standard, exponential in shape, when nothing is known', () => {
    const m = learnServiceTimes(TEST_BRANCH, [], null)
    expect(m.occupancy[A]).toEqual({ meanSec: 60, scv: 1, n: 5, family: 'gamma' })
    expect(m.occupancy[B]?.meanSec).toBe(180)
    expect(m.noShow[A]?.probability).toBe(0)
  })

  it('moves to what today shows, the prior weighing five observations', () => {
    const today = dayOf(A, [100, 110, 90, 100, 100, 120, 80, 100, 100, 100, 100, 100, 100, 100, 100])
    const m = learnServiceTimes(TEST_BRANCH, [], today)
    // (5 × 60 + 15 × 100) / 20
    expect(m.occupancy[A]?.meanSec).toBeCloseTo(90, 9)
    expect(m.occupancy[A]?.n).toBe(20)
  })

  it('lets today move the figure even after a long history (history is capped)', () => {
    const rng = seededRng(1)
    const history = Array.from({ length: 20 }, () =>
      dayOf(
        A,
        Array.from({ length: 200 }, () => sampleExponential(rng, 60)),
      ),
    )
    const slowToday = dayOf(
      A,
      Array.from({ length: 200 }, () => sampleExponential(rng, 120)),
    )
    const before = learnServiceTimes(TEST_BRANCH, history, null).occupancy[A]?.meanSec as number
    const after = learnServiceTimes(TEST_BRANCH, history, slowToday).occupancy[A]?.meanSec as number
    expect(before).toBeCloseTo(60, -1)
    expect(after).toBeGreaterThan(before + 20)
  })

  it('tells lognormal work from exponential work by likelihood', () => {
    const rng = seededRng(2)
    const exp = dayOf(
      A,
      Array.from({ length: 400 }, () => sampleExponential(rng, 60)),
    )
    const logn = dayOf(
      A,
      Array.from({ length: 400 }, () => sampleLognormal(rng, 60, 1.2)),
    )
    expect(learnServiceTimes(TEST_BRANCH, [exp], null).occupancy[A]?.family).toBe('gamma')
    expect(learnServiceTimes(TEST_BRANCH, [logn], null).occupancy[A]?.family).toBe('lognormal')
    // and the learned quantiles follow the shape: a lognormal's 95th percentile is far out
    const p95 = timeQuantile(learnServiceTimes(TEST_BRANCH, [logn], null).transaction[A] as never, 0.95)
    expect(p95).toBeGreaterThan(150)
  })

  it('gives a slow counter its own figure once it has enough observations', () => {
    const fast = sums(Array.from({ length: 100 }, () => 60))
    const slow = sums(Array.from({ length: 100 }, () => 120))
    const today: ServiceTimeStats = {
      ...emptyServiceTimeStats('2026-11-24'),
      occupancy: { [A]: sums([...Array.from({ length: 100 }, () => 60), ...Array.from({ length: 100 }, () => 120)]) },
      occupancyByCounter: { [A]: { [C1]: fast, [C2]: slow } },
    }
    const m = learnServiceTimes(TEST_BRANCH, [], today)
    const c1 = m.occupancyByCounter[A]?.[C1]?.meanSec as number
    const c2 = m.occupancyByCounter[A]?.[C2]?.meanSec as number
    expect(c1).toBeLessThan(70)
    expect(c2).toBeGreaterThan(110)
  })

  it('learns patience from first calls and what a call on an absent customer costs the counter', () => {
    // 300 first calls after exponential waits of mean 10 min: 5 % of customers never meant to
    // stay, the others give up after an exponential patience of mean 15 min.
    const rng = seededRng(4)
    let patience: PatienceData | undefined
    for (let i = 0; i < 300; i++) {
      const waited = sampleExponential(rng, 600)
      const absent = rng.next() < 0.05 || sampleExponential(rng, 900) < waited
      patience = addPatience(patience, waited, absent)
    }
    const today: ServiceTimeStats = {
      ...emptyServiceTimeStats('2026-11-24'),
      noShows: { [A]: sums(Array.from({ length: 20 }, () => 45)) },
      patience: { [A]: patience as PatienceData },
    }
    const m = learnServiceTimes(TEST_BRANCH, [], today)
    expect(m.patience[A]?.noShow).toBeGreaterThan(0.01)
    expect(m.patience[A]?.noShow).toBeLessThan(0.1)
    expect(1 / (m.patience[A]?.perSec as number)).toBeGreaterThan(600)
    expect(1 / (m.patience[A]?.perSec as number)).toBeLessThan(1400)
    // the projection's per-call no-show share is the part that does not depend on the wait
    expect(m.noShow[A]?.probability).toBe(m.patience[A]?.noShow)
    expect(m.noShow[A]?.recallSec).toBeCloseTo((20 * 45 + 3 * 60) / 23, 9)
    // a service with no calls of its own borrows the branch's patience
    expect(m.patience[B]?.perSec).toBeGreaterThan(0)
  })
})
