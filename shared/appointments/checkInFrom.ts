import { openingOn, type BranchCalendar } from '../domain/branchCalendar'
import { localDate } from '../domain/localTime'
import { stretchesOnDayOf } from '../domain/stretchTimes'

/** The branch's doors, for the check-in window: its calendar in its own time. */
export interface CheckInDoors {
  readonly calendar: BranchCalendar
  readonly utcOffsetMinutes: number
}

/**
 * When a booking may first be checked in at the kiosk (epoch ms): `earlyMinutes` before its slot,
 * but never before the doors open for that slot. The kiosk issues nothing while the doors are
 * shut and nobody is at a counter (`shared/domain/lobbyHours.ts`), so a first slot of the day, or
 * the first after a midday closing, is checked in from the opening: the time the booking page
 * gives and the kiosk names is one the customer can keep. Without opening hours (a calendar
 * without them, or no doors given), just `earlyMinutes` before.
 *
 * @example
 * // Doors 09:00–17:00 (UTC+8), 30 minutes early:
 * checkInFrom(<10:00>, 30, { calendar: DEMO_CALENDAR, utcOffsetMinutes: 480 }) //=> <09:30>
 * checkInFrom(<09:00>, 30, { calendar: DEMO_CALENDAR, utcOffsetMinutes: 480 }) //=> <09:00> (the doors open then)
 */
export function checkInFrom(slotAt: number, earlyMinutes: number, doors?: CheckInDoors): number {
  const early = slotAt - earlyMinutes * 60_000
  if (doors === undefined) return early
  const stretches = openingOn(localDate(slotAt, doors.utcOffsetMinutes), doors.calendar)
  if (stretches === null) return early
  // The opening of the stretch the slot falls in: the latest that opens at or before it.
  const opened = stretchesOnDayOf(stretches, slotAt, doors.utcOffsetMinutes)
    .map((s) => s.openAt)
    .filter((at) => at <= slotAt)
  return opened.length === 0 ? early : Math.max(early, ...opened)
}
