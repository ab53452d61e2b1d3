import { describe, expect, it } from 'vitest'
import { branchToday, daysIn, presetRange, trendGrain } from '../../../renderer/src/logic/report/reportDates'

describe('reportDates', () => {
  it("takes today's date from the hub clock in the branch's offset", () => {
    const halfPastMidnightInBeijing = Date.UTC(2026, 10, 24, 16, 30)
    expect(branchToday(halfPastMidnightInBeijing, 480)).toBe('2026-11-25')
    expect(branchToday(halfPastMidnightInBeijing, 0)).toBe('2026-11-24')
  })

  it('makes the last n days up to today, across a month and a year end', () => {
    expect(presetRange('2026-11-25', 7)).toEqual({ from: '2026-11-19', to: '2026-11-25' })
    expect(presetRange('2027-01-03', 28)).toEqual({ from: '2026-12-07', to: '2027-01-03' })
    expect(daysIn(presetRange('2026-12-31', 365))).toBe(365)
  })

  it('counts the days of a range, and none for one that runs backwards', () => {
    expect(daysIn({ from: '2026-11-01', to: '2026-11-30' })).toBe(30)
    expect(daysIn({ from: '2026-11-30', to: '2026-11-01' })).toBe(0)
  })

  it('shows a trend by day up to two months and by week beyond', () => {
    expect(trendGrain(presetRange('2026-11-30', 28))).toBe('day')
    expect(trendGrain(presetRange('2026-11-30', 62))).toBe('day')
    expect(trendGrain(presetRange('2026-11-30', 63))).toBe('week')
    expect(trendGrain(presetRange('2026-11-30', 365))).toBe('week')
  })
})
