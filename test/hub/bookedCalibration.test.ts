import { afterEach, describe, expect, it } from 'vitest'
import type { CheckInReceipt } from '../../shared/api/appointmentRoutes'
import type { ApiError } from '../../shared/api/views'
import type { WaitEstimate } from '../../shared/queue/ticket'
import type { HubFixture } from './support/hubFixture'
import { bookSlot, ROOMY_LIMITS, startBookingHub } from './support/bookingHub'

/**
 * Booked customers' ranges are calibrated apart from walk-ins' (docs/estimation.md, twenty-first
 * round). Two hubs learn from the same three past days, on which every customer waited half an
 * hour against a range of 5–15 minutes: on one hub those customers had booked, on the other they
 * walked in. Each hub widens the ranges of its own kind of customer only.
 */
let hubs: HubFixture[] = []
afterEach(async () => {
  for (const h of hubs) await h.stop()
  hubs = []
})

const HOUR = 3_600_000
const MIN = 60_000
/** 00:00 in Beijing on a date, epoch ms. */
const midnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - 8 * HOUR
const SHOWN: WaitEstimate = { mean: 600, p10: 300, p50: 550, p90: 900 }

/** A past day: 30 personal customers from 10:00, each shown `SHOWN` and called after 30 minutes. */
function pastDay(date: string, booked: boolean): string {
  const at = (h: number, m = 0): number => midnight(date) + h * HOUR + m * MIN
  const day = date.replaceAll('-', '')
  const events: Record<string, unknown>[] = [
    { type: 'dayOpened', date, at: at(9) },
    { type: 'counterOpened', counterId: 'c1', staffId: 't01', at: at(9, 1) },
  ]
  for (let i = 0; i < 30; i++) {
    const n = String(i + 1).padStart(3, '0')
    const ticketId = `${day}-A${n}`
    const issued = at(10, 2 * i)
    events.push({
      type: 'ticketIssued',
      ticketId,
      number: `A${n}`,
      issueSeq: i + 1,
      serviceId: 'personal',
      priorityClassId: null,
      language: 'zh-CN',
      appointmentAt: booked ? issued + 5 * MIN : null,
      ...(booked ? { appointmentGraceSec: 600 } : {}),
      estimate: SHOWN,
      at: issued,
    })
    const called = issued + 30 * MIN
    events.push({ type: 'ticketCalled', ticketId, counterId: 'c1', staffId: 't01', outOfOrder: null, at: called })
    events.push({ type: 'serviceStarted', ticketId, counterId: 'c1', at: called + 20_000 })
    events.push({ type: 'serviceCompleted', ticketId, counterId: 'c1', completedServiceId: null, at: called + MIN })
  }
  events.push({ type: 'counterClosed', counterId: 'c1', at: at(17) })
  events.push({ type: 'dayClosed', at: at(17, 1) })
  return events
    .sort((a, b) => (a.at as number) - (b.at as number))
    .map((e, i) => `${JSON.stringify({ e: { ...e, seq: i + 1 }, m: { actor: { kind: 'system', reason: 'test' } } })}\n`)
    .join('')
}

/** How far the high end is from the median, in log time: what the calibration stretches. */
const spread = (e: WaitEstimate | null | undefined): number => (e ? Math.log(e.p90 / e.p50) : Number.NaN)

/**
 * A hub (its clock at 10:00 on Tuesday 2026-11-24) that learned from three past days of
 * customers who had `booked` or not: the spread of a walk-in's range at the kiosk, and of a
 * booked customer's checking in on time for 10:30 at 10:25, with four walk-ins waiting.
 */
async function spreads(booked: boolean): Promise<{ walkIn: number; booked: number }> {
  const days = ['2026-11-19', '2026-11-20', '2026-11-23']
  const hub = await startBookingHub(
    ROOMY_LIMITS,
    {},
    undefined,
    { estimator: 'branch' },
    Object.fromEntries(days.map((d) => [d, pastDay(d, booked)])),
  )
  hubs.push(hub)
  const manager = await hub.manager()
  const kiosk = await hub.pair('kiosk', manager)
  const booking = await bookSlot(hub, 'personal', '2026-11-24', '10:30')
  const teller = await hub.teller(1)
  expect((await hub.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
  for (let i = 0; i < 4; i++) expect((await hub.issue(kiosk, `walk-in-${i}`)).status).toBe(200)
  await hub.hub.context.estimates.recompute()
  const walkIn = (await hub.issue(kiosk, 'walk-in-measured')).body.estimate
  hub.clock.advance(25 * 60)
  const checkIn = await hub.request<CheckInReceipt & ApiError>(
    'POST',
    `/api/v1/appointments/${booking.code}/check-in`,
    { language: 'en' },
    kiosk,
  )
  expect(checkIn.status).toBe(200)
  expect(checkIn.body.late).toBe(false)
  return { walkIn: spread(walkIn), booked: spread(checkIn.body.ticket.estimate) }
}

describe("booked customers' ranges", () => {
  it("are widened by booked customers' misses only, and walk-ins' by walk-ins' only", async () => {
    const afterBooked = await spreads(true)
    const afterWalkIns = await spreads(false)
    // Each kind's range is stretched by its own kind's misses: far more than by the other's.
    expect(afterBooked.booked).toBeGreaterThan(1.5 * afterWalkIns.booked)
    expect(afterWalkIns.walkIn).toBeGreaterThan(1.5 * afterBooked.walkIn)
  }, 60_000)
})
