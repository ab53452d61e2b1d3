import { describe, expect, it } from 'vitest'
import { counterPaces } from '../../../shared/estimate/counterSpeed'
import { learnServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { emptyServiceTimeStats, type ServiceTimeStats } from '../../../shared/estimate/serviceTimeStats'
import type { BranchConfig } from '../../../shared/domain/branch'
import { counterId, serviceId } from '../../../shared/domain/ids'
import type { MomentSums } from '../../../shared/estimate/serviceTimeStats'
import { sampleLognormal, seededRng } from '../../../shared/sim/random'
import { A, B, C1, C2, C3, TEST_BRANCH } from '../support/testBranch'
import { sums } from './support/moments'

/** Today's occupancy of service `s` at each counter. */
function today(s: string, byCounter: Record<string, readonly number[]>): ServiceTimeStats {
  return {
    ...emptyServiceTimeStats('2026-11-24'),
    occupancy: { [s]: sums(Object.values(byCounter).flat()) },
    occupancyByCounter: { [s]: Object.fromEntries(Object.entries(byCounter).map(([c, xs]) => [c, sums(xs)])) },
  }
}

describe('counterPaces', () => {
  it('shows a counter 30 % slower on nearly fixed work within three visits', () => {
    const steady = (n: number, sec: number) => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))
    const s = counterPaces(TEST_BRANCH, [], today(A, { [C1]: steady(20, 100), [C2]: steady(3, 130) }))
    const ratio = (s[C2] as number) / (s[C1] as number)
    expect(ratio).toBeGreaterThan(1.2)
    expect(ratio).toBeLessThan(1.4)
    // and the model gives the slow counter its pace for every service it serves
    const m = learnServiceTimes(TEST_BRANCH, [], today(A, { [C1]: steady(20, 100), [C2]: steady(3, 130) }))
    expect(
      (m.occupancyByCounter[A]?.[C2]?.meanSec as number) / (m.occupancyByCounter[A]?.[C1]?.meanSec as number),
    ).toBeCloseTo(ratio, 9)
    expect(m.occupancyByCounter[B]?.[C2]?.meanSec).toBeGreaterThan(m.occupancyByCounter[B]?.[C3]?.meanSec as number)
  })

  it('needs more visits where the work varies a lot, and one very long case does not make a counter slow', () => {
    const rng = seededRng(8)
    const work = (n: number) => Array.from({ length: n }, () => sampleLognormal(rng, 120, 1.5))
    const c1 = work(60)
    const c2 = [...work(9), 120 * 25]
    const s = counterPaces(TEST_BRANCH, [], today(A, { [C1]: c1, [C2]: c2 }))
    expect(s[C2]).toBeLessThan(1.25)
    expect(s[C2]).toBeGreaterThan(0.8)
  })

  it('does not count a slow counter twice for a service only it has served', () => {
    // B's work takes 100 s at the branch's pace; C2 is 30 % slower and the only counter B was at.
    const steady = (n: number, sec: number) => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))
    const stats: ServiceTimeStats = {
      ...emptyServiceTimeStats('2026-11-24'),
      occupancy: { [A]: sums([...steady(20, 100), ...steady(20, 130)]), [B]: sums(steady(20, 130)) },
      occupancyByCounter: {
        [A]: { [C1]: sums(steady(20, 100)), [C2]: sums(steady(20, 130)) },
        [B]: { [C2]: sums(steady(20, 130)) },
      },
    }
    // (the standards' prior all but off: B's 180 s would pull its figure up)
    const m = learnServiceTimes(TEST_BRANCH, [], stats, { priorWeight: 0.01 })
    // 1.3 × 130 = 169 counted C2's slowness twice
    expect(m.occupancyByCounter[B]?.[C2]?.meanSec).toBeGreaterThan(126)
    expect(m.occupancyByCounter[B]?.[C2]?.meanSec).toBeLessThan(134)
    // C3, which has served nothing, is taken at the branch's pace: faster than C2
    expect(m.occupancyByCounter[B]?.[C3]?.meanSec).toBeLessThan(122)
  })

  it("recovers every counter's time for every service when services are unevenly spread (generated branches)", () => {
    const rng = seededRng(31)
    for (let trial = 0; trial < 25; trial++) {
      const nServices = 2 + Math.floor(rng.next() * 4)
      const nCounters = 2 + Math.floor(rng.next() * 6)
      const services = Array.from({ length: nServices }, (_, i) => serviceId(`s${i}`))
      const counters = Array.from({ length: nCounters }, (_, i) => {
        // each counter serves service i mod n and each other one with probability 0.35
        const own = services.filter((_, j) => j === i % nServices || rng.next() < 0.35)
        return { id: counterId(`c${i}`), number: i + 1, services: own, pace: 0.6 + 0.8 * rng.next() }
      })
      const time = Object.fromEntries(services.map((sv) => [sv, 60 + 900 * rng.next()]))
      const branch: BranchConfig = {
        ...TEST_BRANCH,
        services: services.map((id) => ({
          ...(TEST_BRANCH.services[0] as BranchConfig['services'][number]),
          id,
          standardSec: 60,
        })),
        counters: counters.map(({ pace: _pace, ...c }) => c),
      }
      const byCounter: Record<string, Record<string, MomentSums>> = {}
      const pooled: Record<string, number[]> = {}
      for (const c of counters) {
        for (const sv of c.services) {
          // visits per cell 5–60, uneven on purpose; nearly fixed work (±5 %, averaging out)
          const xs = Array.from(
            { length: 5 + Math.floor(rng.next() * 56) },
            (_, i) => (time[sv] as number) * c.pace * (1 + 0.05 * Math.sin(i * 2.4)),
          )
          ;(byCounter[sv] ??= {})[c.id] = sums(xs)
          ;(pooled[sv] ??= []).push(...xs)
        }
      }
      const stats: ServiceTimeStats = {
        ...emptyServiceTimeStats('2026-11-24'),
        occupancy: Object.fromEntries(Object.entries(pooled).map(([sv, xs]) => [sv, sums(xs)])),
        occupancyByCounter: byCounter,
      }
      const m = learnServiceTimes(branch, [], stats, { priorWeight: 0.01 })
      for (const c of counters) {
        for (const sv of c.services) {
          const learned = m.occupancyByCounter[sv]?.[c.id]?.meanSec as number
          const err = Math.abs(learned / ((time[sv] as number) * c.pace) - 1)
          expect(err).toBeLessThan(0.02)
        }
      }
    }
  })

  it("gives each counter the spread of the service's work at one counter, not the spread across paces", () => {
    // nearly fixed work (±2 %) at a teller of 0.6 × and one of 1.4 × the branch's pace
    const steady = (n: number, sec: number) => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))
    const c1 = steady(200, 60)
    const c2 = steady(200, 140)
    const m = learnServiceTimes(TEST_BRANCH, [], today(A, { [C1]: c1, [C2]: c2 }))
    const pooled = m.occupancy[A]?.scv as number
    const atCounter = m.occupancyByCounter[A]?.[C1]?.scv as number
    // pooled over both counters the work looks like cv 0.4 (scv 0.16, pulled towards 1 by the prior's 30 visits)
    expect(pooled).toBeGreaterThan(0.2)
    // at one counter: the prior's pull alone, (30 × 1 + 400 × 0.0002) ÷ 430
    expect(atCounter).toBeCloseTo(30 / 430, 2)
    expect(m.occupancyByCounter[A]?.[C2]?.scv).toBe(atCounter)
  })

  it("weighs each counter's history as the service's mean weighs it (history over its cap, uneven work)", () => {
    // a teller at 1.4 × and one at 0.6 × the branch's pace (100 s); four days of 160 and 40 visits
    const steady = (n: number, sec: number) => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))
    const day = (date: string): ServiceTimeStats => ({
      ...emptyServiceTimeStats(date),
      occupancy: { [A]: sums([...steady(160, 140), ...steady(40, 60)]) },
      occupancyByCounter: { [A]: { [C1]: sums(steady(160, 140)), [C2]: sums(steady(40, 60)) } },
    })
    const history = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map(day)
    const m = learnServiceTimes(TEST_BRANCH, history, null, { priorWeight: 0.01, historyCap: 300 })
    expect(Math.abs((m.occupancyByCounter[A]?.[C1]?.meanSec as number) / 140 - 1)).toBeLessThan(0.03)
    expect(Math.abs((m.occupancyByCounter[A]?.[C2]?.meanSec as number) / 60 - 1)).toBeLessThan(0.03)
  })

  it("gives a service with one counter that counter's figure whole: mean and spread", () => {
    const rng = seededRng(5)
    const xs = Array.from({ length: 40 }, () => sampleLognormal(rng, 300, 0.8))
    const stats: ServiceTimeStats = {
      ...emptyServiceTimeStats('2026-11-24'),
      occupancy: { [A]: sums(xs) },
      occupancyByCounter: { [A]: { [C1]: sums(xs) } },
    }
    const one: BranchConfig = { ...TEST_BRANCH, counters: [{ id: C1, number: 1, services: [A] }] }
    const m = learnServiceTimes(one, [], stats)
    expect(m.occupancyByCounter[A]?.[C1]?.meanSec).toBeCloseTo(m.occupancy[A]?.meanSec as number, 9)
    expect(m.occupancyByCounter[A]?.[C1]?.scv).toBeCloseTo(m.occupancy[A]?.scv as number, 9)
  })

  describe('edge cases', () => {
    it('keeps every counter at the branch pace when nothing is known', () => {
      expect(counterPaces(TEST_BRANCH, [], null)).toEqual({ [C1]: 1, [C2]: 1, [C3]: 1 })
    })
  })
})
