import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck, QueueSnapshot } from '../../shared/api/views'
import type { DayReport } from '../../shared/reports/dayReport'
import { HubFixture } from './support/hubFixture'

const FIXTURES = fileURLToPath(new URL('./fixtures/journal-before-visits/', import.meta.url))

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

/** A teller at counter 1 with A001 at the counter (called, then started). */
async function customerAtCounter(hub: HubFixture, teller: string | null = null): Promise<string> {
  const manager = await hub.manager()
  const kiosk = await hub.pair('kiosk', manager)
  const opened = teller !== null
  teller ??= await hub.teller(1)
  const issued = await hub.request(
    'POST',
    '/api/v1/tickets',
    { serviceId: 'personal', priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: 'tap-visit1' },
    kiosk,
  )
  expect(issued.status).toBe(200)
  if (!opened) expect((await hub.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
  expect((await hub.request('POST', '/api/v1/counters/c1/call-next', {}, teller)).status).toBe(200)
  expect((await hub.request('POST', '/api/v1/counters/c1/start', {}, teller)).status).toBe(200)
  return teller
}

describe('several transactions in one visit, over HTTP', () => {
  it('adds transactions to the visit without calling the customer again, each with its own clock', async () => {
    f = await HubFixture.start()
    const teller = await customerAtCounter(f)
    f.clock.advance(40)
    const added = await f.request<CommandAck>(
      'POST',
      '/api/v1/counters/c1/transactions',
      { serviceId: 'cards', quantity: 2 },
      teller,
    )
    expect(added.status).toBe(200)
    expect(added.body.event).toMatchObject({ type: 'transactionAdded', serviceId: 'cards', quantity: 2 })
    f.clock.advance(30)
    const third = await f.request<CommandAck>(
      'POST',
      '/api/v1/counters/c1/transactions',
      { serviceId: 'personal' },
      teller,
    )
    expect(third.body.event).toMatchObject({ type: 'transactionAdded', quantity: 1 })
    const snapshot = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, teller)
    const ticket = snapshot.body.state.open.find((t) => t.number === 'A001')
    expect(ticket?.status).toBe('serving')
    expect(ticket?.visits).toHaveLength(1)
    expect(ticket?.visits[0]?.transactions.map((t) => [t.serviceId, t.quantity, t.outcome])).toEqual([
      ['personal', 1, 'served'],
      ['cards', 2, 'served'],
      ['personal', 1, null],
    ])
    f.clock.advance(20)
    expect((await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, teller)).status).toBe(
      200,
    )

    const manager = await f.manager()
    const report = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-24', undefined, manager)
    expect(report.body.transactions.visits).toMatchObject({ visits: 1, transactions: 3, transactionsPerVisit: 3 })
    expect(report.body.transactions.overall).toMatchObject({ count: 3, judged: 3, withinStandard: 3 })
    const events = await f.request<{ events: { type: string }[] }>('GET', '/api/v1/events?since=0', undefined, manager)
    expect(events.body.events.filter((e) => e.type === 'ticketCalled')).toHaveLength(1)
  })

  it('refuses, changing nothing: no customer at the counter, an unknown service, a bad quantity, another counter', async () => {
    f = await HubFixture.start()
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    const idle = await f.request<ApiError>(
      'POST',
      '/api/v1/counters/c1/transactions',
      { serviceId: 'personal' },
      teller,
    )
    expect(idle.status).toBe(409)
    expect(idle.body.code).toBe('counterNotServing')

    const hub = f
    const kioskTeller = await customerAtCounter(hub, teller)
    const before = await hub.request<{ events: unknown[] }>(
      'GET',
      '/api/v1/events?since=0',
      undefined,
      await hub.manager(),
    )
    const unknown = await hub.request<ApiError>(
      'POST',
      '/api/v1/counters/c1/transactions',
      { serviceId: 'lottery' },
      kioskTeller,
    )
    expect(unknown.status).toBe(422)
    expect(unknown.body).toMatchObject({ code: 'unknownService', field: 'body.serviceId' })
    for (const quantity of [0, 100, 2.5, '3']) {
      const bad = await hub.request<ApiError>(
        'POST',
        '/api/v1/counters/c1/transactions',
        { serviceId: 'personal', quantity },
        kioskTeller,
      )
      expect(bad.status).toBe(400)
    }
    const other = await hub.request<ApiError>(
      'POST',
      '/api/v1/counters/c2/transactions',
      { serviceId: 'personal' },
      kioskTeller,
    )
    expect(other.status).toBe(403)
    const after = await hub.request<{ events: unknown[] }>(
      'GET',
      '/api/v1/events?since=0',
      undefined,
      await hub.manager(),
    )
    expect(after.body.events).toHaveLength(before.body.events.length)
  })

  it('describes the route in the OpenAPI document', async () => {
    f = await HubFixture.start()
    const doc = await f.request<{ paths: Record<string, { post?: { requestBody?: unknown } }> }>(
      'GET',
      '/api/v1/openapi.json',
    )
    const path = doc.body.paths['/api/v1/counters/{counterId}/transactions']
    expect(JSON.stringify(path?.post?.requestBody)).toContain('quantity')
  })
})

describe('a day journaled before visits held several transactions', () => {
  it('replays and reports the same as the hub reported it then', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-old-day-'))
    await mkdir(join(dir, 'journal'))
    await cp(join(FIXTURES, '2026-11-23.jsonl'), join(dir, 'journal', '2026-11-23.jsonl'))
    // The report the hub answered for this journal before the change (same request, same hub).
    const before = JSON.parse(await readFile(join(FIXTURES, 'report-2026-11-23.json'), 'utf8')) as DayReport
    f = await HubFixture.start({}, dir)
    const manager = await f.manager()
    const now = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-23', undefined, manager)
    expect(now.status).toBe(200)
    // Every figure reported before is unchanged; the new ones only add to it. The labels name the
    // branch as it is configured now (the demo branch has gained priority classes since the
    // journal was made): each label named then is still named the same.
    // One change since (audit37 F13): the "furthest over standard" list keeps only transactions
    // over their standard; those of the old report that met it are gone, the rest are unchanged.
    const { labels, ...reported } = before
    const overOnly = reported.transactions.longest.filter((x) => x.overSec !== null && x.overSec > 0)
    expect(overOnly.length).toBeLessThan(reported.transactions.longest.length)
    const figures = { ...reported, transactions: { ...reported.transactions, longest: overOnly } }
    expect(now.body).toMatchObject(figures)
    expect(now.body.transactions.longest).toHaveLength(overOnly.length)
    const { priorityClasses, ...otherLabels } = labels
    expect(now.body.labels).toMatchObject(otherLabels)
    expect(now.body.labels.priorityClasses).toEqual(expect.arrayContaining([...priorityClasses]))
    expect(now.body.transactions.visits).toMatchObject({
      visits: before.transactions.overall.count,
      transactions: before.transactions.overall.count,
      transactionsPerVisit: 1,
    })
  })
})
