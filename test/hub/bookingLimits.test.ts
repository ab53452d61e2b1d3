import { afterEach, describe, expect, it } from 'vitest'
import type { BookingView, SlotsView } from '../../shared/api/appointmentRoutes'
import type { ApiError } from '../../shared/api/views'
import { routes } from '../../shared/api/routes'
import { DEFAULT_BOOKING_LIMITS } from '../../shared/config/appointmentSchema'
import type { HubFixture } from './support/hubFixture'
import { startBookingHub } from './support/bookingHub'

/** The hub's clock starts at 10:00 on 2026-11-24 in Beijing; every request comes from loopback. */
let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

const book = (hub: HubFixture, time: string, headers: Record<string, string> = {}) =>
  rawBook(hub, { serviceId: 'personal', day: '2026-11-25', time, language: 'en' }, headers)

async function rawBook(hub: HubFixture, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}/api/v1/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as BookingView & ApiError,
  }
}

const TIMES = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30']

describe('the public booking routes’ limits', () => {
  it('lets a customer look, book, look up, move and cancel within the default limits', async () => {
    f = await startBookingHub(DEFAULT_BOOKING_LIMITS)
    expect((await f.request('GET', '/api/v1/appointments/info')).status).toBe(200)
    for (const day of ['2026-11-25', '2026-11-26'])
      expect(
        (await f.request<SlotsView>('GET', `/api/v1/appointments/slots?serviceId=personal&day=${day}`)).status,
      ).toBe(200)
    const a = await book(f, '09:00')
    expect(a.status).toBe(200)
    expect(a.retryAfter).toBeNull()
    // A second booking for a relative, looked up, moved and the first one cancelled.
    expect((await book(f, '09:30')).status).toBe(200)
    expect((await f.request('GET', `/api/v1/appointments/${a.body.code}`)).status).toBe(200)
    const moved = await f.request('POST', `/api/v1/appointments/${a.body.code}/move`, {
      day: '2026-11-26',
      time: '10:00',
    })
    expect(moved.status).toBe(200)
    expect((await f.request('POST', `/api/v1/appointments/${a.body.code}/cancel`, {})).status).toBe(200)
  })

  it('answers 429 with Retry-After once an address has made its bookings of the hour, and books nothing more', async () => {
    f = await startBookingHub({ requestsPerAddressPerMinute: 1000, bookingsPerAddressPerHour: 3, bookingsPerHour: 100 })
    for (const time of TIMES.slice(0, 3)) expect((await book(f, time)).status).toBe(200)
    const refused = await book(f, TIMES[3]!)
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'tooManyBookings' })
    expect(refused.body.message).toMatch(/3 bookings in the last hour.*try again in (60|59) minutes/)
    expect(Number(refused.retryAfter)).toBeGreaterThan(3500)
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600)
    // Nothing was booked by the refused request; looking at slots still works.
    const slots = await f.request<SlotsView>('GET', '/api/v1/appointments/slots?serviceId=personal&day=2026-11-25')
    expect(slots.status).toBe(200)
    expect(slots.body.slots.reduce((n, s) => n + s.taken, 0)).toBe(3)
  })

  it('counts only bookings made: refused attempts neither lock an address out nor use up the hour', async () => {
    f = await startBookingHub({ requestsPerAddressPerMinute: 1000, bookingsPerAddressPerHour: 2, bookingsPerHour: 3 })
    // Off the grid, outside the hours, too far ahead, past, after the close: all refused, none booked.
    const refused = [
      { day: '2026-11-25', time: '10:07' },
      { day: '2026-11-25', time: '08:00' },
      { day: '2027-03-01', time: '10:00' },
      { day: '2026-11-24', time: '09:00' },
      { day: '2026-11-25', time: '18:00' },
    ]
    for (const at of refused) {
      const r = await rawBook(f, { serviceId: 'personal', language: 'en', ...at })
      expect(r.status).toBeGreaterThanOrEqual(400)
      expect(r.status).not.toBe(429)
    }
    expect((await book(f, TIMES[0]!)).status).toBe(200)
    expect((await book(f, TIMES[1]!)).status).toBe(200)
    const third = await book(f, TIMES[2]!)
    expect(third.status).toBe(429)
    expect(third.body.message).toMatch(/This address has made 2 bookings in the last hour/)
    const slots = await f.request<SlotsView>('GET', '/api/v1/appointments/slots?serviceId=personal&day=2026-11-25')
    expect(slots.body.slots.reduce((n, s) => n + s.taken, 0)).toBe(2)
  })

  it('keeps everybody’s hour for bookings made, not for junk', async () => {
    f = await startBookingHub({
      requestsPerAddressPerMinute: 1000,
      bookingsPerAddressPerHour: 1000,
      bookingsPerHour: 2,
    })
    for (let i = 0; i < 4; i++) expect((await book(f, '10:07')).body.code).toBe('noSuchSlot')
    expect((await book(f, TIMES[0]!)).status).toBe(200)
    expect((await book(f, TIMES[1]!)).status).toBe(200)
    expect((await book(f, TIMES[2]!)).body.code).toBe('bookingsBusy')
  })

  it('lets no more bookings through than the limit when they are sent at once', async () => {
    f = await startBookingHub({ requestsPerAddressPerMinute: 1000, bookingsPerAddressPerHour: 2, bookingsPerHour: 100 })
    const hub = f
    const answers = await Promise.all(TIMES.slice(0, 5).map((time) => book(hub, time)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429, 429, 429])
  })

  it('limits everybody’s bookings of the hour, whatever the address', async () => {
    f = await startBookingHub({
      requestsPerAddressPerMinute: 1000,
      bookingsPerAddressPerHour: 1000,
      bookingsPerHour: 4,
    })
    for (const time of TIMES.slice(0, 4)) expect((await book(f, time)).status).toBe(200)
    const refused = await book(f, TIMES[4]!)
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('bookingsBusy')
    expect(refused.body.message).toMatch(/no more online bookings for the moment \(4 an hour\)/)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  })

  it('counts bad requests too, and limits every public booking route per address per minute', async () => {
    f = await startBookingHub({
      requestsPerAddressPerMinute: 5,
      bookingsPerAddressPerHour: 1000,
      bookingsPerHour: 1000,
    })
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await rawBook(f, { serviceId: 'personal', day: 'soon' })).status)
    statuses.push((await f.request('GET', '/api/v1/appointments/ZZZZZZZZ')).status)
    statuses.push((await f.request('GET', '/api/v1/appointments/info')).status)
    const over = await f.request<ApiError>('GET', '/api/v1/appointments/info')
    expect(statuses).toEqual([400, 400, 400, 404, 200])
    expect(over.status).toBe(429)
    expect(over.body).toMatchObject({ code: 'rateLimited' })
    expect(over.body.message).toMatch(/Too many requests from this address; try again in (\d+ seconds?|1 minute)$/)
    // The staff routes are not the public's: a manager still reads the day.
    const manager = await f.manager()
    expect((await f.request('GET', '/api/v1/appointments?day=2026-11-24', undefined, manager)).status).toBe(200)
  })

  it('lists every 429 a booking route answers, with Retry-After, in the OpenAPI document', async () => {
    f = await startBookingHub(DEFAULT_BOOKING_LIMITS)
    type Doc = { paths: Record<string, Record<string, { responses?: Record<string, Response429> }>> }
    type Response429 = {
      description: string
      headers?: Record<string, { schema: { type: string } }>
      content?: Record<string, { schema: { properties: { code: { enum: string[] } } } }>
    }
    const doc = (await f.request<Doc>('GET', '/api/v1/openapi.json')).body
    const limited = (r: { method: string; path: string }) =>
      doc.paths[r.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()]?.responses?.['429']
    const codes = (r: Response429 | undefined) => r?.content?.['application/json']?.schema.properties.code.enum
    expect(codes(limited(routes.book))).toEqual(['rateLimited', 'tooManyBookings', 'bookingsBusy'])
    for (const name of [
      'appointmentInfo',
      'appointmentSlots',
      'appointment',
      'moveAppointment',
      'cancelAppointment',
    ] as const)
      expect(codes(limited(routes[name])), name).toEqual(['rateLimited'])
    for (const r of [routes.book, routes.appointmentSlots]) {
      expect(limited(r)?.headers?.['retry-after']?.schema.type).toBe('integer')
      // The success answer is still described.
      const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}')
      expect(doc.paths[path]?.[r.method.toLowerCase()]?.responses?.['2XX']).toBeDefined()
    }
    // Routes without a limit list no 429: the staff check-in, the manager's day, the kiosk's tap.
    for (const r of [routes.checkIn, routes.dayAppointments, routes.issueTicket]) expect(limited(r)).toBeUndefined()
    // The contract names exactly the limits the hub counts: every public route declares some.
    const publicRoutes = Object.values(routes).filter(
      (r) => r.path.startsWith('/api/v1/appointments') && r.access.includes('public'),
    )
    expect(publicRoutes.every((r) => r.rateLimits.length > 0)).toBe(true)
  })
})
