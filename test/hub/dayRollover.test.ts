import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import type { ApiError, CommandAck, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import type { DayReport } from '../../shared/reports/dayReport'
import type { RangeReport } from '../../shared/reports/rangeReport'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
afterEach(async () => {
  await f.stop()
})

const issue = (kiosk: string, key: string) =>
  f.request<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId: 'personal', priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: key },
    kiosk,
  )

/** `beijing(14, 10)` is 2026-12-14 10:00 in Beijing (UTC+8). */
const beijing = (day: number, hour: number, minute = 0, second = 0, ms = 0) =>
  Date.UTC(2026, 11, day, hour - 8, minute, second, ms)

async function ok(path: string, token: string, body: unknown = {}): Promise<CommandAck> {
  const r = await f.request<CommandAck>('POST', path, body, token)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}

describe('the business day', () => {
  it('closes at midnight (at the end of its own date) and the next day starts numbering again', async () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 24, 15, 58)) // 23:58 in Beijing
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    // after the doors shut a walk-in gets a ticket only with a teller at a counter (`lobbyHours`)
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    expect((await issue(kiosk, 'late-tap-1')).body.number).toBe('A001')
    const seqBefore = (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq

    clock.advance(8 * 3600) // 07:58 the next morning, nobody touched anything overnight
    await f.hub.context.host.tick()
    const health = await f.request<{ day: string; seq: number }>('GET', '/api/v1/health')
    expect(health.body).toMatchObject({ day: '2026-11-25', seq: seqBefore + 2 })
    // today's log starts with the new day; yesterday's close is in yesterday's journal
    const events = await f.request<{ events: { type: string }[] }>(
      'GET',
      `/api/v1/events?since=${seqBefore + 1}`,
      undefined,
      manager,
    )
    expect(events.body.events.map((e) => e.type)).toEqual(['dayOpened'])
    const gone = await f.request<ApiError>('GET', `/api/v1/events?since=${seqBefore}`, undefined, manager)
    expect(gone.status).toBe(410)
    expect(gone.body).toMatchObject({ code: 'eventsGone', field: 'query.since', resyncFrom: { path: '/api/v1/queue' } })
    expect(gone.body.message).toContain('are no longer kept')
    clock.advance(64 * 60) // 09:02: the doors are open, the first walk-in of the day
    expect((await issue(kiosk, 'morning-tap-1')).body).toMatchObject({ number: 'A001', ticketId: '20261125-A001' })
    // One journal per date (beside them, the journal's identity: hub/queue/journalIdentity.ts).
    expect((await readdir(join(f.dataDir, 'journal'))).filter((n) => n.endsWith('.jsonl'))).toEqual([
      '2026-11-24.jsonl',
      '2026-11-25.jsonl',
    ])

    // the closed day's waiting ticket ended at 23:59:59.999, not this morning
    await f.restart()
    const old = await new JournalFolder(nodeFileSystem, join(f.dataDir, 'journal')).read('2026-11-24')
    const closed = old.records.at(-1)?.e
    expect(closed).toMatchObject({ type: 'dayClosed', at: Date.UTC(2026, 10, 24, 15, 59, 59, 999) })
    const m2 = await f.manager()
    const snap = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, m2)
    expect(snap.body.state.lastSeq).toBe(seqBefore + 3)
    expect(snap.body.state.open.map((t) => t.number)).toEqual(['A001'])
    // Nobody closed the day: yesterday's A001 ended with it — unserved, neither a no-show nor
    // turned away at a manager's close — and its wait counts until the branch last worked (its
    // own issue at 23:58), not the two minutes more the lobby showed it.
    const day = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-24', undefined, m2)
    expect(day.body).toMatchObject({ autoClosed: 'endOfDay', kpis: { dayEnded: 1, removedAtClose: 0, noShows: 0 } })
    expect(day.body.tickets[0]).toMatchObject({ outcome: 'dayEnded', noShow: false, waitedSec: 0 })
  })

  it('ends the customers still waiting when nobody closed the day as "day ended", counted apart, their waits until the branch last worked', async () => {
    const clock = new FakeClock(beijing(14, 16, 45))
    f = await HubFixture.start({}, undefined, clock)
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    await ok('/api/v1/counters/c1/open', teller)
    await issue(kiosk, 'forgot-1') // A001: served
    clock.set(beijing(14, 16, 50))
    await issue(kiosk, 'forgot-2') // A002: left waiting
    clock.set(beijing(14, 16, 55))
    await issue(kiosk, 'forgot-3') // A003: left waiting
    await ok('/api/v1/counters/c1/call-next', teller)
    await ok('/api/v1/counters/c1/start', teller)
    clock.set(beijing(14, 17, 5))
    await ok('/api/v1/counters/c1/complete', teller, { completedServiceId: null })
    // The teller goes home with the counter open and two customers in the lobby's queue; the hub
    // runs through the night and ends the day at midnight.
    clock.set(beijing(15, 0, 0, 30))
    await f.hub.context.host.tick()

    const closed = (await new JournalFolder(nodeFileSystem, join(f.dataDir, 'journal')).read('2026-12-14')).records
    expect(closed.at(-1)?.e).toMatchObject({ type: 'dayClosed', auto: 'endOfDay', at: beijing(14, 23, 59, 59, 999) })
    const r = (await f.request<DayReport>('GET', '/api/v1/reports/day/2026-12-14', undefined, manager)).body
    expect(r.autoClosed).toBe('endOfDay')
    expect(r.volume).toMatchObject({ issued: 3, served: 1, noShows: 0, removedAtClose: 0, dayEnded: 2, inBranch: 0 })
    expect(r.kpis).toMatchObject({ served: 1, noShows: 0, removedAtClose: 0, dayEnded: 2 })
    const row = (n: string) => r.tickets.find((t) => t.number === n)
    // Waited until 17:05, the branch's last activity: 15 and 10 minutes, not seven hours.
    expect(row('A002')).toMatchObject({ outcome: 'dayEnded', noShow: false, endedAt: beijing(14, 17, 5) })
    expect(row('A002')?.waitedSec).toBe(15 * 60)
    expect(row('A003')?.waitedSec).toBe(10 * 60)
    expect(r.waiting.longest[0]).toMatchObject({ number: 'A002', waitedSec: 900, called: false, outcome: 'dayEnded' })
    expect(Math.max(...r.tickets.map((t) => t.discriminationSec ** 2))).toBeLessThan(3600 ** 2)

    // The summary kept for the trend (and shipped to HQ) carries the same: the outcome and the note.
    const range = await f.request<RangeReport>(
      'GET',
      '/api/v1/reports/range?from=2026-12-14&to=2026-12-14',
      undefined,
      manager,
    )
    expect(range.body.kpis).toMatchObject({ days: 1, dayEnded: 2, removedAtClose: 0 })
    const history = JSON.parse(await readFile(join(f.dataDir, 'history.json'), 'utf8')) as {
      days: { date: string; autoClosed?: unknown; dayEnded?: number }[]
    }
    expect(history.days.find((d) => d.date === '2026-12-14')).toMatchObject({ autoClosed: 'endOfDay', dayEnded: 2 })
  })

  it("keeps a manager's close as it was: the customers still waiting are unserved at close", async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    await issue(kiosk, 'closed-1')
    await ok('/api/v1/day/close', manager)
    const r = (await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-24', undefined, manager)).body
    expect(r).toMatchObject({ autoClosed: null, kpis: { removedAtClose: 1, dayEnded: 0 } })
  })

  it('stays closed after the manager closes it, until the next date', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    await issue(kiosk, 'day-tap-01')
    expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    const refused = await issue(kiosk, 'day-tap-02')
    expect(refused.status).toBe(409)
    expect((refused.body as unknown as ApiError).code).toBe('dayNotOpen')
    await f.restart()
    expect((await issue(kiosk, 'day-tap-03')).status).toBe(409)
    f.clock.advance(24 * 3600)
    expect((await issue(kiosk, 'day-tap-04')).body).toMatchObject({ number: 'A001', ticketId: '20261125-A001' })
  })
})
