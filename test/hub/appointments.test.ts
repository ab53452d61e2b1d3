import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingView, CheckInReceipt, DayBookingsView, SlotsView } from '../../shared/api/appointmentRoutes'
import type { ApiError, CommandAck, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import type { DayReport } from '../../shared/reports/dayReport'
import type { HubFixture } from './support/hubFixture'
import { ROOMY_LIMITS, startBookingHub } from './support/bookingHub'

/** The hub's clock starts at 10:00 on 2026-11-24 in Beijing. */
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

const book = (serviceId: string, day: string, time: string, language = 'en') =>
  f.request<BookingView & ApiError>('POST', '/api/v1/appointments', { serviceId, day, time, language })
const checkIn = (code: string, language = 'en') =>
  f.request<CheckInReceipt & ApiError>('POST', `/api/v1/appointments/${code}/check-in`, { language }, kiosk)
const slots = (serviceId: string, day: string) =>
  f.request<SlotsView>('GET', `/api/v1/appointments/slots?serviceId=${serviceId}&day=${day}`)

describe('appointments over HTTP', () => {
  it('books a slot from a phone, answers a code, and keeps it across a restart', async () => {
    const before = (await slots('wealth', '2026-11-25')).body
    expect(before.days[0]).toBe('2026-11-24')
    const nine = before.slots.find((s) => s.time === '09:00')
    expect(nine).toMatchObject({ open: true, taken: 0 })
    expect(nine?.capacity).toBeGreaterThan(0)

    const r = await book('wealth', '2026-11-25', '09:00', 'zh-CN')
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ day: '2026-11-25', time: '09:00', status: 'booked', outcome: 'upcoming' })
    expect(r.body.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(r.body.managePath).toBe(`/#/book/${r.body.code}`)
    expect((await slots('wealth', '2026-11-25')).body.slots.find((s) => s.time === '09:00')?.taken).toBe(1)

    await f.restart()
    expect((await f.request<BookingView>('GET', `/api/v1/appointments/${r.body.code}`)).body.time).toBe('09:00')
  })

  it('refuses a full slot, a past slot, a day too far ahead, a service not booked ahead and a time that is no slot', async () => {
    const nine = (await slots('wealth', '2026-11-25')).body.slots.find((s) => s.time === '09:00')
    for (let i = 0; i < (nine?.capacity ?? 0); i++)
      expect((await book('wealth', '2026-11-25', '09:00')).status).toBe(200)
    const full = await book('wealth', '2026-11-25', '09:00')
    expect(full.status).toBe(409)
    expect(full.body).toMatchObject({ code: 'slotFull', field: 'body.time' })
    expect((await slots('wealth', '2026-11-25')).body.slots.find((s) => s.time === '09:00')?.open).toBe(false)

    expect((await book('wealth', '2026-11-24', '09:30')).body).toMatchObject({ statusCode: 409, code: 'slotPast' })
    expect((await book('wealth', '2026-11-23', '11:00')).body).toMatchObject({ statusCode: 409, code: 'slotPast' })
    expect((await book('wealth', '2026-12-20', '11:00')).body).toMatchObject({ statusCode: 422, code: 'tooFarAhead' })
    expect((await book('cards', '2026-11-25', '11:00')).body).toMatchObject({ statusCode: 422, code: 'notBookable' })
    expect((await book('wealth', '2026-11-25', '11:10')).body).toMatchObject({ statusCode: 400, code: 'noSuchSlot' })
    expect((await book('lottery', '2026-11-25', '11:00')).status).toBe(422)
    expect((await book('wealth', '2026-11-25', '9am')).status).toBe(400)
  })

  it('moves and cancels a booking, offering its old slot again', async () => {
    const { body: b } = await book('business', '2026-11-26', '14:00')
    const moved = await f.request<BookingView>('POST', `/api/v1/appointments/${b.code}/move`, {
      day: '2026-11-27',
      time: '15:30',
    })
    expect(moved.body).toMatchObject({ code: b.code, day: '2026-11-27', time: '15:30', status: 'booked' })
    expect((await slots('business', '2026-11-26')).body.slots.find((s) => s.time === '14:00')?.taken).toBe(0)
    const cancelled = await f.request<BookingView>('POST', `/api/v1/appointments/${b.code}/cancel`, {})
    expect(cancelled.body.status).toBe('cancelled')
    expect((await slots('business', '2026-11-27')).body.slots.find((s) => s.time === '15:30')?.taken).toBe(0)
    const again = await f.request<ApiError>('POST', `/api/v1/appointments/${b.code}/cancel`, {})
    expect(again.body).toMatchObject({ statusCode: 409, code: 'bookingCancelled' })
    expect((await checkIn(b.code)).body).toMatchObject({ statusCode: 409, code: 'bookingCancelled' })
    expect((await f.request<ApiError>('GET', '/api/v1/appointments/ZZZZZZZZ')).status).toBe(404)
    expect((await f.request<ApiError>('GET', '/api/v1/appointments/bad')).status).toBe(400)
  })

  it('checks in on time at the kiosk and is called first once the slot comes', async () => {
    const { body: b } = await book('wealth', '2026-11-24', '10:30')
    const walkIn = await f.request<TicketReceipt>(
      'POST',
      '/api/v1/tickets',
      // An elderly customer who came first would be called first by priority alone (rate 3 vs 2).
      {
        serviceId: 'wealth',
        priorityClassId: 'care',
        language: 'en',
        appointmentAt: null,
        idempotencyKey: 'walk-in-1',
      },
      kiosk,
    )
    f.clock.advance(60)
    const r = await checkIn(b.code)
    expect(r.status).toBe(200)
    expect(r.body.late).toBe(false)
    expect(r.body.booking).toMatchObject({ status: 'checkedIn', outcome: 'onTime' })
    expect(r.body.ticket).toMatchObject({ serviceId: 'wealth', priorityClassId: 'appointment' })

    const teller = await f.teller(5)
    expect((await f.request('POST', '/api/v1/counters/c5/open', {}, teller)).status).toBe(200)
    f.clock.advance(30 * 60)
    const called = await f.request<CommandAck>('POST', '/api/v1/counters/c5/call-next', {}, teller)
    expect(called.body.event).toMatchObject({ type: 'ticketCalled', ticketId: r.body.ticket.ticketId })
    expect(walkIn.body.ticketId).not.toBe(r.body.ticket.ticketId)

    // The daily report sets booked customers against walk-ins, and counts the booking on time.
    const report = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-24', undefined, manager)
    expect(report.body.bookings).toMatchObject({ bookedCalled: 1, onTime: 1, onTimeShare: 1 })
    // Judged by the branch's grace (10 minutes in the demo), journaled with the ticket at check-in.
    expect(report.body.tickets.find((t) => t.id === r.body.ticket.ticketId)?.appointmentGraceSec).toBe(600)
    expect(report.body.bookings.booked.count).toBe(1)
    // The elderly walk-in is still waiting: no wait measured yet.
    expect(report.body.bookings.walkIn.count).toBe(0)
  })

  it('answers a repeated check-in with the same ticket while it is open, and refuses the code once it is finished', async () => {
    const { body: b } = await book('wealth', '2026-11-24', '10:30')
    const first = await checkIn(b.code)
    expect(first.status).toBe(200)
    expect(first.body.ticket.repeated).toBe(false)
    // the kiosk's retry (its first answer lost), or the same code scanned again, on a screen in another language
    const again = await checkIn(b.code, 'zh-CN')
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({
      late: false,
      booking: { status: 'checkedIn', ticketId: first.body.ticket.ticketId },
    })
    // the same ticket, its first print's outcome (no second slip); its range and place as they are now
    const { ticketId, number, issuedAt, estimate, statusPath, print } = first.body.ticket
    expect(again.body.ticket).toMatchObject({ ticketId, number, issuedAt, estimate, statusPath, print, repeated: true })
    const queue = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(queue.body.state.open.map((t) => t.id)).toEqual([first.body.ticket.ticketId])
    // the same after a restart (the ledger is rebuilt from the journal), while the ticket is called and served
    await f.restart()
    kiosk = await f.pair('kiosk', await f.manager())
    expect((await checkIn(b.code)).body.ticket).toMatchObject({ ticketId: first.body.ticket.ticketId, repeated: true })
    const teller = await f.teller(5)
    expect((await f.request('POST', '/api/v1/counters/c5/open', {}, teller)).status).toBe(200)
    expect((await f.request('POST', '/api/v1/counters/c5/call-next', {}, teller)).status).toBe(200)
    expect((await checkIn(b.code)).body.ticket).toMatchObject({ number: first.body.ticket.number, repeated: true })
    expect((await f.request('POST', '/api/v1/counters/c5/start', {}, teller)).status).toBe(200)
    expect((await checkIn(b.code)).body.ticket).toMatchObject({ number: first.body.ticket.number, repeated: true })
    const done = await f.request('POST', '/api/v1/counters/c5/complete', { completedServiceId: null }, teller)
    expect(done.status).toBe(200)
    expect((await checkIn(b.code)).body).toMatchObject({ statusCode: 409, code: 'bookingUsed' })
  })

  it('gives a parked customer their number back, re-joins one who missed the call, and refuses once the grace has passed', async () => {
    const { body: b } = await book('wealth', '2026-11-24', '10:30')
    const first = await checkIn(b.code)
    expect(first.status).toBe(200)
    const { ticketId, number } = first.body.ticket
    const teller = await f.teller(5)
    const counter = (action: string) => f.request('POST', `/api/v1/counters/c5/${action}`, {}, teller)
    const ticketStatus = async () =>
      (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.open.find(
        (t) => t.id === ticketId,
      )?.status
    expect((await counter('open')).status).toBe(200)
    expect((await counter('call-next')).status).toBe(200)
    expect((await counter('start')).status).toBe(200)
    // set aside at the counter (a document to fetch): scanning the code again gives the number back
    expect((await counter('park')).status).toBe(200)
    expect(await ticketStatus()).toBe('parked')
    const parked = await checkIn(b.code)
    expect(parked.status).toBe(200)
    expect(parked.body.ticket).toMatchObject({ ticketId, number, repeated: true })
    expect(await ticketStatus()).toBe('parked')

    // called back, not there: the code scanned again puts the ticket back in the queue
    expect((await f.request('POST', `/api/v1/tickets/${ticketId}/resume`, {}, teller)).status).toBe(200)
    await f.missCall('c5', teller)
    expect(await ticketStatus()).toBe('noShow')
    // the estimates settled since the call: none of them is this ticket's any more
    await f.hub.context.estimates.recompute()
    const back = await checkIn(b.code, 'zh-CN')
    expect(back.status).toBe(200)
    expect(back.body.ticket).toMatchObject({ ticketId, number, repeated: true })
    // told a wait at once, as at any tap: no ticket without an estimate
    expect(back.body.ticket.shown).not.toBeNull()
    expect(back.body.booking.status).toBe('checkedIn')
    expect(await ticketStatus()).toBe('waiting')

    // missed again, and back only after the grace: refused in the customer's terms, nothing changed
    await f.missCall('c5', teller)
    f.clock.advance(31 * 60)
    const late = await checkIn(b.code)
    expect(late.status).toBe(409)
    expect(late.body).toMatchObject({ code: 'graceExpired' })
    expect(await ticketStatus()).toBe('noShow')
  })

  it("refuses a client's ticket under a booking's check-in key, so that booking can still check in", async () => {
    const { body: b } = await book('wealth', '2026-11-24', '10:30')
    const taken = await f.request<ApiError>(
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'wealth',
        priorityClassId: null,
        language: 'en',
        appointmentAt: null,
        idempotencyKey: `booking-${b.code}`,
      },
      kiosk,
    )
    expect(taken.status).toBe(400)
    expect(taken.body).toMatchObject({ code: 'reservedIdempotencyKey', field: 'body.idempotencyKey' })
    const queue = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(queue.body.state.open).toEqual([])
    const checked = await checkIn(b.code)
    expect(checked.status).toBe(200)
    expect(checked.body).toMatchObject({ late: false, booking: { status: 'checkedIn' } })
  })

  it('lists slots only where booking would take them: refused beyond the horizon, on a past day, for a service not booked ahead', async () => {
    const listed = (serviceId: string, day: string) =>
      f.request<ApiError>('GET', `/api/v1/appointments/slots?serviceId=${serviceId}&day=${day}`)
    for (const [serviceId, day, status, code, field] of [
      ['wealth', '2030-01-01', 422, 'tooFarAhead', 'query.day'],
      ['wealth', '2026-12-08', 422, 'tooFarAhead', 'query.day'],
      ['wealth', '2026-11-23', 409, 'slotPast', 'query.day'],
      ['cards', '2026-11-25', 422, 'notBookable', 'query.serviceId'],
      ['nope', '2026-11-25', 422, 'unknownService', 'query.serviceId'],
    ] as const) {
      const r = await listed(serviceId, day)
      expect([serviceId, day, r.status, r.body.code, r.body.field]).toEqual([serviceId, day, status, code, field])
      if (code !== 'unknownService') {
        const booked = await f.request<ApiError>('POST', '/api/v1/appointments', {
          serviceId,
          day,
          time: '09:00',
          language: 'en',
        })
        expect([booked.status, booked.body.code]).toEqual([status, code])
      }
    }
    // the last day of the horizon is listed, and the unknown service in a booking is named in the body
    expect((await listed('wealth', '2026-12-07')).status).toBe(200)
    const unknown = await book('nope', '2026-11-25', '09:00')
    expect(unknown.body).toMatchObject({ code: 'unknownService', field: 'body.serviceId' })
  })

  it('keeps offering slots after one short day: a first day closed after twenty minutes is not the usual day', async () => {
    const capacities = async () =>
      (await slots('wealth', '2026-11-26')).body.slots.filter((x) => !x.past).map((x) => x.capacity)
    const before = await capacities()
    expect(before.length).toBeGreaterThan(0)
    expect(Math.min(...before)).toBeGreaterThan(0)
    // one counter open for twenty minutes, then the day closed: the only day of history
    const teller = await f.teller(5)
    expect((await f.request('POST', '/api/v1/counters/c5/open', {}, teller)).status).toBe(200)
    f.clock.advance(20 * 60)
    expect((await f.request('POST', '/api/v1/counters/c5/close', {}, teller)).status).toBe(200)
    expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    const after = await capacities()
    expect(after).toHaveLength(before.length)
    // still room in every slot (four in five of the counters counted as planned, not none)
    expect(Math.min(...after)).toBeGreaterThan(0)
    expect((await book('wealth', '2026-11-26', '09:00')).status).toBe(200)
  })

  it('gives a slot only through a booking code: a kiosk cannot claim one when it issues a ticket', async () => {
    const { body: b } = await book('wealth', '2026-11-24', '10:30')
    const claimed = await f.request<ApiError>(
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'wealth',
        priorityClassId: 'appointment',
        language: 'en',
        appointmentAt: Date.parse('2026-11-24T10:30:00+08:00'),
        idempotencyKey: 'claimed-slot-1',
      },
      kiosk,
    )
    expect(claimed.status).toBe(400)
    expect(claimed.body.field).toBe('body.appointmentAt')
    const queue = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(queue.body.state.open).toEqual([])
    expect((await checkIn(b.code)).status).toBe(200)
  })

  it('names when check-in opens, and opens a first slot of the day with the doors (audit37 F6)', async () => {
    const nine = (await book('wealth', '2026-11-25', '09:00')).body
    const ten = (await book('wealth', '2026-11-25', '10:00')).body
    // 30 minutes before the slot, but not before the doors open (09:00 on a working day)
    expect(ten.checkInFrom).toBe(Date.parse('2026-11-25T09:30:00+08:00'))
    expect(nine.checkInFrom).toBe(Date.parse('2026-11-25T09:00:00+08:00'))
    // 08:40 the next morning: within 30 minutes of the first slot, yet the doors are shut
    f.clock.advance((22 * 60 + 40) * 60)
    expect((await checkIn(nine.code)).body).toMatchObject({
      statusCode: 409,
      code: 'tooEarly',
      field: 'params.code',
      checkInFrom: Date.parse('2026-11-25T09:00:00+08:00'),
    })
    expect((await checkIn(ten.code)).body).toMatchObject({
      code: 'tooEarly',
      checkInFrom: Date.parse('2026-11-25T09:30:00+08:00'),
    })
    // nothing changed: both still wait for their check-in
    for (const b of [nine, ten])
      expect((await f.request<BookingView>('GET', `/api/v1/appointments/${b.code}`)).body.status).toBe('booked')
  })

  it('refuses a code of another day and a check-in too early; a late customer joins as a walk-in; a no-show is missed', async () => {
    const tomorrow = (await book('wealth', '2026-11-25', '10:00')).body
    expect((await checkIn(tomorrow.code)).body).toMatchObject({ statusCode: 409, code: 'bookingOtherDay' })
    const later = (await book('wealth', '2026-11-24', '11:30')).body
    expect((await checkIn(later.code)).body).toMatchObject({ statusCode: 409, code: 'tooEarly' })
    const late = (await book('personal', '2026-11-24', '10:30')).body
    const missed = (await book('personal', '2026-11-24', '10:30')).body
    f.clock.advance(45 * 60)
    const r = await checkIn(late.code)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ late: true, booking: { status: 'lateWalkIn', outcome: 'late' } })
    expect(r.body.ticket.priorityClassId).toBeNull()
    // a late customer's check-in repeated: the same walk-in ticket
    expect((await checkIn(late.code)).body).toMatchObject({
      late: true,
      ticket: { ticketId: r.body.ticket.ticketId, repeated: true },
    })

    const day = await f.request<DayBookingsView>('GET', '/api/v1/appointments?day=2026-11-24', undefined, manager)
    expect(day.body.counts).toMatchObject({ late: 1, missed: 1, upcoming: 1 })
    expect(day.body.bookings.find((x) => x.code === missed.code)?.outcome).toBe('missed')
    expect(day.body.bookings.find((x) => x.code === late.code)?.number).toBe(r.body.ticket.number)
    expect((await f.request('GET', '/api/v1/appointments?day=2026-11-24', undefined, kiosk)).status).toBe(403)
  })
})
