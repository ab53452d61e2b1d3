import { describe, expect, it } from 'vitest'
import type { UsualHour, UsualPattern } from '../../../shared/delays/usualPattern'
import { plannedHours, usualRoster } from '../../../shared/estimate/plannedHours'
import { startOfLocalDay } from '../../../shared/domain/localTime'
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
  it('plans each counter for the runs of hours it was usually staffed at least half of, placing the ends by the shares', () => {
    const c2: Record<number, number> = { 10: 2 / 3, 11: 1, 12: 0.25, 13: 1, 14: 1, 15: 1, 16: 1, 17: 0.5 }
    const u = usual((h) => ({
      [C1]: h >= 9 && h < 17 ? 1 : 0,
      // opens about 10:20, away for lunch about three quarters of 12:00–13:00, closes about 17:30
      [C2]: c2[h] ?? 0,
      // never usually staffed
      [C3]: h === 15 ? 0.3 : 0,
    }))
    const plans = usualRoster(TEST_BRANCH, u, midnight).map((p) => ({
      counterId: p.counterId,
      opens: (p.openAt - midnight) / H,
      closes: ((p.closeAt ?? Number.NaN) - midnight) / H,
    }))
    expect(plans).toEqual([
      { counterId: C1, opens: 9, closes: 17 },
      { counterId: C2, opens: expect.closeTo(10 + 1 / 3, 9), closes: 12.25 },
      { counterId: C2, opens: 12.75, closes: 17.5 },
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
