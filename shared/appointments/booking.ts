import type { ServiceId, TicketId } from '../domain/ids'
import type { Language } from '../domain/text'

/**
 * An appointment booked ahead, from a phone or the bank's app: a service, a day and a slot,
 * and a code the customer shows at the kiosk (typed, or scanned from its QR).
 *
 * - `booked`: waiting for its day; may be moved or cancelled.
 * - `checkedIn`: the customer checked in at the kiosk in time and holds an appointment ticket.
 * - `lateWalkIn`: they came after the late window and joined as a walk-in (a plain ticket).
 * - `cancelled`: by the customer (or the bank, through the API).
 * - `dayClosed`: the business day was closed before its slot's late window ended (a manager's
 *   early close): the branch will not serve it that day, and its page says so (`closedWithDay`).
 *
 * A booking whose late window passed without a check-in is **missed**: that is read from the
 * time (`bookingOutcome`), not stored, so it can never disagree with the clock.
 */
export type BookingStatus = 'booked' | 'checkedIn' | 'lateWalkIn' | 'cancelled' | 'dayClosed'

export interface Booking {
  /** What the customer types or scans: 8 characters without look-alikes (no 0/O, 1/I/L). */
  readonly code: string
  readonly serviceId: ServiceId
  /** The branch's local date of the slot, YYYY-MM-DD. */
  readonly day: string
  /** The slot's start (epoch ms). */
  readonly slotAt: number
  readonly language: Language
  readonly bookedAt: number
  readonly status: BookingStatus
  /** Each move, oldest first: the slot it left. */
  readonly movedFrom: readonly number[]
  readonly checkedInAt: number | null
  /** The ticket the check-in issued (an appointment ticket, or a walk-in's when late). */
  readonly ticketId: TicketId | null
  readonly cancelledAt: number | null
}

/** The branch's booking rules (`appointments` in the branch file; see docs/queue-engine.md). */
export interface AppointmentPolicy {
  /** Services that may be booked. */
  readonly services: readonly ServiceId[]
  /** Local hours [openHour, closeHour) in which slots start. */
  readonly openHour: number
  readonly closeHour: number
  readonly slotMinutes: 15 | 20 | 30 | 60
  /** How many days ahead (today included) a slot may be booked. */
  readonly bookAheadDays: number
  /** A check-in this long before the slot is accepted (earlier: "come back later"). */
  readonly earlyMinutes: number
  /** A check-in up to this long after the slot still counts as on time; later joins as a walk-in. */
  readonly lateMinutes: number
  /** An on-time booked customer is called within this long of their slot (the call-order tier). */
  readonly callGraceMinutes: number
  /** Walk-ins called within their target in at least this share, bookings included (capacity). */
  readonly walkInGoalShare: number
}

export const DEFAULT_APPOINTMENT_POLICY: Omit<AppointmentPolicy, 'services'> = {
  openHour: 9,
  closeHour: 17,
  slotMinutes: 30,
  bookAheadDays: 14,
  earlyMinutes: 30,
  lateMinutes: 10,
  callGraceMinutes: 10,
  walkInGoalShare: 0.8,
}

/** Characters of a booking code: no 0/O, 1/I/L, so a code read aloud or typed is not mistaken. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

/**
 * A code as the customer might type it, made canonical: upper case, spaces and dashes dropped.
 *
 * @example
 * normaliseCode(' k7m2-9qxa ') //=> 'K7M29QXA'
 */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '')
}

/**
 * Whether a canonical code (`normaliseCode`) could be a booking's: its length and alphabet. A form
 * checks this before asking the hub, so a typo is told as a typo.
 *
 * @example
 * isBookingCode('K7M29QXA') //=> true
 * isBookingCode('123456') //=> false (too short, and 1 is not in the alphabet)
 */
export function isBookingCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))
}

/** How a booking turned out, as the manager and the report read it at `now`. */
export type BookingOutcome = 'upcoming' | 'onTime' | 'late' | 'missed' | 'cancelled' | 'dayClosed'

/**
 * @example
 * bookingOutcome({ status: 'booked', slotAt: nineThirty, … }, policy, tenOClock) //=> 'missed' (late window 10 min)
 */
export function bookingOutcome(
  b: Booking,
  policy: Pick<AppointmentPolicy, 'lateMinutes'>,
  now: number,
): BookingOutcome {
  switch (b.status) {
    case 'cancelled':
      return 'cancelled'
    case 'dayClosed':
      return 'dayClosed'
    case 'checkedIn':
      return 'onTime'
    case 'lateWalkIn':
      return 'late'
    case 'booked':
      return now > b.slotAt + policy.lateMinutes * 60_000 ? 'missed' : 'upcoming'
  }
}

/**
 * The bookings a close of the business day `day` at `closedAt` leaves unserved: still booked for
 * that day, their late window not yet over (an earlier one was already missed, and stays so).
 * The hub marks them `dayClosed` as it closes the day, so a customer's booking page no longer
 * says "pending check-in" for a day the branch will not open again.
 *
 * @example
 * closedWithDay([<booked 2026-12-08 10:00>], policy, '2026-12-08', <07:53 that day>) //=> [that booking]
 */
export function closedWithDay(
  bookings: readonly Booking[],
  policy: Pick<AppointmentPolicy, 'lateMinutes'>,
  day: string,
  closedAt: number,
): Booking[] {
  return bookings.filter(
    (b) => b.status === 'booked' && b.day === day && closedAt <= b.slotAt + policy.lateMinutes * 60_000,
  )
}
