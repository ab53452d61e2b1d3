import { Type } from 'typebox'
import { CODE_ALPHABET, CODE_LENGTH } from '../appointments/booking'
import type { AppointmentInfo, BookingView, CheckInReceipt, DayBookingsView, SlotsView } from './appointmentViews'
import { dateInput, LanguageSchema, ServiceIdSchema } from './common'
import { route, type RateLimit } from './route'

export type { AppointmentInfo, BookingView, CheckInReceipt, DayBookingsView, SlotsView } from './appointmentViews'

const strict = { additionalProperties: false } as const
const Day = dateInput('YYYY-MM-DD (the branch’s local date)')
const Time = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, a slot start' })
const Code = Type.String({
  pattern: `^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`,
  description: 'The booking code (upper case; the page and the kiosk normalise what is typed)',
})
const CodeParams = Type.Object({ code: Code }, strict)

/**
 * The public booking routes' limits (`appointments.limits` in the branch file), by the code of
 * their 429 refusal: every public booking request counts against its address's per-minute
 * limit; a new booking also against its address's and everybody's hourly ones.
 */
export const BOOKING_LIMITS = {
  requests: { code: 'rateLimited', counts: 'requests from one address per minute (requestsPerAddressPerMinute)' },
  addressBookings: {
    code: 'tooManyBookings',
    counts: 'new bookings from one address per hour (bookingsPerAddressPerHour)',
  },
  allBookings: { code: 'bookingsBusy', counts: 'new bookings from everybody per hour (bookingsPerHour)' },
} as const satisfies Record<string, RateLimit>

const publicLimits = [BOOKING_LIMITS.requests]

export const appointmentRoutes = {
  appointmentInfo: route<AppointmentInfo>({
    method: 'GET',
    path: '/api/v1/appointments/info',
    summary: 'Which services are booked ahead, on which days, and the check-in windows',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: publicLimits,
  }),
  appointmentSlots: route<SlotsView, undefined, undefined, ReturnType<typeof slotsQuery>>({
    method: 'GET',
    path: '/api/v1/appointments/slots',
    summary:
      'The slots of a service on a day, each with its capacity (the capacity rule) and bookings; a day or service a booking would refuse is refused the same way (422 notBookable, tooFarAhead, branchClosed; 409 slotPast)',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: publicLimits,
    query: slotsQuery(),
  }),
  book: route<BookingView, undefined, ReturnType<typeof bookBody>>({
    method: 'POST',
    path: '/api/v1/appointments',
    summary: 'Book a slot (from the phone page or the bank’s app): answers the booking code',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: [BOOKING_LIMITS.requests, BOOKING_LIMITS.addressBookings, BOOKING_LIMITS.allBookings],
    body: bookBody(),
  }),
  appointment: route<BookingView, typeof CodeParams>({
    method: 'GET',
    path: '/api/v1/appointments/:code',
    summary: 'A booking by its code',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: publicLimits,
    params: CodeParams,
  }),
  moveAppointment: route<BookingView, typeof CodeParams, ReturnType<typeof moveBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/move',
    summary: 'Move a booking to another slot (the code stays)',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: publicLimits,
    params: CodeParams,
    body: moveBody(),
  }),
  cancelAppointment: route<BookingView, typeof CodeParams, ReturnType<typeof noBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/cancel',
    summary: 'Cancel a booking: its slot is offered again',
    tags: ['appointments'],
    access: ['public'],
    rateLimits: publicLimits,
    params: CodeParams,
    body: noBody(),
  }),
  checkIn: route<CheckInReceipt, typeof CodeParams, ReturnType<typeof checkInBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/check-in',
    summary:
      'Check in at the kiosk: on time an appointment ticket, late a walk-in ticket; repeated while that ticket is open (or parked), the same ticket again (`repeated`); after a missed call, the ticket re-joined within the grace (409 `graceExpired` after it)',
    tags: ['appointments'],
    access: ['kiosk', 'manager'],
    params: CodeParams,
    body: checkInBody(),
  }),
  dayAppointments: route<DayBookingsView, undefined, undefined, ReturnType<typeof dayQuery>>({
    method: 'GET',
    path: '/api/v1/appointments',
    summary: 'A day’s bookings with their punctuality (on time, late, missed)',
    tags: ['appointments'],
    access: ['manager'],
    query: dayQuery(),
  }),
} as const

function slotsQuery() {
  return Type.Object({ serviceId: ServiceIdSchema, day: Day }, strict)
}
function bookBody() {
  return Type.Object({ serviceId: ServiceIdSchema, day: Day, time: Time, language: LanguageSchema }, strict)
}
function moveBody() {
  return Type.Object({ day: Day, time: Time }, strict)
}
function noBody() {
  return Type.Object({}, strict)
}
function checkInBody() {
  return Type.Object({ language: LanguageSchema }, strict)
}
function dayQuery() {
  return Type.Object({ day: Day }, strict)
}
