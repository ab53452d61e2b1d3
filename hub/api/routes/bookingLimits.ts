import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { BOOKING_LIMITS } from '../../../shared/api/appointmentRoutes'
import type { RateLimit } from '../../../shared/api/route'
import { DEFAULT_BOOKING_LIMITS, type BookingLimits } from '../../../shared/config/appointmentSchema'
import { HttpError } from '../httpError'
import { BookingQuota, type Hold } from './bookingQuota'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * The public booking routes' limits (`appointments.limits` in the branch file; absent, the
 * defaults): requests per client address per minute on every public booking route, counted on
 * every request, good or bad; and bookings made per address and from everybody in the last hour,
 * counted only when a booking is made — a mistyped or refused attempt is not a booking, and must
 * neither lock a customer out nor use up the branch's hour. A request over a limit is answered 429
 * with `Retry-After` (seconds) and a message saying when to try again; it changes nothing. An
 * address already over its own limit does not use up everybody's. Which limits a route counts
 * against is its contract's `rateLimits` (`BOOKING_LIMITS`), so the OpenAPI document and the
 * typed client know every 429 it answers.
 *
 * `admit` runs before the route (a booking takes its places then, so requests sent at once cannot
 * all pass); `settle` after it, giving the places back unless the answer is a success.
 * Needs `@fastify/rate-limit` registered (with `global: false`) in the same scope.
 */
export function bookingLimiter(app: FastifyInstance, limits: () => BookingLimits | undefined, now: () => number) {
  const current = (): BookingLimits => limits() ?? DEFAULT_BOOKING_LIMITS
  const requests = app.createRateLimit({
    max: () => current().requestsPerAddressPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (r) => `requests:${r.ip}`,
  })
  const bookings = new BookingQuota(HOUR, now)
  const holds = new WeakMap<FastifyRequest, Hold[]>()

  const refuse = (reply: FastifyReply, limit: RateLimit, seconds: number, message: (after: string) => string) => {
    const s = Math.max(1, Math.ceil(seconds))
    void reply.header('retry-after', String(s))
    return new HttpError(429, limit.code, message(afterText(s)))
  }

  const countRequest = async (request: FastifyRequest, reply: FastifyReply, limit: RateLimit) => {
    const r = await requests(request)
    if (r.isAllowed || !r.isExceeded) return
    throw refuse(reply, limit, r.ttlInSeconds, (after) => `Too many requests from this address; try again in ${after}`)
  }

  const takeBooking = (request: FastifyRequest, reply: FastifyReply, limit: RateLimit, key: string, max: number) => {
    const r = bookings.take(key, max)
    if ('hold' in r) {
      holds.set(request, [...(holds.get(request) ?? []), r.hold])
      return
    }
    throw refuse(reply, limit, r.waitMs / 1000, (after) =>
      limit.code === BOOKING_LIMITS.addressBookings.code
        ? `This address has made ${max} bookings in the last hour, the most the branch takes; try again in ${after}, or ask at the branch`
        : `The branch is taking no more online bookings for the moment (${max} an hour); try again in ${after}, or ask at the branch`,
    )
  }

  const settle = (request: FastifyRequest, reply: FastifyReply): void => {
    const held = holds.get(request) ?? []
    holds.delete(request)
    if (reply.statusCode >= 300) for (const h of held) h.release()
  }

  /** Counts the request against each limit its route declares, in order; the first one over refuses it. */
  const admit = async (request: FastifyRequest, reply: FastifyReply, declared: readonly RateLimit[]): Promise<void> => {
    try {
      for (const limit of declared) {
        if (limit.code === BOOKING_LIMITS.requests.code) await countRequest(request, reply, limit)
        else if (limit.code === BOOKING_LIMITS.addressBookings.code)
          takeBooking(request, reply, limit, `address:${request.ip}`, current().bookingsPerAddressPerHour)
        else if (limit.code === BOOKING_LIMITS.allBookings.code)
          takeBooking(request, reply, limit, 'everybody', current().bookingsPerHour)
        else throw new Error(`no booking limit is counted under '${limit.code}'`)
      }
    } catch (e) {
      // Refused here: whatever places were taken before the refusal are given back.
      for (const h of holds.get(request) ?? []) h.release()
      holds.delete(request)
      throw e
    }
  }
  return { admit, settle }
}

/**
 * @example
 * afterText(90) //=> '2 minutes'
 * afterText(20) //=> '20 seconds'
 */
export function afterText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
