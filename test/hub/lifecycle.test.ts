import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  ApiError,
  BranchInfo,
  CommandAck,
  QueueSnapshot,
  TicketReceipt,
  TicketStatusView,
} from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
beforeEach(async () => {
  f = await HubFixture.start()
})
afterEach(async () => {
  await f.stop()
})

const issue = (token: string, key: string, serviceId = 'personal', language = 'zh-CN') =>
  f.request<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId, priorityClassId: null, language, appointmentAt: null, idempotencyKey: key },
    token,
  )

describe('the hub over HTTP', () => {
  it('opens the business day on start and serves public branch information', async () => {
    const health = await f.request<{ day: string; seq: number }>('GET', '/api/v1/health')
    expect(health.body).toMatchObject({ ok: true, day: '2026-11-24', seq: 1 })
    const info = await f.request<BranchInfo>('GET', '/api/v1/branch')
    expect(info.status).toBe(200)
    expect(info.body.branch.services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D'])
    expect(info.body.policy.waitCapSec).toBe(2400)
    expect(JSON.stringify(info.body)).not.toContain('pinHash')
  })

  it('runs a whole visit: issue at the kiosk, call, start, complete at the counter', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)

    const receipt = await issue(kiosk, 'tap-0001')
    expect(receipt.status).toBe(200)
    expect(receipt.body).toMatchObject({
      number: 'A001',
      serviceId: 'personal',
      peopleAhead: 0,
      repeated: false,
      print: { kind: 'noPrinter' },
    })
    expect(receipt.body.estimate).toEqual({ mean: 60, p10: 30, p50: 60, p90: 90 })
    expect(receipt.body.statusPath).toMatch(/^\/#\/status\/20261124-A001\?k=[A-Za-z0-9_-]{16}$/)

    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    f.clock.advance(90)
    const called = await f.request<CommandAck>('POST', '/api/v1/counters/c1/call-next', {}, teller)
    expect(called.body.event).toMatchObject({
      type: 'ticketCalled',
      ticketId: '20261124-A001',
      counterId: 'c1',
      staffId: 't01',
    })

    const key = receipt.body.statusPath.split('k=')[1]
    const status = await f.request<TicketStatusView>('GET', `/api/v1/tickets/20261124-A001/status?k=${key}`)
    expect(status.body).toMatchObject({ number: 'A001', status: 'called', counterNumber: 1 })

    f.clock.advance(15)
    await f.request('POST', '/api/v1/counters/c1/start', {}, teller)
    f.clock.advance(50)
    const done = await f.request<CommandAck>(
      'POST',
      '/api/v1/counters/c1/complete',
      { completedServiceId: null },
      teller,
    )
    expect(done.body.event.type).toBe('serviceCompleted')
    expect((await f.request('POST', '/api/v1/tickets/20261124-A001/rate', { score: 5 }, teller)).status).toBe(200)

    const snap = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    const ticket = snap.body.state.done.find((t) => t.number === 'A001')
    expect(ticket).toMatchObject({ outcome: 'served', rating: 5 })
    expect(ticket?.visits[0]).toMatchObject({
      startedAt: ticket!.issuedAt + 105_000,
      endedAt: ticket!.issuedAt + 155_000,
    })
  })

  it('keeps everything across a restart: the journal is the state', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    await issue(kiosk, 'tap-0001')
    await issue(kiosk, 'tap-0002', 'business')
    const before = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    await f.restart()
    const manager2 = await f.manager()
    const after = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager2)
    expect(after.body.state).toEqual(before.body.state)
    // the paired kiosk's token survives the restart, and so do staff sessions (sessions.json)
    expect((await issue(kiosk, 'tap-0003')).body.number).toBe('A002')
    expect((await f.request('GET', '/api/v1/queue', undefined, manager)).status).toBe(200)
  })

  it('answers the same ticket for the same idempotency key, even after a restart', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const [a, b] = await Promise.all([issue(kiosk, 'double-tap-1'), issue(kiosk, 'double-tap-1')])
    expect(a.body.ticketId).toBe(b.body.ticketId)
    expect([a.body.repeated, b.body.repeated].sort()).toEqual([false, true])
    await f.restart()
    const c = await issue(kiosk, 'double-tap-1')
    expect(c.body).toMatchObject({ ticketId: a.body.ticketId, repeated: true })
    expect((await issue(kiosk, 'another-tap')).body.number).toBe('A002')
  })

  it('refuses an idempotency key reused for a different request, naming the key, even after a restart', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const first = await issue(kiosk, 'reused-key-1')
    expect(first.status).toBe(200)
    const seq = async () => (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
    const before = await seq()
    for (const [serviceId, language] of [
      ['business', 'zh-CN'],
      ['personal', 'en'],
    ] as const) {
      const other = await f.request<ApiError>(
        'POST',
        '/api/v1/tickets',
        { serviceId, priorityClassId: null, language, appointmentAt: null, idempotencyKey: 'reused-key-1' },
        kiosk,
      )
      expect(other.status).toBe(422)
      expect(other.body).toMatchObject({ code: 'idempotencyKeyReused', field: 'body.idempotencyKey' })
      expect(other.body.message).toMatch(/'reused-key-1' was already used today for ticket A001/)
    }
    expect(await seq()).toBe(before)
    await f.restart()
    expect((await issue(kiosk, 'reused-key-1', 'business')).status).toBe(422)
    // The same request again is still the same ticket.
    expect((await issue(kiosk, 'reused-key-1')).body).toMatchObject({ ticketId: first.body.ticketId, repeated: true })
  })

  it('never hands two racing counters the same ticket', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const t1 = await f.teller(1)
    const t2 = await f.teller(2)
    await f.request('POST', '/api/v1/counters/c1/open', {}, t1)
    await f.request('POST', '/api/v1/counters/c2/open', {}, t2)
    for (let round = 0; round < 10; round++) {
      expect((await issue(kiosk, `race-round-${round}`)).status).toBe(200)
      const [x, y] = await Promise.all([
        f.request<CommandAck>('POST', '/api/v1/counters/c1/call-next', {}, t1),
        f.request<CommandAck>('POST', '/api/v1/counters/c2/call-next', {}, t2),
      ])
      expect([x.status, y.status].sort()).toEqual([200, 409])
      const winner = x.status === 200 ? 'c1' : 'c2'
      const token = winner === 'c1' ? t1 : t2
      await f.request('POST', `/api/v1/counters/${winner}/start`, {}, token)
      await f.request('POST', `/api/v1/counters/${winner}/complete`, { completedServiceId: null }, token)
    }
    const snap = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(snap.body.state.done).toHaveLength(10)
    expect(snap.body.state.done.every((t) => t.visits.length === 1 && t.outcome === 'served')).toBe(true)
  })

  it('serves the OpenAPI document with every route of the contract', async () => {
    const doc = await f.request<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/v1/openapi.json',
    )
    expect(doc.body.openapi).toBe('3.1.0')
    const { routes } = await import('../../shared/api/routes')
    for (const r of Object.values(routes)) {
      const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}')
      expect(doc.body.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined()
    }
  })
})
