import { describe, expect, it } from 'vitest'
import { edgesOf, histogramOf, mergeCounts, quantileOfHistogram, WAIT_EDGES } from '../../../shared/reports/histogram'
import { hourStartOf, hourStarts } from '../../../shared/reports/hourlySection'
import {
  addDays,
  daysBetween,
  localClock,
  localDate,
  localDateTime,
  localHour,
  startOfLocalDay,
  weekday,
  weekStart,
} from '../../../shared/domain/localTime'
import { distribution, quantileSorted, shareOf } from '../../../shared/reports/stats'

describe('localTime', () => {
  const t = Date.UTC(2026, 10, 24, 17, 30, 5) // 01:30:05 on the 25th in Beijing
  it('reads the branch local calendar from the offset, not the host', () => {
    expect(localDate(t, 480)).toBe('2026-11-25')
    expect(localDate(t, 0)).toBe('2026-11-24')
    expect(localHour(t, 480)).toBe(1)
    expect(localHour(t, -300)).toBe(12)
    expect(localClock(t, 480)).toBe('01:30:05')
    expect(localDateTime(t, 480)).toBe('2026-11-25 01:30:05')
    expect(startOfLocalDay('2026-11-25', 480)).toBe(Date.UTC(2026, 10, 24, 16))
  })

  it('does calendar arithmetic across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(weekday('2026-11-24')).toBe(2)
    expect(weekStart('2026-11-23')).toBe('2026-11-23')
    expect(weekStart('2026-11-29')).toBe('2026-11-23')
    expect(weekStart('2027-01-01')).toBe('2026-12-28')
    expect(daysBetween('2026-11-23', '2026-11-30')).toBe(7)
  })

  it('cuts local clock hours, also for offsets that are not whole hours', () => {
    expect(hourStartOf(Date.UTC(2026, 10, 24, 1, 59), 480)).toBe(Date.UTC(2026, 10, 24, 1))
    // India, UTC+5:30: 09:10 local is 03:40 UTC; the hour began 03:30 UTC
    expect(hourStartOf(Date.UTC(2026, 10, 24, 3, 40), 330)).toBe(Date.UTC(2026, 10, 24, 3, 30))
    const open = Date.UTC(2026, 10, 24, 1)
    expect(hourStarts(open, open + 2.5 * 3_600_000, 480)).toEqual([open, open + 3_600_000, open + 7_200_000])
  })
})

describe('stats', () => {
  it('gives spreadsheet percentiles and null for nothing', () => {
    expect(quantileSorted([10, 20, 30, 40], 0.5)).toBe(25)
    expect(quantileSorted([10, 20, 30, 40], 0.9)).toBeCloseTo(37, 12)
    expect(distribution([30, 10, 20, 40])).toEqual({ count: 4, mean: 25, median: 25, p90: 37, max: 40 })
    expect(distribution([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null })
    expect(shareOf(0, 0)).toBeNull()
  })
})

describe('histogram', () => {
  it('builds edges from runs and counts values into bins, the last open-ended', () => {
    expect(
      edgesOf([
        [60, 30],
        [180, 60],
      ]),
    ).toEqual([0, 30, 60, 120, 180])
    expect(histogramOf([5, 35, 40, 500], [0, 30, 60])).toEqual([1, 2, 1])
    expect(histogramOf([], [0, 30])).toEqual([])
    expect(mergeCounts([1, 2], [0, 1, 4])).toEqual([1, 3, 4])
    expect(WAIT_EDGES[40]).toBe(600)
    expect(WAIT_EDGES[WAIT_EDGES.length - 1]).toBe(14_400)
  })

  it('interpolates quantiles within a bin and up to the maximum in the open bin', () => {
    expect(quantileOfHistogram([2, 2], [0, 60], 0.5, 100)).toBe(60)
    expect(quantileOfHistogram([2, 2], [0, 60], 0.75, 100)).toBe(80)
    expect(quantileOfHistogram([], [0, 60], 0.5, 0)).toBeNull()
  })
})
