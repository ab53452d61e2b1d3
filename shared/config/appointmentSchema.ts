import { Type, type Static } from 'typebox'
import { ServiceIdSchema } from '../api/common'
import type { AppointmentPolicy } from '../appointments/booking'

/**
 * How much the public booking routes take from one client address and from everybody, so a
 * script cannot fill every slot (`limits` in the `appointments` block; absent: the defaults).
 */
export const BookingLimitsSchema = Type.Object(
  {
    requestsPerAddressPerMinute: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'Requests to the public booking routes (slots, book, look up, move, cancel) per client address',
    }),
    bookingsPerAddressPerHour: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'New bookings per client address (raise it for the bank’s app or CRM booking from one server)',
    }),
    bookingsPerHour: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'New bookings from everybody' }),
  },
  { additionalProperties: false },
)

export type BookingLimits = Static<typeof BookingLimitsSchema>

/** A branch's own limits unless it sets others: a family books a few, a branch takes dozens an hour. */
export const DEFAULT_BOOKING_LIMITS: BookingLimits = {
  requestsPerAddressPerMinute: 60,
  bookingsPerAddressPerHour: 6,
  bookingsPerHour: 60,
}

/** The `appointments` block of the branch file: which services are booked ahead, and the rules. */
export const AppointmentPolicySchema = Type.Object(
  {
    services: Type.Array(ServiceIdSchema, { description: 'Services that may be booked ahead' }),
    openHour: Type.Integer({ minimum: 0, maximum: 23, description: 'First local hour a slot starts' }),
    closeHour: Type.Integer({ minimum: 1, maximum: 24, description: 'Slots start before this local hour' }),
    slotMinutes: Type.Union([Type.Literal(15), Type.Literal(20), Type.Literal(30), Type.Literal(60)]),
    bookAheadDays: Type.Integer({ minimum: 1, maximum: 90 }),
    earlyMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Check-in accepted this long before' }),
    lateMinutes: Type.Integer({ minimum: 0, maximum: 120, description: 'Later than this joins as a walk-in' }),
    callGraceMinutes: Type.Integer({ minimum: 0, maximum: 120, description: 'Called within this of the slot' }),
    walkInGoalShare: Type.Number({ minimum: 0.5, maximum: 0.99, description: 'Walk-ins within target (capacity)' }),
    limits: Type.Optional(BookingLimitsSchema),
  },
  { additionalProperties: false },
)

/** Compile-time: the schema describes the engine's policy exactly. */
const fits: Static<typeof AppointmentPolicySchema> extends AppointmentPolicy ? true : false = true
void fits
