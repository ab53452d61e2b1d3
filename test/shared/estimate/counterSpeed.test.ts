import { describe, expect, it } from 'vitest'
import { counterSpeeds } from '../../../shared/estimate/counterSpeed'
import { learnServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { emptyServiceTimeStats, type ServiceTimeStats } from '../../../shared/estimate/serviceTimeStats'
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

describe('counterSpeeds', () => {
  it('shows a counter 30 % slower on nearly fixed work within three visits', () => {
    const steady = (n: number, sec: number) => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))
    const s = counterSpeeds(TEST_BRANCH, [], today(A, { [C1]: steady(20, 100), [C2]: steady(3, 130) }))
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
    const s = counterSpeeds(TEST_BRANCH, [], today(A, { [C1]: c1, [C2]: c2 }))
    expect(s[C2]).toBeLessThan(1.25)
    expect(s[C2]).toBeGreaterThan(0.8)
  })

  describe('edge cases', () => {
    it('keeps every counter at the branch pace when nothing is known', () => {
      expect(counterSpeeds(TEST_BRANCH, [], null)).toEqual({ [C1]: 1, [C2]: 1, [C3]: 1 })
    })
  })
})
