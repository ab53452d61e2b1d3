import { addDays, localDate } from '../../../../shared/domain/localTime'

/** A date range, both ends included (YYYY-MM-DD). */
export interface DateRange {
  readonly from: string
  readonly to: string
}

/** The range presets a manager picks from: the last week, four weeks, a year. */
export const RANGE_PRESETS = [7, 28, 365] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]

/**
 * The branch's date now, by the hub's clock and the branch's offset (not the PC's time zone).
 *
 * @example
 * branchToday(Date.UTC(2026, 10, 24, 17, 0), 480) //=> '2026-11-25' (01:00 in Beijing)
 */
export function branchToday(hubNow: number, utcOffsetMinutes: number): string {
  return localDate(hubNow, utcOffsetMinutes)
}

/**
 * The last `days` days up to today. Only closed days have figures in a range (the hub stores a
 * day's summary when it closes), so today counts once the day is closed and is left out before;
 * today so far is in the day report.
 *
 * @example
 * presetRange('2026-11-25', 7) //=> { from: '2026-11-19', to: '2026-11-25' }
 */
export function presetRange(today: string, days: number): DateRange {
  return { from: addDays(today, -(days - 1)), to: today }
}

/**
 * Days in a range, both ends included (0 when it runs backwards).
 *
 * @example
 * daysIn({ from: '2026-11-01', to: '2026-11-30' }) //=> 30
 */
export function daysIn(range: DateRange): number {
  const ms = Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.round(ms / 86_400_000) + 1
}

/**
 * Whether a trend reads better by day or by week: by day up to two months, by week beyond (a
 * year of daily points is a smear, and its table 365 rows).
 *
 * @example
 * trendGrain({ from: '2026-01-01', to: '2026-12-31' }) //=> 'week'
 */
export function trendGrain(range: DateRange): 'day' | 'week' {
  return daysIn(range) <= 62 ? 'day' : 'week'
}
