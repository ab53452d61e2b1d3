import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppointmentInfo, BookingView, CheckInReceipt } from '../../shared/api/appointmentRoutes'
import type { ApiError, TicketStatusView } from '../../shared/api/views'
import type { HubFixture } from './support/hubFixture'
import { ROOMY_LIMITS, startBookingHub } from './support/bookingHub'

/**
 * What a customer is told once the manager closes the business day early (audit37 F8, F10): a
 * ticket left unserved, a booking for later that day, and a booking attempt after the close.
 * The hub's clock starts at 10:00 on Tuesday 2026-11-24 in Beijing; the demo opens 09:00–17:00.
 */
let f: HubFixture
let kiosk: string
let manager: string
beforeEach(async () => {
  f = await startBookingHub(ROOMY_LIMITS)
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
})
afterEach(async () => {
  await f.stop()
})

const book = (day: string, time: string) =>
  f.request<BookingView & ApiError>('POST', '/api/v1/appointments', { serviceId: 'wealth', day, time, language: 'en' })
const booking = (code: string) => f.request<BookingView & ApiError>('GET', `/api/v1/appointments/${code}`)
const closeDay = async () => expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
/** Wednesday 2026-11-25 09:00 in Beijing: the next opening after Tuesday's close. */
const WEDNESDAY_NINE = Date.UTC(2026, 10, 25, 1)

describe('closing the business day early', () => {
  it('tells a customer it left unserved that the branch closed, not that they are done, and when it opens', async () => {
    const issued = await f.issue(kiosk, 'closed-under-1')
    expect(issued.status).toBe(200)
    const key = issued.body.statusPath.split('k=')[1] as string
    const path = `/api/v1/tickets/${encodeURIComponent(issued.body.ticketId)}/status?k=${key}`
    expect((await f.request<TicketStatusView>('GET', path)).body).toMatchObject({ status: 'waiting', outcome: null })

    await closeDay()
    const after = await f.request<TicketStatusView>('GET', path)
    expect(after.body).toMatchObject({ status: 'done', outcome: 'removedAtClose', reopensAt: WEDNESDAY_NINE })
  })

  it("marks today's bookings still to come as closed with the day, and leaves later days' as they were", async () => {
    const today = await book('2026-11-24', '14:00')
    const tomorrow = await book('2026-11-25', '09:00')
    expect(today.body).toMatchObject({ status: 'booked', outcome: 'upcoming' })

    await closeDay()
    expect((await booking(today.body.code)).body).toMatchObject({ status: 'dayClosed', outcome: 'dayClosed' })
    expect((await booking(tomorrow.body.code)).body).toMatchObject({ status: 'booked', outcome: 'upcoming' })
    // Nothing more can be done with it but book again: no move, no check-in.
    const moved = await f.request<ApiError>('POST', `/api/v1/appointments/${today.body.code}/move`, {
      day: '2026-11-26',
      time: '10:00',
    })
    expect(moved.body).toMatchObject({ statusCode: 409, code: 'bookingDayClosed', field: 'params.code' })
    const checkIn = await f.request<CheckInReceipt & ApiError>(
      'POST',
      `/api/v1/appointments/${today.body.code}/check-in`,
      { language: 'en' },
      kiosk,
    )
    expect(checkIn.body).toMatchObject({ statusCode: 409, code: 'bookingDayClosed' })

    await f.restart()
    expect((await booking(today.body.code)).body.outcome).toBe('dayClosed')
  })

  it("refuses today's slots once the day is closed, and no longer offers today", async () => {
    expect((await f.request<AppointmentInfo>('GET', '/api/v1/appointments/info')).body.days[0]).toBe('2026-11-24')
    await closeDay()
    const refused = await book('2026-11-24', '15:00')
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'dayClosed', field: 'body.day' })
    const slots = await f.request<ApiError>('GET', '/api/v1/appointments/slots?serviceId=wealth&day=2026-11-24')
    expect(slots.body).toMatchObject({ statusCode: 409, code: 'dayClosed', field: 'query.day' })
    const info = await f.request<AppointmentInfo>('GET', '/api/v1/appointments/info')
    expect(info.body.days[0]).toBe('2026-11-25')
    expect((await book('2026-11-25', '15:00')).status).toBe(200)
  })
})
