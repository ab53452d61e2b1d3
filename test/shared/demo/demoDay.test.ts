import { describe, expect, it } from 'vitest'
import { DEMO_CALENDAR } from '../../../hub/config/demoBranchFile'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { demoDayScenario } from '../../../shared/demo/demoDay'
import { doorsOpenAt, nextOpening } from '../../../shared/demo/demoHours'
import { parseScenario } from '../../../shared/sim/parseScenario'

const day = (date: string, seed = 1) => demoDayScenario(DEMO_BRANCH, DEMO_CALENDAR, 480, date, seed)
const total = (date: string, hour: number): number =>
  (day(date)?.arrivals ?? []).reduce(
    (sum, a) => sum + (Array.isArray(a.perHour) ? (a.perHour[hour] ?? 0) : a.perHour),
    0,
  )

describe('demoDayScenario', () => {
  it("keeps the calendar's doors: 09:00–17:00 on a working day, 10:00–16:00 at a weekend, closed on a holiday", () => {
    expect(day('2026-12-07')?.hours).toEqual({ open: '09:00', close: '17:00' })
    expect(day('2026-12-06')?.hours).toEqual({ open: '10:00', close: '16:00' })
    expect(day('2026-10-01')).toBeNull()
  })

  it('is a valid scenario with classes, leavers, transfers and tellers of different pace and breaks', () => {
    const s = day('2026-12-07')
    expect(s).not.toBeNull()
    if (s === null) return
    expect(parseScenario(s).ok).toBe(true)
    expect(s.priorityClasses?.map((p) => p.id)).toEqual(['vip', 'care', 'military'])
    expect(s.noShowProbability).toBeGreaterThan(0)
    expect(s.patience).toBeDefined()
    expect(s.transfers?.length).toBeGreaterThan(0)
    expect(new Set(s.counters.map((c) => c.speed)).size).toBeGreaterThan(2)
    expect(s.counters.some((c) => (c.breaks ?? []).length > 0)).toBe(true)
  })

  it('ramps up in the morning to a lunch peak', () => {
    expect(total('2026-12-08', 0)).toBeLessThan(total('2026-12-08', 1))
    expect(total('2026-12-08', 1)).toBeLessThan(total('2026-12-08', 3))
    expect(total('2026-12-08', 3)).toBeGreaterThan(total('2026-12-08', 6))
  })

  it('is the same day for the same seed', () => {
    expect(day('2026-12-08', 5)).toEqual(day('2026-12-08', 5))
    expect(day('2026-12-08', 5)).not.toEqual(day('2026-12-08', 6))
  })
})

describe('doorsOpenAt and nextOpening', () => {
  it('say the doors are shut at 01:20 Beijing time and open at 09:00', () => {
    const night = Date.UTC(2026, 11, 6, 17, 20)
    expect(doorsOpenAt(DEMO_CALENDAR, night, 480)).toBe(false)
    expect(doorsOpenAt(DEMO_CALENDAR, Date.UTC(2026, 11, 7, 2), 480)).toBe(true)
    expect(nextOpening(DEMO_CALENDAR, night, 480)).toBe(Date.UTC(2026, 11, 7, 1))
  })
})
