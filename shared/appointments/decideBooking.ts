import { err, ok, type Result } from '../util/result'
import type { AppointmentPolicy, Booking } from './booking'
import { checkInFrom, type CheckInDoors } from './checkInFrom'
import { closedSlot } from './closedSlot'
import type { Slot } from './daySlots'

/** Why a booking, a move, a cancellation or a check-in was refused. */
export type BookingErrorCode =
  | 'notBookable'
  | 'noSuchSlot'
  | 'slotPast'
  | 'slotFull'
  | 'tooFarAhead'
  | 'branchClosed'
  | 'dayClosed'
  | 'unknownBooking'
  | 'bookingCancelled'
  | 'bookingUsed'
  | 'bookingDayClosed'
  | 'bookingBranchClosed'
  | 'bookingOtherDay'
  | 'tooEarly'

export interface BookingError {
  readonly code: BookingErrorCode
  readonly message: string
  readonly field?: string
  /** `tooEarly`: when check-in opens (epoch ms), so the kiosk can name the time. */
  readonly checkInFrom?: number
}

const refuse = (code: BookingErrorCode, message: string, field?: string): Result<never, BookingError> =>
  err(field === undefined ? { code, message } : { code, message, field })

/**
 * The day asked for: today's date, that day, how many days ahead it is, whether the branch is
 * closed then (its opening hours have none), and whether its business day has been closed already
 * (`dayClosed` in lobbyHours.ts: a manager's close before the slots, never opened again).
 */
export interface BookingDay {
  readonly today: string
  readonly day: string
  readonly daysAhead: number
  readonly closed?: boolean
  readonly dayClosed?: boolean
}

/**
 * Whether a service takes appointments on a day at all: the service bookable, the day not past,
 * within the booking horizon and one the branch opens. The slots list and a booking refuse by
 * the same rule, so the list never offers what booking would refuse.
 *
 * @example
 * bookableDay(policy, 'personal', { today: '2026-11-24', day: '2030-01-01', daysAhead: 1134 }) //=> refused: tooFarAhead
 */
export function bookableDay(
  policy: AppointmentPolicy,
  serviceId: string,
  days: BookingDay,
): Result<void, BookingError> {
  if (!policy.services.some((s) => s === serviceId)) {
    return refuse('notBookable', `Service '${serviceId}' is not taken by appointment`, 'serviceId')
  }
  if (days.daysAhead < 0) return refuse('slotPast', `${days.day} has passed`, 'day')
  if (days.daysAhead >= policy.bookAheadDays) {
    return refuse('tooFarAhead', `Appointments are taken up to ${policy.bookAheadDays} days ahead`, 'day')
  }
  if (days.closed === true) return refuse('branchClosed', `The branch is closed on ${days.day}`, 'day')
  if (days.dayClosed === true) {
    return refuse('dayClosed', `The branch has closed its business day ${days.day}; choose a later day`, 'day')
  }
  return ok(undefined)
}

/**
 * Whether a slot may be booked now: the service bookable, the day within the booking horizon and
 * one the branch opens (`closed`: its opening hours have none that day), the time one of the
 * day's slots, not begun, and not full.
 *
 * @example
 * chooseSlot(policy, 'personal', slots, '10:30', { today: '2026-11-24', day: '2026-11-25' }) //=> { ok: true, value: slot }
 */
export function chooseSlot(
  policy: AppointmentPolicy,
  serviceId: string,
  slots: readonly Slot[],
  time: string,
  days: BookingDay,
): Result<Slot, BookingError> {
  const open = bookableDay(policy, serviceId, days)
  if (!open.ok) return open
  const slot = slots.find((s) => s.time === time)
  if (slot === undefined) return refuse('noSuchSlot', `${time} is not an appointment slot`, 'time')
  if (slot.past) return refuse('slotPast', `The ${days.day} ${time} slot has already begun`, 'time')
  if (slot.taken >= slot.capacity) {
    return refuse('slotFull', `The ${days.day} ${time} slot is full; choose another`, 'time')
  }
  return ok(slot)
}

/**
 * Whether a booking may still be changed (moved or cancelled): only while booked and its slot
 * has not begun.
 */
export function changeable(b: Booking | undefined, now: number): Result<Booking, BookingError> {
  if (b === undefined) return refuse('unknownBooking', 'No appointment has this code', 'code')
  if (b.status === 'cancelled') return refuse('bookingCancelled', `Appointment ${b.code} was cancelled`, 'code')
  if (b.status === 'dayClosed') return refuse('bookingDayClosed', dayClosedText(b), 'code')
  if (b.status !== 'booked') return refuse('bookingUsed', `Appointment ${b.code} has already been used`, 'code')
  if (b.slotAt <= now) return refuse('slotPast', `Appointment ${b.code}'s slot has already begun`, 'code')
  return ok(b)
}

/** What a check-in at the kiosk gives: an appointment ticket, or a walk-in's when late. */
export type CheckIn = { readonly kind: 'onTime' } | { readonly kind: 'late'; readonly lateSec: number }

/**
 * A check-in at the kiosk by code, on `today`: refused for an unknown, cancelled or used code,
 * a slot the branch's calendar no longer opens (`closedSlot`: a holiday entered after it was
 * booked), a code of another day, or too early (before `checkInFrom`: `earlyMinutes` before the slot, and
 * not before the doors open for it); on time up to `lateMinutes` after the slot; later, the
 * customer joins as a walk-in.
 *
 * @example
 * checkIn(booking, policy, '2026-11-24', slotAt + 12 * 60_000) //=> { ok: true, value: { kind: 'late', lateSec: 720 } }
 */
export function checkIn(
  b: Booking | undefined,
  policy: Pick<AppointmentPolicy, 'earlyMinutes' | 'lateMinutes' | 'slotMinutes'>,
  today: string,
  now: number,
  doors?: CheckInDoors,
): Result<CheckIn, BookingError> {
  if (b === undefined) return refuse('unknownBooking', 'No appointment has this code', 'code')
  if (b.status === 'cancelled') return refuse('bookingCancelled', `Appointment ${b.code} was cancelled`, 'code')
  if (b.status === 'dayClosed') return refuse('bookingDayClosed', dayClosedText(b), 'code')
  if (b.status !== 'booked') return refuse('bookingUsed', `Appointment ${b.code} has already been checked in`, 'code')
  if (doors !== undefined && closedSlot(b, policy, doors) !== null) {
    return refuse(
      'bookingBranchClosed',
      `Appointment ${b.code} cannot be kept: the branch's calendar no longer opens for ${b.day} at its time; move it to another time or book again`,
      'code',
    )
  }
  if (b.day !== today) return refuse('bookingOtherDay', `Appointment ${b.code} is for ${b.day}, not today`, 'code')
  const from = checkInFrom(b.slotAt, policy.earlyMinutes, doors)
  if (now < from) {
    return err({
      code: 'tooEarly',
      message: `Appointment ${b.code} opens for check-in at ${new Date(from).toISOString()} (${policy.earlyMinutes} minutes before its slot, and not before the doors open)`,
      field: 'code',
      checkInFrom: from,
    })
  }
  const late = now - b.slotAt
  return late > policy.lateMinutes * 60_000 ? ok({ kind: 'late', lateSec: late / 1000 }) : ok({ kind: 'onTime' })
}

const dayClosedText = (b: Booking): string =>
  `Appointment ${b.code} was not served: the branch closed its business day ${b.day}; book a new time`
