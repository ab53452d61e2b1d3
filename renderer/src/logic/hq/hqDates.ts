import { addDays } from '../../../../shared/domain/localTime'

/**
 * The calendar date on this computer's clock (HQ staff read dates in their own time zone).
 *
 * @example
 * localToday(Date.UTC(2026, 11, 5, 18), -480) //=> '2026-12-06' (02:00 in Beijing)
 */
export function localToday(now: number, timezoneOffsetMinutes: number): string {
  return new Date(now - timezoneOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/**
 * The `days` closed days up to yesterday.
 *
 * @example
 * lastDays('2026-12-06', 7) //=> { from: '2026-11-29', to: '2026-12-05' }
 */
export function lastDays(today: string, days: number): { from: string; to: string } {
  const to = addDays(today, -1)
  return { from: addDays(to, 1 - days), to }
}
