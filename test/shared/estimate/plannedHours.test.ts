import { describe, expect, it } from 'vitest'
import type { UsualHour, UsualPattern } from '../../../shared/delays/usualPattern'
import { plannedHours, usualRoster } from '../../../shared/estimate/plannedHours'
import { startOfLocalDay } from '../../../shared/reports/localTime'
import { C1, C2, C3, TEST_BRANCH } from '../support/testBranch'

const H = 3600_000
const midnight = startOfLocalDay('2026-11-24', 480)

/** A usual day: each counter's staffed share per local hour (24 entries). */
function usual(share: (hour: number) => Record<string, number>): UsualPattern {
  const hours: UsualHour[] = Array.from({ length: 24 }, (_, h) => ({
    countersOpen: Object.values(share(h)).reduce((a, b) => a + b, 0),
    counterOpenShare: share(h),
    arrivals: {},
  }))
  return { days: 5, utcOffsetMin: 480, hours }
}

describe('usualRoster', () => {
  it('plans each counter for the runs of hours it was usually staffed at least half of', () => {
    const u = usual((h) => ({
      [C1]: h >= 9 && h < 17 ? 1 : 0,
      // a late starter with a lunch away: 10–12 and 13–17 (a 12:00 hour at 0.4 is not staffed)
      [C2]: h >= 10 && h < 17 ? (h === 12 ? 0.4 : 0.8) : 0,
      // never usually staffed
      [C3]: h === 15 ? 0.3 : 0,
    }))
    expect(usualRoster(TEST_BRANCH, u, midnight)).toEqual([
      { counterId: C1, openAt: midnight + 9 * H, closeAt: midnight + 17 * H },
      { counterId: C2, openAt: midnight + 10 * H, closeAt: midnight + 12 * H },
      { counterId: C2, openAt: midnight + 13 * H, closeAt: midnight + 17 * H },
    ])
  })

  it('is empty without a usual day', () => {
    expect(usualRoster(TEST_BRANCH, null, midnight)).toEqual([])
  })
})

describe('plannedHours', () => {
  it("takes a counter's own hours over its usual ones, and the usual ones for the others", () => {
    const u = usual(() => ({ [C1]: 1, [C2]: 1, [C3]: 1 }))
    const branch = {
      ...TEST_BRANCH,
      counters: TEST_BRANCH.counters.map((c) =>
        c.id === C2 ? { ...c, hours: [{ opens: '09:30', closes: '11:00' }] } : c,
      ),
    }
    const now = midnight + 10 * H
    const plans = plannedHours(branch, u, now, 480)
    expect(plans.filter((p) => p.counterId === C2)).toEqual([
      { counterId: C2, openAt: midnight + 9.5 * H, closeAt: midnight + 11 * H },
    ])
    expect(plans.filter((p) => p.counterId === C1)).toEqual([
      { counterId: C1, openAt: midnight, closeAt: midnight + 24 * H },
    ])
  })
})
