import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { BOOKING_LIMITS } from '../../../shared/api/appointmentRoutes'
import type { RateLimit } from '../../../shared/api/route'
import { DEFAULT_BOOKING_LIMITS, type BookingLimits } from '../../../shared/config/appointmentSchema'
import { HttpError } from '../httpError'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

type Check = ReturnType<FastifyInstance['createRateLimit']>

/**
 * The public booking routes' limits (`appointments.limits` in the branch file; absent, the
 * defaults): requests per client address per minute on every
 * public booking route, and new bookings per address and from everybody per hour. A request
 * over a limit is answered 429 with `Retry-After` (seconds) and a message saying when to try
 * again; it changes nothing. An address already over its own limit does not use up everybody's.
 * Which limits a route counts against is its contract's `rateLimits` (`BOOKING_LIMITS`), so
 * the OpenAPI document and the typed client know every 429 it answers.
 *
 * Needs `@fastify/rate-limit` registered (with `global: false`) in the same scope.
 */
export function bookingLimiter(app: FastifyInstance, limits: () => BookingLimits | undefined) {
  const current = (): BookingLimits => limits() ?? DEFAULT_BOOKING_LIMITS
  const requests = app.createRateLimit({
    max: () => current().requestsPerAddressPerMinute,
    timeWindow: MINUTE,
    keyGenerator: (r) => `requests:${r.ip}`,
  })
  const perAddress = app.createRateLimit({
    max: () => current().bookingsPerAddressPerHour,
    timeWindow: HOUR,
    keyGenerator: (r) => `bookings:${r.ip}`,
  })
  const overall = app.createRateLimit({
    max: () => current().bookingsPerHour,
    timeWindow: HOUR,
    keyGenerator: () => 'bookings:everybody',
  })

  const enforce = async (
    check: Check,
    request: FastifyRequest,
    reply: FastifyReply,
    refusal: (after: string) => HttpError,
  ) => {
    const r = await check(request)
    if (r.isAllowed || !r.isExceeded) return
    const seconds = Math.max(1, r.ttlInSeconds)
    void reply.header('retry-after', String(seconds))
    throw refusal(afterText(seconds))
  }

  const checks: Readonly<Record<string, { check: Check; refusal: (after: string) => string }>> = {
    [BOOKING_LIMITS.requests.code]: {
      check: requests,
      refusal: (after) => `Too many requests from this address; try again in ${after}`,
    },
    [BOOKING_LIMITS.addressBookings.code]: {
      check: perAddress,
      refusal: (after) =>
        `This address has made ${current().bookingsPerAddressPerHour} bookings in the last hour, the most the branch takes; try again in ${after}, or ask at the branch`,
    },
    [BOOKING_LIMITS.allBookings.code]: {
      check: overall,
      refusal: (after) =>
        `The branch is taking no more online bookings for the moment (${current().bookingsPerHour} an hour); try again in ${after}, or ask at the branch`,
    },
  }

  /** Counts the request against each limit its route declares, in order; the first one over refuses it. */
  return async (request: FastifyRequest, reply: FastifyReply, declared: readonly RateLimit[]): Promise<void> => {
    for (const limit of declared) {
      const c = checks[limit.code]
      if (c === undefined) throw new Error(`no booking limit is counted under '${limit.code}'`)
      await enforce(c.check, request, reply, (after) => new HttpError(429, limit.code, c.refusal(after)))
    }
  }
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
