/**
 * The branch's calendar date (YYYY-MM-DD) at an instant, for a fixed UTC offset. Branches keep
 * one civil time (China: +480 minutes, no daylight saving), so an offset is enough and the
 * host's timezone setting never matters.
 *
 * @example
 * localDate(Date.UTC(2026, 10, 23, 16, 30), 480) //=> '2026-11-24' (00:30 in Beijing)
 */
export function localDate(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10)
}

/**
 * The instant a local date ends (the last millisecond of it).
 *
 * @example
 * endOfLocalDate('2026-11-24', 480) //=> Date.UTC(2026, 10, 24, 15, 59, 59, 999)
 */
export function endOfLocalDate(date: string, utcOffsetMinutes: number): number {
  return Date.parse(`${date}T23:59:59.999Z`) - utcOffsetMinutes * 60_000
}

/**
 * Hour of the local day (0–23) at an instant.
 *
 * @example
 * localHour(Date.UTC(2026, 10, 24, 1, 15), 480) //=> 9
 */
export function localHour(epochMs: number, utcOffsetMinutes: number): number {
  return new Date(epochMs + utcOffsetMinutes * 60_000).getUTCHours()
}
