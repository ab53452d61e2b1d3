import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import type { DayBookingsView } from '../../../shared/api/appointmentRoutes'
import type { BookingOutcome } from '../../../shared/appointments/booking'
import type { BookingError, BookingErrorCode } from '../../../shared/appointments/decideBooking'
import { getTicket } from '../../../shared/queue/state'
import type { CommandError } from '../../../shared/queue/errors'
import { assertNever } from '../../../shared/util/assertNever'
import type { Result } from '../../../shared/util/result'
import type { HubContext } from '../context'
import { fromCommandError, HttpError } from '../httpError'
import { IdempotencyKeyReused } from '../../tickets/issueLedger'
import { on, submitAs } from '../register'
import type { Submit } from '../../tickets/ticketDesk'
import { bookingLimiter } from './bookingLimits'

/**
 * The HTTP answer to a booking refusal: 404 an unknown code, 400 a time that is no slot, 422 a
 * service not booked ahead, a day beyond the horizon or one the branch does not open, 409 what the time or the slot does not
 * allow now (full, begun, used, cancelled, a day the branch's calendar now closes, another day, too early).
 */
/** A booking refusal as HTTP; its field is in the body unless `where` says the query (the code is a path parameter). */
function bookingHttpError(e: BookingError, where: 'body' | 'query' = 'body'): HttpError {
  const status = ((code: BookingErrorCode): number => {
    switch (code) {
      case 'unknownBooking':
        return 404
      case 'noSuchSlot':
        return 400
      case 'notBookable':
      case 'tooFarAhead':
      case 'branchClosed':
        return 422
      case 'dayClosed':
      case 'bookingDayClosed':
      case 'bookingBranchClosed':
      case 'slotPast':
      case 'slotFull':
      case 'bookingCancelled':
      case 'bookingUsed':
      case 'bookingOtherDay':
      case 'tooEarly':
        return 409
      default:
        return assertNever(code, 'booking error')
    }
  })(e.code)
  const place = e.field === 'code' ? 'params' : where
  const facts = e.checkInFrom === undefined ? {} : { checkInFrom: e.checkInFrom }
  return new HttpError(status, e.code, e.message, e.field === undefined ? undefined : `${place}.${e.field}`, facts)
}

function answer<T>(r: Result<T, BookingError>): T {
  if (!r.ok) throw bookingHttpError(r.error)
  return r.value
}

const isCommandError = (e: BookingError | CommandError): e is CommandError =>
  ![
    'notBookable',
    'noSuchSlot',
    'slotPast',
    'slotFull',
    'tooFarAhead',
    'branchClosed',
    'dayClosed',
    'bookingDayClosed',
    'bookingBranchClosed',
    'unknownBooking',
    'bookingCancelled',
    'bookingUsed',
    'bookingOtherDay',
    'tooEarly',
  ].includes(e.code)

/**
 * The public booking routes (a phone, the bank's app): each request within the per-address
 * limit, a new booking within the hourly ones, as their contract declares (`bookingLimits.ts`). Registered in their own
 * scope, with `@fastify/rate-limit` registered there (`global: false`).
 */
export function registerPublicAppointmentRoutes(app: FastifyInstance, ctx: HubContext): void {
  const desk = ctx.bookings
  const limiter = bookingLimiter(
    app,
    () => ctx.config.data.appointments?.limits,
    () => ctx.clock.now(),
  )
  // Each route counts against the limits its contract declares (`rateLimits`); a booking's
  // places are kept only if it was made (`onSend` sees the answer's status before it leaves).
  const declared = new Map(Object.values(routes).map((r) => [`${r.method} ${r.path}`, r.rateLimits]))
  app.addHook('onRequest', async (request, reply) => {
    await limiter.admit(request, reply, declared.get(`${request.method} ${request.routeOptions.url ?? ''}`) ?? [])
  })
  app.addHook('onSend', async (request, reply) => {
    limiter.settle(request, reply)
  })
  const known = (serviceId: string, where: 'query' | 'body'): void => {
    if (!ctx.branch().services.some((s) => s.id === serviceId))
      throw new HttpError(422, 'unknownService', `Unknown service '${serviceId}'`, `${where}.serviceId`)
  }
  on(app, ctx, routes.appointmentInfo, async () => desk.info())
  on(app, ctx, routes.appointmentSlots, async ({ query }) => {
    known(query.serviceId, 'query')
    const r = desk.slotsView(query.serviceId, query.day)
    if (!r.ok) throw bookingHttpError(r.error, 'query')
    return r.value
  })
  on(app, ctx, routes.book, async ({ body }) => {
    known(body.serviceId, 'body')
    return desk.view(answer(await desk.book(body.serviceId, body.day, body.time, body.language)))
  })
  on(app, ctx, routes.appointment, async ({ params }) => {
    const b = ctx.bookingStore.byCode(params.code)
    if (b === undefined) throw new HttpError(404, 'unknownBooking', 'No appointment has this code', 'params.code')
    return desk.view(b)
  })
  on(app, ctx, routes.moveAppointment, async ({ params, body }) =>
    desk.view(answer(await desk.move(params.code, body.day, body.time))),
  )
  on(app, ctx, routes.cancelAppointment, async ({ params }) => desk.view(answer(await desk.cancel(params.code))))
}

/** The staff and kiosk routes of appointments: check-in and the manager's day list. */
export function registerAppointmentRoutes(app: FastifyInstance, ctx: HubContext): void {
  const desk = ctx.bookings
  on(app, ctx, routes.checkIn, async ({ params, body, principal }) => {
    const submit: Submit = (command, options) => submitAs(ctx, principal, command, options)
    const r = await desk
      .checkIn(params.code, body.language, {
        issue: (request) => ctx.desk.issue(request, submit),
        again: (key) => ctx.desk.again(key, submit),
        // The receipt then carries the re-joined ticket's own range, as the kiosk's re-join does.
        rejoin: async (ticketId) => {
          const r = await submitAs(ctx, principal, { type: 'rejoin', ticketId })
          if (r.ok) await ctx.estimates.forReturning()
          return r
        },
      })
      .catch((e: unknown) => {
        // The booking's key already taken by another request (a journal from before the issue
        // route kept these keys to the hub): refused, never a failure of the hub.
        if (e instanceof IdempotencyKeyReused)
          throw new HttpError(409, 'idempotencyKeyReused', e.message, 'params.code')
        throw e
      })
    if (!r.ok) throw isCommandError(r.error) ? fromCommandError(r.error, []) : bookingHttpError(r.error)
    return r.value
  })
  on(app, ctx, routes.dayAppointments, async ({ query }) => {
    const state = ctx.host.current
    const counts: Record<BookingOutcome, number> = {
      upcoming: 0,
      onTime: 0,
      late: 0,
      missed: 0,
      cancelled: 0,
      dayClosed: 0,
    }
    const bookings = ctx.bookingStore
      .all()
      .filter((b) => b.day === query.day)
      .sort((a, b) => a.slotAt - b.slotAt)
      .map((b) => {
        const view = desk.view(b)
        counts[view.outcome]++
        const ticket = b.ticketId === null ? undefined : getTicket(state, b.ticketId)
        return { ...view, number: ticket?.number ?? null, calledAt: ticket?.visits[0]?.calledAt ?? null }
      })
    const view: DayBookingsView = { day: query.day, bookings, counts }
    return view
  })
}
