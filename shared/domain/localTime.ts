/**
 * The branch's local calendar, from epoch ms and a fixed UTC offset. shared/ never reads the
 * host's timezone: the hub passes the branch's offset (China: +480 minutes, no daylight saving),
 * so a report is the same wherever it is computed.
 */

const MINUTE = 60_000
const DAY = 86_400_000

/**
 * The local date (YYYY-MM-DD) of an instant.
 *
 * @example
 * localDate(Date.UTC(2026, 10, 24, 17, 0), 480) //=> '2026-11-25' (01:00 in Beijing)
 */
export function localDate(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * MINUTE).toISOString().slice(0, 10)
}

/**
 * The local hour of day (0–23) of an instant.
 *
 * @example
 * localHour(Date.UTC(2026, 10, 24, 1, 30), 480) //=> 9
 */
export function localHour(at: number, utcOffsetMinutes: number): number {
  const local = at + utcOffsetMinutes * MINUTE
  return Math.floor((((local % DAY) + DAY) % DAY) / 3_600_000)
}

/**
 * The instant a local date ends (the last millisecond of it).
 *
 * @example
 * endOfLocalDate('2026-11-24', 480) //=> Date.UTC(2026, 10, 24, 15, 59, 59, 999)
 */
export function endOfLocalDate(date: string, utcOffsetMinutes: number): number {
  return startOfLocalDay(date, utcOffsetMinutes) + DAY - 1
}

/**
 * Local clock time "HH:MM:SS" of an instant, for tables and CSV.
 *
 * @example
 * localClock(Date.UTC(2026, 10, 24, 1, 5, 9), 480) //=> '09:05:09'
 */
export function localClock(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * MINUTE).toISOString().slice(11, 19)
}

/**
 * Local date and time "YYYY-MM-DD HH:MM:SS", the form spreadsheets read as a date.
 *
 * @example
 * localDateTime(Date.UTC(2026, 10, 24, 1, 5, 9), 480) //=> '2026-11-24 09:05:09'
 */
export function localDateTime(at: number, utcOffsetMinutes: number): string {
  const iso = new Date(at + utcOffsetMinutes * MINUTE).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

/**
 * The instant a local date begins (local midnight).
 *
 * @example
 * startOfLocalDay('2026-11-24', 480) //=> Date.UTC(2026, 10, 23, 16)
 */
export function startOfLocalDay(date: string, utcOffsetMinutes: number): number {
  return dateToUtcMidnight(date) - utcOffsetMinutes * MINUTE
}

/**
 * A date moved by whole days.
 *
 * @example
 * addDays('2026-12-31', 1) //=> '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMidnight(date) + days * DAY).toISOString().slice(0, 10)
}

/**
 * Day of the week of a date: 0 Sunday … 6 Saturday.
 *
 * @example
 * weekday('2026-11-24') //=> 2 (a Tuesday)
 */
export function weekday(date: string): number {
  return new Date(dateToUtcMidnight(date)).getUTCDay()
}

/**
 * The Monday starting the week of a date (weeks run Monday to Sunday, as in China and ISO 8601).
 *
 * @example
 * weekStart('2026-11-29') //=> '2026-11-23' (Sunday → the Monday before)
 */
export function weekStart(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7))
}

/**
 * Whole days from one date to another.
 *
 * @example
 * daysBetween('2026-11-23', '2026-11-30') //=> 7
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToUtcMidnight(to) - dateToUtcMidnight(from)) / DAY)
}

function dateToUtcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}
