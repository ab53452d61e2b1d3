import type { TicketRow } from './ticketTimes'
import { shareOf } from './stats'
import { waitFigures, type WaitFigures } from './waitSection'

/**
 * Booked customers against walk-ins: their waits (issue → first call; a booked customer's
 * ticket is issued at check-in, so an early arrival's wait includes the time before the slot),
 * and how many booked customers were called on time: within the appointment grace of their
 * slot (`appointmentSec`, from the slot — or the check-in, if later — to the first call).
 * A booking that never checked in, or came late, has no appointment ticket: the manager's day
 * list of bookings counts those (missed, late).
 */
export interface BookingSection {
  readonly booked: WaitFigures
  readonly walkIn: WaitFigures
  /** Booked customers called so far. */
  readonly bookedCalled: number
  readonly onTime: number
  readonly onTimeShare: number | null
}

/**
 * @example
 * bookingSection(rows).onTimeShare //=> 0.9
 */
export function bookingSection(rows: readonly TicketRow[]): BookingSection {
  const booked = rows.filter((r) => r.appointmentAt !== null)
  const walkIn = rows.filter((r) => r.appointmentAt === null)
  const judged = booked.filter((r) => r.appointmentWithin !== null)
  const onTime = judged.filter((r) => r.appointmentWithin === true).length
  return {
    booked: waitFigures(booked),
    walkIn: waitFigures(walkIn),
    bookedCalled: judged.length,
    onTime,
    onTimeShare: shareOf(onTime, judged.length),
  }
}
