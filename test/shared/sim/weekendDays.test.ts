import { describe, expect, it } from 'vitest'
import { addDays, startOfLocalDay } from '../../../shared/domain/localTime'
import { NO_CALENDAR } from '../../../shared/domain/branchCalendar'
import { usualRoster } from '../../../shared/estimate/plannedHours'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { historyOf, runDays } from '../../../shared/sim/runScenario'
import { scenarioBranch } from '../../../shared/sim/scenarioModel'
import { weekendOf } from '../../../shared/sim/weekendDay'

/**
 * A branch whose weekends run on fewer counters (`weekendOf`), simulated for a fortnight from a
 * Monday: the history a second Saturday is estimated from is that of a Saturday — its counters
 * and its customers — not the working days' that outnumber it five to two.
 */
describe('a fortnight with weekends of fewer counters', () => {
  const working = randomBranchDay(1003)
  const weekend = weekendOf(working, 1003)
  const dateOf = (i: number): string => addDays('2026-11-23', i)
  const isWeekend = (i: number): boolean => i % 7 >= 5
  const days = runDays(working, 1003, 12, { dateOf, scenarioOf: (i) => (isWeekend(i) ? weekend : working) })

  it('keeps every service served and the load about the same', () => {
    expect(weekend.counters.length).toBeLessThan(working.counters.length)
    for (const s of working.services) expect(weekend.counters.some((c) => c.services.includes(s.id))).toBe(true)
    expect(weekend.counters.every((c) => c.open === undefined && c.close === undefined)).toBe(true)
  })

  it('gives Saturday the weekends’ roster and arrivals, and Monday the working days’', () => {
    const branch = scenarioBranch(working)
    const roster = (date: string, ahead: boolean) => {
      const usual = historyOf(days, 480, ahead ? { date, calendar: NO_CALENDAR } : null).usual
      return new Set(usualRoster(branch, usual, startOfLocalDay(date, 480)).map((p) => p.counterId as string))
    }
    const weekendCounters = new Set(weekend.counters.map((c) => c.id))
    expect(roster('2026-12-05', true)).toEqual(weekendCounters)
    expect(roster('2026-12-07', true)).toEqual(new Set(working.counters.map((c) => c.id)))
    // every day the same, as before: the working days' counters on a Saturday too
    expect(roster('2026-12-05', false).size).toBeGreaterThan(weekendCounters.size)

    const arrivalsPerDay = (date: string, ahead: boolean): number => {
      const usual = historyOf(days, 480, ahead ? { date, calendar: NO_CALENDAR } : null).usual
      return (usual?.hours ?? []).reduce((a, h) => a + Object.values(h.arrivals).reduce((x, y) => x + y, 0), 0)
    }
    const counted = (i: number): number => days[i]?.records.length ?? 0
    const weekendMean = (counted(5) + counted(6)) / 2
    const workingMean = [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].reduce((a, i) => a + counted(i), 0) / 10
    // Saturday's usual customers: the two weekends' and a third day's worth of working days'
    expect(arrivalsPerDay('2026-12-05', true)).toBeCloseTo((2 * weekendMean + workingMean) / 3, 6)
    expect(arrivalsPerDay('2026-12-07', true)).toBeCloseTo((10 * workingMean + weekendMean) / 11, 6)
  })
})
