import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import type { DayReport } from '../../shared/reports/dayReport'
import type { CommandAck, TicketReceipt } from '../../shared/api/views'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
afterEach(async () => {
  await f.stop()
})

/** A Monday in Beijing (UTC+8): `beijing(14, 10)` is 2026-12-14 10:00 there. */
const beijing = (day: number, hour: number, minute = 0, second = 0) => Date.UTC(2026, 11, day, hour - 8, minute, second)

const issue = (kiosk: string, serviceId: string, key: string) =>
  f.request<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId, priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: key },
    kiosk,
  )

async function ok(path: string, token: string, body: unknown = {}): Promise<CommandAck> {
  const r = await f.request<CommandAck>('POST', path, body, token)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

async function report(date: string): Promise<DayReport> {
  const manager = await f.manager()
  const r = await f.request<DayReport>('GET', `/api/v1/reports/day/${date}`, undefined, manager)
  expect(r.status).toBe(200)
  return r.body
}

async function journalOf(date: string) {
  return (await new JournalFolder(nodeFileSystem, join(f.dataDir, 'journal')).read(date)).records.map((r) => r.e)
}

describe('the day the hub closes by itself', () => {
  it('ends a day cut short by an outage at its last journaled moment, and says so', async () => {
    const clock = new FakeClock(beijing(14, 10))
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    await ok('/api/v1/counters/c1/open', await f.teller(1))
    await ok('/api/v1/counters/c2/open', await f.teller(2))
    for (let i = 0; i < 8; i++) {
      clock.advance(20)
      expect((await issue(kiosk, i % 2 === 0 ? 'personal' : 'cards', `outage-${i}`)).status).toBe(200)
    }
    // The power goes: nothing more is journaled; the hub starts again the next morning.
    await f.hub.close()
    clock.set(beijing(15, 9))
    f.hub = (await HubFixture.start({}, f.dataDir, clock)).hub

    const events = await journalOf('2026-12-14')
    const closed = events.at(-1)
    const lastBefore = events.at(-2)?.at ?? 0
    expect(lastBefore).toBeLessThan(beijing(14, 10, 5))
    expect(closed).toMatchObject({ type: 'dayClosed', auto: 'afterOutage', at: lastBefore })
    const r = await report('2026-12-14')
    expect(r).toMatchObject({ autoClosed: 'afterOutage', closedAt: lastBefore })
    // Two counters open ten-odd minutes, not until midnight.
    expect(r.kpis.counterHours).toBeLessThan(0.2)
    expect(r.hours.map((h) => h.hour)).toEqual([10])
    // The eight customers ended with the day (nobody closed it) after a few minutes, not "waiting"
    // fourteen hours; not counted as turned away at a manager's close either.
    expect(r.kpis.dayEnded).toBe(8)
    expect(r.kpis.removedAtClose).toBe(0)
    expect(Math.max(...r.tickets.map((t) => t.waitedSec))).toBeLessThan(300)
    expect(r.kpis.waitWithinTargetShare).toBeNull()
    expect(r.kpis.guaranteeKeptShare).toBeNull()
    // The new day is open as usual.
    const health = await f.request<{ day: string }>('GET', '/api/v1/health')
    expect(health.body.day).toBe('2026-12-15')
  })

  it("ends a day left with counters open at the doors' close, not at midnight", async () => {
    const clock = new FakeClock(beijing(14, 10))
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    await ok('/api/v1/counters/c1/open', teller)
    await ok('/api/v1/counters/c2/open', await f.teller(2))
    await issue(kiosk, 'personal', 'open-late-1')
    clock.advance(60)
    await ok('/api/v1/counters/c1/call-next', teller)
    await ok('/api/v1/counters/c1/start', teller)
    clock.advance(300)
    await ok('/api/v1/counters/c1/complete', teller, { completedServiceId: null })
    // Nobody closes the counters; the hub runs through the night.
    clock.set(beijing(14, 23, 59, 50))
    await f.hub.context.host.tick()
    clock.set(beijing(15, 0, 0, 30))
    await f.hub.context.host.tick()

    const closed = (await journalOf('2026-12-14')).at(-1)
    expect(closed).toMatchObject({ type: 'dayClosed', auto: 'endOfDay', at: beijing(14, 17) })
    const r = await report('2026-12-14')
    expect(r.autoClosed).toBe('endOfDay')
    expect(r.kpis.counterHours).toBeCloseTo(14, 5) // two counters, 10:00 to the doors' close at 17:00
    expect(r.hours.at(-1)?.hour).toBe(16)
  })

  it('lets a teller finish the customer at the counter at midnight, into their own day', async () => {
    const clock = new FakeClock(beijing(14, 23, 55))
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    // the doors shut at 17:00: a walk-in gets a ticket this late only with a teller at a counter
    await ok('/api/v1/counters/c1/open', teller)
    expect((await issue(kiosk, 'personal', 'midnight-a')).body.number).toBe('A001')
    expect((await issue(kiosk, 'cards', 'midnight-d')).body.number).toBe('D001')
    await ok('/api/v1/counters/c1/call-next', teller)
    clock.advance(20)
    await ok('/api/v1/counters/c1/start', teller)

    clock.set(beijing(15, 0, 0, 40))
    await f.hub.context.host.tick()
    const done = await ok('/api/v1/counters/c1/complete', teller, { completedServiceId: null })
    expect(done.event).toMatchObject({ type: 'serviceCompleted', at: beijing(15, 0, 0, 40) })
    clock.advance(30)
    await f.hub.context.host.tick()

    const events = await journalOf('2026-12-14')
    expect(events.map((e) => e.type).slice(-2)).toEqual(['serviceCompleted', 'dayClosed'])
    expect(events.at(-1)).toMatchObject({ auto: 'endOfDay', at: beijing(15, 0, 0, 40) })
    const r = await report('2026-12-14')
    const row = (n: string) => r.tickets.find((t) => t.number === n)
    expect(row('A001')).toMatchObject({ outcome: 'served' })
    expect(row('A001')?.withinStandard).not.toBeNull()
    // Still waiting when the hub ended the day: unserved, the day ended (no manager closed it).
    expect(row('D001')).toMatchObject({ outcome: 'dayEnded' })
    expect(r.kpis.served).toBe(1)
    const health = await f.request<{ day: string }>('GET', '/api/v1/health')
    expect(health.body.day).toBe('2026-12-15')
  })

  it('closes on a customer left at a counter once the hold after midnight is over', async () => {
    const clock = new FakeClock(beijing(14, 16))
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    await issue(kiosk, 'personal', 'forgotten-a')
    await ok('/api/v1/counters/c1/open', teller)
    await ok('/api/v1/counters/c1/call-next', teller)
    clock.advance(30)
    await ok('/api/v1/counters/c1/start', teller) // and the teller goes home
    clock.set(beijing(15, 0, 30))
    await f.hub.context.host.tick()
    expect((await f.request<{ day: string }>('GET', '/api/v1/health')).body.day).toBe('2026-12-14')
    clock.set(beijing(15, 1, 0, 1))
    await f.hub.context.host.tick()
    expect((await f.request<{ day: string }>('GET', '/api/v1/health')).body.day).toBe('2026-12-15')
    const r = await report('2026-12-14')
    expect(r).toMatchObject({ autoClosed: 'endOfDay', closedAt: beijing(14, 17) })
    // The customer left "serving" ends with the day; the visit cut off has no known length.
    expect(r.tickets[0]).toMatchObject({ outcome: 'dayEnded', serviceSec: null })
  })
})
