import { Type, type Static } from 'typebox'
import type { BookingOutcome, BookingStatus } from '../appointments/booking'
import type { ClosedSlot } from '../appointments/closedSlot'
import type { Slot } from '../appointments/daySlots'
import type { Agreed, Agrees, Frozen } from '../util/agrees'
import {
  CountSchema,
  DaySchema,
  EpochMsSchema,
  LanguageSchema,
  Nullable,
  ServiceIdSchema,
  TicketIdSchema,
  literals,
} from './common'
import { TicketReceiptSchema } from './views'

/**
 * What the appointment routes answer (`appointmentRoutes.ts`), as schemas the renderer's client
 * checks answers with; the types are derived from them, so each is described once.
 */

const Num = Type.Number()
const Text = Type.String()
const BOOKING_OUTCOMES = ['upcoming', 'onTime', 'late', 'missed', 'cancelled', 'dayClosed'] as const
const BookingStatusSchema = literals(['booked', 'checkedIn', 'lateWalkIn', 'cancelled', 'dayClosed'])
const BookingOutcomeSchema = literals(BOOKING_OUTCOMES)

const BOOKING_FIELDS = {
  code: Text,
  serviceId: ServiceIdSchema,
  day: DaySchema,
  /** Local clock time of the slot, HH:MM. */
  time: Text,
  slotAt: EpochMsSchema,
  /** When the kiosk first checks it in (`shared/appointments/checkInFrom.ts`). */
  checkInFrom: EpochMsSchema,
  language: LanguageSchema,
  status: BookingStatusSchema,
  outcome: BookingOutcomeSchema,
  bookedAt: EpochMsSchema,
  checkedInAt: Nullable(EpochMsSchema),
  ticketId: Nullable(TicketIdSchema),
  /** The page where the customer keeps, moves or cancels it (what the QR code holds). */
  managePath: Text,
  /**
   * Still booked, but the branch's calendar no longer opens for its slot (`closedSlot`: a holiday
   * entered after it was booked, or hours moved): why; null otherwise. It cannot be checked in;
   * it may be moved or cancelled.
   */
  closed: Nullable(literals(['branchClosed', 'outsideHours'])),
}

/** A booking as the customer, the kiosk and the manager see it. */
export const BookingViewSchema = Type.Object(BOOKING_FIELDS)
export type BookingView = Frozen<Static<typeof BookingViewSchema>>

const SlotSchema = Type.Object({
  time: Text,
  at: EpochMsSchema,
  capacity: CountSchema,
  taken: CountSchema,
  past: Type.Boolean(),
})

export const SlotsViewSchema = Type.Object({
  serviceId: ServiceIdSchema,
  day: DaySchema,
  /** Only slots still offered are open; full and past ones are listed so the page can say so. */
  slots: Type.Array(Type.Object({ ...SlotSchema.properties, open: Type.Boolean() })),
  /** Days that may be booked, today first. */
  days: Type.Array(DaySchema),
})
export type SlotsView = Frozen<Static<typeof SlotsViewSchema>>

/** On time: an appointment ticket, called within the grace of the slot. Late: a walk-in's. */
export const CheckInReceiptSchema = Type.Object({
  booking: BookingViewSchema,
  late: Type.Boolean(),
  ticket: TicketReceiptSchema,
})
export type CheckInReceipt = Frozen<Static<typeof CheckInReceiptSchema>>

/** The day's bookings for the manager, with their punctuality. */
export const DayBookingsViewSchema = Type.Object({
  day: DaySchema,
  bookings: Type.Array(Type.Object({ ...BOOKING_FIELDS, number: Nullable(Text), calledAt: Nullable(EpochMsSchema) })),
  counts: Type.Object(
    Object.fromEntries(BOOKING_OUTCOMES.map((o) => [o, CountSchema])) as Record<BookingOutcome, typeof CountSchema>,
  ),
})
export type DayBookingsView = Frozen<Static<typeof DayBookingsViewSchema>>

/** What the booking page needs to know before asking for slots. */
export const AppointmentInfoSchema = Type.Object({
  services: Type.Array(ServiceIdSchema),
  /** Days that may be booked, today first. */
  days: Type.Array(DaySchema),
  slotMinutes: Num,
  earlyMinutes: Num,
  lateMinutes: Num,
  callGraceMinutes: Num,
})
export type AppointmentInfo = Frozen<Static<typeof AppointmentInfoSchema>>

export type SlotAgrees = Agreed<Agrees<Static<typeof SlotSchema>, Slot>>
export type BookingStatusAgrees = Agreed<Agrees<Static<typeof BookingStatusSchema>, BookingStatus>>
export type ClosedSlotAgrees = Agreed<Agrees<Static<typeof BOOKING_FIELDS.closed>, ClosedSlot | null>>
export type BookingOutcomeAgrees = Agreed<Agrees<Static<typeof BookingOutcomeSchema>, BookingOutcome>>
