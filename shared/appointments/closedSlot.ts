import type { ClockStretch } from '../domain/branch'
import { openingOn } from '../domain/branchCalendar'
import { clockMinutes } from '../util/clockMinutes'
import { bookingOutcome, type AppointmentPolicy, type Booking } from './booking'
import type { CheckInDoors } from './checkInFrom'

/**
 * Why a booked slot can no longer be kept: the branch is closed that whole day (a holiday added
 * to the calendar, a weekday it no longer opens), or open that day but not for the slot (its
 * opening hours moved).
 */
export type ClosedSlot = 'branchClosed' | 'outsideHours'

/**
 * Whether a slot starting at `minute` of the day (local) begins and ends within one of the day's
 * opening stretches; null stretches (no opening hours given): always. The one rule by which the
 * slots are offered (`daySlots`) and a booked slot is still kept (`closedSlot`).
 *
 * @example
 * slotWithinOpening(16 * 60 + 30, 30, [{ opens: '09:00', closes: '17:00' }]) //=> true
 * slotWithinOpening(16 * 60 + 45, 30, [{ opens: '09:00', closes: '17:00' }]) //=> false (ends 17:15)
 */
export function slotWithinOpening(
  minute: number,
  slotMinutes: number,
  stretches: readonly ClockStretch[] | null,
): boolean {
  return (
    stretches === null ||
    stretches.some((s) => minute >= clockMinutes(s.opens) && minute + slotMinutes <= clockMinutes(s.closes))
  )
}

/**
 * Whether the calendar as it is now still opens the branch for a booking's slot: null when it
 * does, else why not. The calendar may have changed since the booking was made (a holiday
 * entered in branch.json afterwards): the hub warns the manager of such bookings, the booking
 * page tells the customer, and the kiosk refuses their check-in, all by this one rule. Only the
 * doors count: narrower appointment hours (`appointments.openHour`) stop new bookings, but the
 * branch is open and serves the ones already made.
 *
 * @example
 * // A booking for 2026-11-25 10:30 (UTC+8) once '2026-11-25' is a holiday the demo closes on:
 * closedSlot(booking, { slotMinutes: 30 }, { calendar, utcOffsetMinutes: 480 }) //=> 'branchClosed'
 */
export function closedSlot(
  b: Pick<Booking, 'day' | 'slotAt'>,
  policy: Pick<AppointmentPolicy, 'slotMinutes'>,
  doors: CheckInDoors,
): ClosedSlot | null {
  const stretches = openingOn(b.day, doors.calendar)
  if (stretches === null) return null
  if (stretches.length === 0) return 'branchClosed'
  const minute = Math.round((b.slotAt - Date.parse(`${b.day}T00:00:00Z`)) / 60_000) + doors.utcOffsetMinutes
  return slotWithinOpening(minute, policy.slotMinutes, stretches) ? null : 'outsideHours'
}

/**
 * The bookings the calendar as it is now strands: still booked, their late window not yet over
 * at `now` (a past one is missed, whatever the calendar says of its day), and their slot closed
 * (`closedSlot`). Soonest first: the manager calls those customers first.
 *
 * @example
 * strandedBookings([<booked 2026-11-25 10:30>], policy, doors, <2026-11-24 10:00>) //=> [that booking] once 2026-11-25 is a holiday
 */
export function strandedBookings(
  bookings: readonly Booking[],
  policy: Pick<AppointmentPolicy, 'slotMinutes' | 'lateMinutes'>,
  doors: CheckInDoors,
  now: number,
): Booking[] {
  return bookings
    .filter((b) => bookingOutcome(b, policy, now) === 'upcoming' && closedSlot(b, policy, doors) !== null)
    .sort((a, b) => a.slotAt - b.slotAt)
}
