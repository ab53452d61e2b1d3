import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import type { ApiError, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
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
    expect((await f.request('GET', `/api/v1/events?since=${seqBefore}`, undefined, manager)).status).toBe(404)
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
