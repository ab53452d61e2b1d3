import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import type { ApiError } from '../../shared/api/views'
import type { DayReport } from '../../shared/reports/dayReport'
import type { RangeReport } from '../../shared/reports/rangeReport'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
beforeEach(async () => {
  // Friday 2026-11-27, 10:00 in Beijing
  f = await HubFixture.start({}, undefined, new FakeClock(Date.UTC(2026, 10, 27, 2)))
})
afterEach(async () => {
  await f.stop()
})

async function busyMorning(): Promise<{ manager: string; kiosk: string; teller: string }> {
  const manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  const teller = await f.teller(1)
  await f.request('POST', '/api/v1/counters/c1/open', {}, teller)
  for (let i = 0; i < 5; i++) {
    await f.request(
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'personal',
        priorityClassId: null,
        language: 'zh-CN',
        appointmentAt: null,
        idempotencyKey: `report-tap-${i}`,
      },
      kiosk,
    )
  }
  for (let i = 0; i < 3; i++) {
    f.clock.advance(120)
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)
    f.clock.advance(20)
    await f.request('POST', '/api/v1/counters/c1/start', {}, teller)
    f.clock.advance(50 + 20 * i)
    await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, teller)
  }
  return { manager, kiosk, teller }
}

describe('reports over the API', () => {
  it("builds today's report so far, and its CSV for Excel", async () => {
    const { manager } = await busyMorning()
    const r = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-27', undefined, manager)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ kind: 'day', date: '2026-11-27' })
    expect(r.body.volume).toMatchObject({ issued: 5, served: 3 })
    // 50, 70 and 90 s against the one-minute standard: one of three within it
    expect(r.body.kpis.transactionWithinStandardShare).toBeCloseTo(1 / 3, 6)
    // The report names the tellers as configured (the events carry only their ids).
    expect(r.body.labels.staff).toContainEqual({ id: 't01', name: '王芳' })
    expect(r.body.transactions.byStaff.map((s) => s.staffId)).toEqual(['t01'])
    const csv = await fetch(`${f.url}/api/v1/reports/day/2026-11-27/csv?kind=tickets&lang=en`, {
      headers: { authorization: `Bearer ${manager}` },
    })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // a byte-order mark, so Excel reads UTF-8
    expect(new TextDecoder().decode(bytes).trim().split('\r\n')).toHaveLength(1 + 5)
  })

  it('keeps the summary of a closed day for the trend view', async () => {
    const { manager } = await busyMorning()
    await f.request('POST', '/api/v1/day/close', {}, manager)
    const range = await f.request<RangeReport>(
      'GET',
      '/api/v1/reports/range?from=2026-11-01&to=2026-11-30',
      undefined,
      manager,
    )
    expect(range.status).toBe(200)
    expect(range.body.daily.map((d) => d.date)).toEqual(['2026-11-27'])
    expect(range.body.kpis).toMatchObject({ days: 1 })
    // the summary survives a restart
    await f.restart()
    const m2 = await f.manager()
    const again = await f.request<RangeReport>(
      'GET',
      '/api/v1/reports/range?from=2026-11-27&to=2026-11-27',
      undefined,
      m2,
    )
    expect(again.body.daily).toHaveLength(1)
  })

  it('refuses a day without a journal and a range the wrong way round', async () => {
    const manager = await f.manager()
    expect((await f.request('GET', '/api/v1/reports/day/2026-01-05', undefined, manager)).status).toBe(404)
    expect(
      (await f.request('GET', '/api/v1/reports/range?from=2026-12-01&to=2026-11-01', undefined, manager)).status,
    ).toBe(400)
    const teller = await f.teller(2)
    expect((await f.request('GET', '/api/v1/reports/day/2026-11-27', undefined, teller)).status).toBe(403)
  })

  it('answers 400 naming the field for a date that is not on the calendar, in a path, a range or a booking day', async () => {
    const manager = await f.manager()
    const cases = [
      ['/api/v1/reports/day/2026-13-45', 'params.date'],
      ['/api/v1/reports/day/2026-02-30', 'params.date'],
      ['/api/v1/reports/day/2026-02-30/csv?kind=tickets&lang=en', 'params.date'],
      ['/api/v1/reports/range?from=2026-11-01&to=2026-11-31', 'query.to'],
      ['/api/v1/reports/range?from=2025-02-29&to=2025-03-01', 'query.from'],
      ['/api/v1/appointments/slots?serviceId=personal&day=2026-02-30', 'query.day'],
      ['/api/v1/appointments?day=2026-04-31', 'query.day'],
    ] as const
    for (const [path, field] of cases) {
      const r = await f.request<ApiError>('GET', path, undefined, manager)
      expect(r.status, path).toBe(400)
      expect(r.body, path).toMatchObject({ code: 'invalidRequest', field })
      expect(r.body.message, path).toBe(`${field}: must be a calendar date, YYYY-MM-DD`)
    }
    // A leap day is a date.
    expect(
      (await f.request('GET', '/api/v1/reports/range?from=2024-02-29&to=2024-03-01', undefined, manager)).status,
    ).toBe(200)
  })
})

describe('what if', () => {
  it('simulates a scenario on its own thread and answers its KPIs, or the scenario’s problems', async () => {
    const manager = await f.manager()
    const scenario = JSON.parse(await readFile('docs/scenarios/mm3.json', 'utf8')) as Record<string, unknown>
    const r = await f.request<{ ok: boolean; summary: { branch: { issued: number } }; kpis: { days: number } }>(
      'POST',
      '/api/v1/simulations',
      { scenario, seed: 7 },
      manager,
    )
    expect(r.status).toBe(200)
    expect(r.body.ok).toBe(true)
    expect(r.body.summary.branch.issued).toBeGreaterThan(50)
    const bad = await f.request<{ message: string; field: string }>(
      'POST',
      '/api/v1/simulations',
      { scenario: { ...scenario, counters: 'three' }, seed: 7 },
      manager,
    )
    expect(bad.status).toBe(422)
    expect(bad.body.message).toContain('counters')
  }, 60_000)
})

describe('feedback', () => {
  it('gives a complaint its 3-working-day deadline and tracks the reply', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const posted = await f.request<FeedbackRecord>(
      'POST',
      '/api/v1/feedback',
      { ticketId: null, kind: 'complaint', text: '等了很久没人解释' },
      kiosk,
    )
    expect(posted.status).toBe(200)
    expect(posted.body.channel).toBe('kiosk')
    // received Friday: Monday, Tuesday, Wednesday are the three working days; due by the end of Wednesday
    expect(posted.body.deadline).toBe(Date.UTC(2026, 11, 2, 16))
    const list = await f.request<{ records: { id: string; status: string }[] }>(
      'GET',
      '/api/v1/feedback',
      undefined,
      manager,
    )
    expect(list.body.records.map((r) => r.status)).toEqual(['open'])
    f.clock.advance(3600)
    const resolved = await f.request<FeedbackRecord>(
      'POST',
      `/api/v1/feedback/${posted.body.id}/resolve`,
      { resolution: '已致电客户致歉并说明原因' },
      manager,
    )
    expect(resolved.body.resolvedAt).not.toBeNull()
    const after = await f.request<{ records: { status: string }[] }>('GET', '/api/v1/feedback', undefined, manager)
    expect(after.body.records.map((r) => r.status)).toEqual(['resolvedOnTime'])
    expect((await f.request('POST', '/api/v1/feedback/nope/resolve', { resolution: 'x' }, manager)).status).toBe(404)
    expect((await f.request('GET', '/api/v1/feedback', undefined, kiosk)).status).toBe(403)
  })
})
