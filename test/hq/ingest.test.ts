import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DayReport } from '../../shared/reports/dayReport'
import { branchDayReport, feedbackWindow } from '../../shared/hq/branchDayReport'
import { feedbackId, type FeedbackRecord } from '../../shared/feedback/feedback'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import type { BranchStatus, Comparison, ReplicationAck } from '../../shared/hq/views'
import { summarizeDay } from '../../shared/reports/dailySummary'
import { DATABASE_KINDS, TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'
import { DEMO_REPORT_CONFIG, simulatedDays } from './support/simulatedBranch'

const EVENTS = '/api/hq/v1/replication/events'
// Two days in October and one in November: two monthly partitions.
const DAYS = simulatedDays('2026-10-30', 3, 120, 7)
const day = (i: number) => DAYS[i] as { day: string; records: JournalRecord[] }
const seqOf = (r: JournalRecord | undefined) => r?.e.seq ?? -1

describe.each(DATABASE_KINDS)('HQ ingest on %s', (kind) => {
  const dbs = new TestDatabases(kind)
  let hq: HqFixture
  let tokens: Record<string, string>
  let headOffice: string
  let regional: Record<string, string>

  beforeAll(async () => {
    hq = await HqFixture.start(await dbs.fresh())
    ;({ tokens, headOffice, regional } = await hq.seed({ east: ['pudong', 'jingan'], north: ['haidian'] }))
    const ship = await hq.request(
      'POST',
      '/api/hq/v1/replication/config',
      { hash: 'demo-config-1', config: DEMO_REPORT_CONFIG },
      tokens.pudong,
    )
    expect(ship.status).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await hq?.stop()
    await dbs.cleanUp()
  })

  const send = (branch: string, dayIndex: number, records: JournalRecord[], gap?: boolean) =>
    hq.request<ReplicationAck>(
      'POST',
      EVENTS,
      { day: day(dayIndex).day, records, ...(gap === undefined ? {} : { gap }) },
      tokens[branch],
    )

  it('stores batches in order and answers where its copy stands', async () => {
    const recs = day(0).records
    const a = await send('pudong', 0, recs.slice(0, 100))
    expect(a.body).toEqual({ stored: 100, lastSeq: 100, expectedSeq: 101 })
    const b = await send('pudong', 0, recs.slice(100))
    expect(b.status).toBe(200)
    expect(b.body.lastSeq).toBe(seqOf(recs.at(-1)))
  })

  it('takes a repeated or overlapping batch for its new part only', async () => {
    const recs = day(1).records
    const first = await send('pudong', 1, recs.slice(0, 50))
    expect(first.body.stored).toBe(50)
    expect((await send('pudong', 1, recs.slice(0, 50))).body.stored).toBe(0)
    const overlap = await send('pudong', 1, recs.slice(25, 80))
    expect(overlap.body).toMatchObject({ stored: 30, lastSeq: seqOf(recs[79]) })
    expect((await send('pudong', 1, recs.slice(80))).body.lastSeq).toBe(seqOf(recs.at(-1)))
  })

  it('stores nothing of a batch that would leave a hole, and says which seq to send', async () => {
    const recs = day(2).records
    const ahead = await send('pudong', 2, recs.slice(10, 20))
    expect(ahead.body).toEqual({ stored: 0, lastSeq: seqOf(day(1).records.at(-1)), expectedSeq: seqOf(recs[0]) })
    expect((await send('pudong', 2, recs)).body.stored).toBe(recs.length)
  })

  it('refuses a malformed record with the field named, storing nothing', async () => {
    const [first] = day(0).records as [JournalRecord]
    const bad = { ...first, e: { ...first.e, seq: 'one' } }
    const r = await hq.request<{ field: string; message: string }>(
      'POST',
      EVENTS,
      { day: day(0).day, records: [bad] },
      tokens.jingan,
    )
    expect(r.status).toBe(400)
    expect(r.body.field).toMatch(/^body\.records\[0\]/)
    const gaps = day(0)
      .records.filter((_, i) => i !== 3)
      .slice(0, 10)
    const hole = await hq.request<{ code: string }>('POST', EVENTS, { day: day(0).day, records: gaps }, tokens.jingan)
    expect(hole.status).toBe(400)
    expect(hole.body.code).toBe('notContiguous')
    const status = await hq.request<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice)
    expect(status.body.find((s) => s.branch.id === 'jingan')?.lastSeq).toBeNull()
  })

  it('keeps events in monthly partitions, and a day query reads one of them', async () => {
    expect(await hq.hq.context.replication.monthPartitions.list()).toEqual(['events_y2026m10', 'events_y2026m11'])
    const plan = await hq.hq.context.db.query<Record<string, string>>(
      "explain select rec from events where branch_id = 1 and day = '2026-11-01'::date order by seq",
    )
    const text = plan.map((r) => Object.values(r)[0]).join('\n')
    expect(text).toContain('events_y2026m11')
    expect(text).not.toContain('events_y2026m10')
  })

  it("builds a branch's day report from its replicated events exactly as the branch does", async () => {
    const r = await hq.request<DayReport>('GET', `/api/hq/v1/branches/pudong/days/${day(1).day}`, undefined, headOffice)
    expect(r.status).toBe(200)
    const own = branchDayReport({
      date: day(1).day,
      events: day(1).records.map((x) => x.e),
      config: DEMO_REPORT_CONFIG,
      feedback: [],
      asOf: null,
    })
    expect(r.body).toEqual(JSON.parse(JSON.stringify(own)))
  })

  it('compares branches from summaries: the branch’s own win over HQ’s, which fill the days it has not sent', async () => {
    const url = `/api/hq/v1/compare?from=${day(0).day}&to=${day(2).day}`
    const before = await hq.request<Comparison>('GET', url, undefined, headOffice)
    const pudong = before.body.rows.find((x) => x.branchId === 'pudong')
    expect(pudong?.days).toBe(3)
    const ownOf = (i: number) =>
      summarizeDay(
        branchDayReport({
          date: day(i).day,
          events: day(i).records.map((x) => x.e),
          config: DEMO_REPORT_CONFIG,
          feedback: [],
          asOf: null,
        }),
      )
    expect(pudong?.kpis.issued).toBe([0, 1, 2].reduce((s, i) => s + ownOf(i).issued, 0))
    // The branch's own summary of day 0, altered, replaces HQ's; HQ's never replace it back.
    const altered = { ...ownOf(0), issued: ownOf(0).issued + 1000 }
    expect(
      (await hq.request('POST', '/api/hq/v1/replication/summaries', { summaries: [altered] }, tokens.pudong)).status,
    ).toBe(200)
    const after = await hq.request<Comparison>('GET', url, undefined, headOffice)
    expect(after.body.rows.find((x) => x.branchId === 'pudong')?.kpis.issued).toBe((pudong?.kpis.issued ?? 0) + 1000)
  })

  it('shows a regional manager only the branches of their region', async () => {
    const north = await hq.request<Comparison>(
      'GET',
      `/api/hq/v1/compare?from=${day(0).day}&to=${day(2).day}`,
      undefined,
      regional.north,
    )
    expect(north.body.rows.map((x) => x.branchId)).toEqual(['haidian'])
    const other = await hq.request<{ code: string }>(
      'GET',
      `/api/hq/v1/branches/pudong/days/${day(1).day}`,
      undefined,
      regional.north,
    )
    expect(other.status).toBe(404)
  })

  it('lets each caller do only what its role may', async () => {
    expect((await hq.request('POST', EVENTS, { day: day(0).day, records: day(0).records.slice(0, 1) })).status).toBe(
      401,
    )
    expect((await send('haidian', 0, day(0).records.slice(0, 1))).status).toBe(200)
    expect(
      (await hq.request('POST', EVENTS, { day: day(0).day, records: day(0).records.slice(0, 1) }, headOffice)).status,
    ).toBe(403)
    expect((await hq.request('GET', '/api/hq/v1/branches', undefined, tokens.pudong)).status).toBe(403)
    expect(
      (
        await hq.request(
          'POST',
          '/api/hq/v1/branches',
          { id: 'x1', name: { 'zh-CN': 'x', en: 'x' }, regionId: 'east' },
          regional.east,
        )
      ).status,
    ).toBe(403)
    const revoke = await hq.request<{ tokenId: number }[]>(
      'GET',
      '/api/hq/v1/branches/haidian/tokens',
      undefined,
      headOffice,
    )
    const id = revoke.body[0]?.tokenId
    expect((await hq.request('DELETE', `/api/hq/v1/tokens/${id}`, undefined, headOffice)).body).toEqual({
      revoked: true,
    })
    expect((await send('haidian', 0, day(0).records.slice(1, 2))).status).toBe(401)
  })

  it("reads only the feedback open during the drilled-down day, and the report still equals the branch's", async () => {
    const { from, to } = feedbackWindow(day(1).day, DEMO_REPORT_CONFIG.utcOffsetMinutes, null)
    const record = (id: string, receivedAt: number, resolvedAt: number | null): FeedbackRecord => ({
      id: feedbackId(id),
      ticketId: null,
      kind: 'complaint',
      channel: 'kiosk',
      text: id,
      receivedAt,
      deadline: receivedAt + 3 * 86_400_000,
      resolvedAt,
      resolution: resolvedAt === null ? null : 'answered',
    })
    const all = [
      record('that-day', from + 3_600_000, null),
      record('open-since-before', from - 86_400_000, to + 60_000),
      record('resolved-before', from - 86_400_000, from - 3_600_000),
      record('came-after', to + 3_600_000, null),
    ]
    const shipped = await hq.request('POST', '/api/hq/v1/replication/feedback', { records: all }, tokens.pudong)
    expect(shipped.status).toBe(200)
    const r = await hq.request<DayReport>('GET', `/api/hq/v1/branches/pudong/days/${day(1).day}`, undefined, headOffice)
    const own = branchDayReport({
      date: day(1).day,
      events: day(1).records.map((x) => x.e),
      config: DEMO_REPORT_CONFIG,
      feedback: all,
      asOf: null,
    })
    expect(r.body).toEqual(JSON.parse(JSON.stringify(own)))
    expect(JSON.stringify(r.body)).toContain('open-since-before')
    expect(JSON.stringify(r.body)).not.toContain('came-after')
  })
})
