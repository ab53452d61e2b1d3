import { afterEach, describe, expect, it } from 'vitest'
import type { BookingView, CheckInReceipt } from '../../shared/api/appointmentRoutes'
import type { ApiError, ShownWait, TicketReceipt } from '../../shared/api/views'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import type { HubFixture } from './support/hubFixture'
import { bookSlot, ROOMY_LIMITS, startBookingHub } from './support/bookingHub'
import { peopleAheadEstimator } from './support/peopleAheadEstimator'

/** The hub's clock starts at 10:00 on 2026-11-24 in Beijing. */
let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

/** The shown range's ends in minutes ("soon": under two minutes). */
const ends = (s: ShownWait | null): { low: number; high: number } =>
  s === null
    ? { low: Number.NaN, high: Number.NaN }
    : s.kind === 'soon'
      ? { low: 0, high: 2 }
      : { low: s.lowMin, high: s.highMin }

describe('the estimate a booked customer is given at check-in', () => {
  it('is their own ticket’s: on time in front of a line, called within minutes; late, a walk-in’s', async () => {
    const hub = await startBookingHub(ROOMY_LIMITS, {}, undefined, { estimator: 'branch' })
    f = hub
    const manager = await hub.manager()
    const kiosk = await hub.pair('kiosk', manager)
    const book = () => bookSlot(hub, 'personal', '2026-11-24', '10:30')
    const checkIn = (code: string) =>
      hub.request<CheckInReceipt & ApiError>('POST', `/api/v1/appointments/${code}/check-in`, { language: 'en' }, kiosk)
    const onTime = await book()
    const late = await book()

    // 10:05: twenty-one walk-ins; from 10:30 one counter serves them (their lead in priority is
    // then more than the appointment class's head start: by class alone, it would come last)
    hub.clock.advance(5 * 60)
    let walkIn: TicketReceipt | undefined
    for (let i = 0; i < 21; i++) walkIn = (await hub.issue(kiosk, `walk-in-${i}`)).body
    hub.clock.advance(25 * 60)
    const teller = await hub.teller(1)
    expect((await hub.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    expect((await hub.request('POST', '/api/v1/counters/c1/call-next', {}, teller)).status).toBe(200)
    hub.clock.advance(60)
    // the estimates settled on the counter open (a tap waits only for events that lengthen waits)
    await hub.hub.context.estimates.recompute()
    // the walk-in's figure now: what a tap is told
    const tap = (await hub.issue(kiosk, 'walk-in-before-check-in')).body
    const walkInRange = ends(tap.shown)
    expect(walkIn?.peopleAhead).toBe(20)
    expect(walkInRange.low).toBeGreaterThan(5)

    const r = await checkIn(onTime.code)
    expect(r.status).toBe(200)
    expect(r.body.late).toBe(false)
    // called first at the next free counter (within the 10-minute grace): told so
    const booked = ends(r.body.ticket.shown)
    expect(booked.high).toBeLessThanOrEqual(5)
    expect(booked.high).toBeLessThan(walkInRange.low)
    expect(r.body.ticket.estimate?.p90).toBeLessThan(5 * 60)

    // 10:45, past the ten minutes a booked customer may be late: they join as a walk-in, told a walk-in's wait
    hub.clock.advance(14 * 60)
    const before = (await hub.issue(kiosk, 'walk-in-before-late')).body
    const l = await checkIn(late.code)
    expect(l.body.late).toBe(true)
    const lateRange = ends(l.body.ticket.shown)
    const walkInNow = ends(before.shown)
    expect(lateRange.low).toBeGreaterThan(booked.high)
    expect(Math.abs(lateRange.low - walkInNow.low)).toBeLessThanOrEqual(Math.max(2, 0.3 * walkInNow.low))
    expect(Math.abs(lateRange.high - walkInNow.high)).toBeLessThanOrEqual(Math.max(2, 0.3 * walkInNow.high))
  })

  it('is none, rather than a walk-in’s, when its estimation fails (the failure is logged)', async () => {
    // a menu that gives the appointment class a figure, and an estimator that fails a check-in's
    const menu = peopleAheadEstimator(DEMO_BRANCH)
    const failures: string[] = []
    const hub = await startBookingHub(ROOMY_LIMITS, {}, undefined, {
      estimator: {
        ...menu,
        all: async (state, now) => {
          const raw = await menu.all(state, now)
          const newTicket = Object.fromEntries(
            Object.entries(raw.newTicket).map(([s, byClass]) => [s, { ...byClass, appointment: byClass.ordinary }]),
          )
          return { ...raw, newTicket } as typeof raw
        },
        quote: () => {
          failures.push('asked')
          return Promise.reject(new Error('the estimation thread broke'))
        },
      },
    })
    f = hub
    const manager = await hub.manager()
    const kiosk = await hub.pair('kiosk', manager)
    for (let i = 0; i < 5; i++) await hub.issue(kiosk, `walk-in-${i}`)
    await hub.hub.context.estimates.recompute()
    const { body: b } = await hub.request<BookingView>('POST', '/api/v1/appointments', {
      serviceId: 'personal',
      day: '2026-11-24',
      time: '10:30',
      language: 'en',
    })
    const r = await hub.request<CheckInReceipt>(
      'POST',
      `/api/v1/appointments/${b.code}/check-in`,
      { language: 'en' },
      kiosk,
    )
    expect(r.status).toBe(200)
    expect(failures).toEqual(['asked'])
    expect(r.body.ticket).toMatchObject({ priorityClassId: 'appointment', estimate: null, shown: null })
    const logged = hub.hub.context.warnings.recent().map((w) => w.message)
    expect(logged.some((m) => m.includes('the estimation thread broke'))).toBe(true)
  })

  it('does not hold the check-in, nor the taps behind it, for a slow estimation (it is logged)', async () => {
    // an estimation thread that takes 8 s over a check-in's figure
    const menu = peopleAheadEstimator(DEMO_BRANCH)
    const hub = await startBookingHub(ROOMY_LIMITS, {}, undefined, {
      estimator: {
        ...menu,
        quote: () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ estimate: { mean: 60, p10: 10, p50: 50, p90: 120 }, said: null }), 8000),
          ),
      },
    })
    f = hub
    const kiosk = await hub.pair('kiosk', await hub.manager())
    const { body: b } = await hub.request<BookingView>('POST', '/api/v1/appointments', {
      serviceId: 'personal',
      day: '2026-11-24',
      time: '10:30',
      language: 'en',
    })
    const started = Date.now()
    const checkIn = hub.request<CheckInReceipt>(
      'POST',
      `/api/v1/appointments/${b.code}/check-in`,
      { language: 'en' },
      kiosk,
    )
    await new Promise((r) => setTimeout(r, 100))
    // another customer taps at another kiosk while the check-in waits for its figure
    const tap = await hub.issue(kiosk, 'tap-behind-the-check-in')
    expect(tap.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2500)
    const r = await checkIn
    expect(r.status).toBe(200)
    expect(r.body.ticket.estimate).toBeNull()
    const logged = hub.hub.context.warnings.recent().map((w) => w.message)
    expect(logged.some((m) => m.includes('no estimate within 1000 ms for a booked customer checking in'))).toBe(true)
  })
})
