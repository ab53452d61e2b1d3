import { Type } from 'typebox'
import { CODE_ALPHABET, CODE_LENGTH } from '../appointments/booking'
import type { AppointmentInfo, BookingView, CheckInReceipt, DayBookingsView, SlotsView } from './appointmentViews'
import { LanguageSchema, ServiceIdSchema } from './common'
import { route } from './route'

export type { AppointmentInfo, BookingView, CheckInReceipt, DayBookingsView, SlotsView } from './appointmentViews'

const strict = { additionalProperties: false } as const
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (the branch’s local date)' })
const Time = Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, a slot start' })
const Code = Type.String({
  pattern: `^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`,
  description: 'The booking code (upper case; the page and the kiosk normalise what is typed)',
})
const CodeParams = Type.Object({ code: Code }, strict)

export const appointmentRoutes = {
  appointmentInfo: route<AppointmentInfo>({
    method: 'GET',
    path: '/api/v1/appointments/info',
    summary: 'Which services are booked ahead, on which days, and the check-in windows',
    tags: ['appointments'],
    access: ['public'],
  }),
  appointmentSlots: route<SlotsView, undefined, undefined, ReturnType<typeof slotsQuery>>({
    method: 'GET',
    path: '/api/v1/appointments/slots',
    summary: 'The slots of a service on a day, each with its capacity (the capacity rule) and bookings',
    tags: ['appointments'],
    access: ['public'],
    query: slotsQuery(),
  }),
  book: route<BookingView, undefined, ReturnType<typeof bookBody>>({
    method: 'POST',
    path: '/api/v1/appointments',
    summary: 'Book a slot (from the phone page or the bank’s app): answers the booking code',
    tags: ['appointments'],
    access: ['public'],
    body: bookBody(),
  }),
  appointment: route<BookingView, typeof CodeParams>({
    method: 'GET',
    path: '/api/v1/appointments/:code',
    summary: 'A booking by its code',
    tags: ['appointments'],
    access: ['public'],
    params: CodeParams,
  }),
  moveAppointment: route<BookingView, typeof CodeParams, ReturnType<typeof moveBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/move',
    summary: 'Move a booking to another slot (the code stays)',
    tags: ['appointments'],
    access: ['public'],
    params: CodeParams,
    body: moveBody(),
  }),
  cancelAppointment: route<BookingView, typeof CodeParams, ReturnType<typeof noBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/cancel',
    summary: 'Cancel a booking: its slot is offered again',
    tags: ['appointments'],
    access: ['public'],
    params: CodeParams,
    body: noBody(),
  }),
  checkIn: route<CheckInReceipt, typeof CodeParams, ReturnType<typeof checkInBody>>({
    method: 'POST',
    path: '/api/v1/appointments/:code/check-in',
    summary: 'Check in at the kiosk: on time an appointment ticket, late a walk-in ticket',
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
