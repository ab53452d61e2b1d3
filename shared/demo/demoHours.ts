import { openingOn, type BranchCalendar } from '../domain/branchCalendar'
import { addDays, localDate, startOfLocalDay } from '../domain/localTime'
import { stretchesOnDayOf, withinStretches } from '../domain/stretchTimes'

/**
 * Whether the branch's doors are open at `now`, as its calendar says; a branch that gives no
 * opening hours is taken to be open.
 *
 * @example
 * doorsOpenAt(DEMO_CALENDAR, Date.UTC(2026, 11, 6, 17, 20), 480) //=> false (01:20 in Beijing)
 */
export function doorsOpenAt(calendar: BranchCalendar, now: number, utcOffsetMinutes: number): boolean {
  const stretches = openingOn(localDate(now, utcOffsetMinutes), calendar)
  return stretches === null || withinStretches(stretches, now, utcOffsetMinutes)
}

/**
 * When the doors next open after `now` (epoch ms), looking a fortnight ahead; null when the
 * calendar gives no opening hours or none in that time.
 *
 * @example
 * nextOpening(DEMO_CALENDAR, Date.UTC(2026, 11, 6, 17, 20), 480) //=> Date.UTC(2026, 11, 7, 1) (09:00 in Beijing)
 */
export function nextOpening(calendar: BranchCalendar, now: number, utcOffsetMinutes: number): number | null {
  if (calendar.opening === undefined) return null
  const today = localDate(now, utcOffsetMinutes)
  for (let i = 0; i < 14; i++) {
    const date = addDays(today, i)
    const noon = startOfLocalDay(date, utcOffsetMinutes) + 12 * 3_600_000
    const opens = stretchesOnDayOf(openingOn(date, calendar) ?? [], noon, utcOffsetMinutes)
      .map((s) => s.openAt)
      .filter((at) => at > now)
    if (opens.length > 0) return Math.min(...opens)
  }
  return null
}
