import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { branchDayReport } from '../../shared/hq/branchDayReport'
import type { Comparison, ReplicationAck } from '../../shared/hq/views'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import { REPORT_RULES, summarizeDay, type DailySummary } from '../../shared/reports/dailySummary'
import { DATABASE_KINDS, TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'
import { DEMO_REPORT_CONFIG, simulatedDays } from './support/simulatedBranch'

// Two days of one branch: the first closed by its hub at the end of the day (nobody closed it).
const [FIRST, SECOND] = simulatedDays('2026-11-02', 2, 60, 11) as [
  { day: string; records: JournalRecord[] },
  { day: string; records: JournalRecord[] },
]
const autoClosed = FIRST.records.map((r): JournalRecord =>
  r.e.type === 'dayClosed' ? { ...r, e: { ...r.e, auto: 'endOfDay' } } : r,
)
const ownSummary = (day: string, records: readonly JournalRecord[]): DailySummary =>
  summarizeDay(
    branchDayReport({
      date: day,
      events: records.map((r) => r.e),
      config: DEMO_REPORT_CONFIG,
      feedback: [],
      asOf: null,
    }),
  )

describe.each(DATABASE_KINDS)('day summaries at HQ on %s', (kind) => {
  const dbs = new TestDatabases(kind)
  let hq: HqFixture
  let tokens: Record<string, string>
  let headOffice: string
  const compare = async () => {
    const r = await hq.request<Comparison>(
      'GET',
      `/api/hq/v1/compare?from=${FIRST.day}&to=${SECOND.day}`,
      undefined,
      headOffice,
    )
    expect(r.status).toBe(200)
    return r.body
  }
  const rowOf = (c: Comparison, branchId: string) => c.rows.find((r) => r.branchId === branchId)

  beforeAll(async () => {
    hq = await HqFixture.start(await dbs.fresh())
    ;({ tokens, headOffice } = await hq.seed({ east: ['pudong', 'jingan'] }))
    for (const b of ['pudong', 'jingan']) {
      const config = { hash: 'demo-config-1', config: DEMO_REPORT_CONFIG }
      expect((await hq.request('POST', '/api/hq/v1/replication/config', config, tokens[b])).status).toBe(200)
    }
    const ship = await hq.request<ReplicationAck>(
      'POST',
      '/api/hq/v1/replication/events',
      { day: FIRST.day, records: autoClosed },
      tokens.pudong,
    )
    expect(ship.status).toBe(200)
  }, 120_000)
  afterAll(async () => {
    await hq?.stop()
    await dbs.cleanUp()
  })

  it("lists the days a branch's hub closed by itself, from HQ's own summary of its events", async () => {
    const row = rowOf(await compare(), 'pudong')
    expect(row?.days).toBe(1)
    expect(row?.autoClosedDays).toEqual([{ date: FIRST.day, autoClosed: 'endOfDay' }])
    const [stored] = await hq.hq.context.db.query<{ summary: DailySummary }>(
      `select summary from day_summaries where day = $1::date`,
      [FIRST.day],
    )
    expect(stored?.summary).toMatchObject({ rulesVersion: REPORT_RULES, autoClosed: 'endOfDay' })
  })

  it("takes the note from a branch's own shipped summary, and lists it beside the branch", async () => {
    const own = { ...ownSummary(SECOND.day, SECOND.records), autoClosed: 'afterOutage' as const }
    const shipped = await hq.request('POST', '/api/hq/v1/replication/summaries', { summaries: [own] }, tokens.jingan)
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)
    const c = await compare()
    expect(rowOf(c, 'jingan')?.autoClosedDays).toEqual([{ date: SECOND.day, autoClosed: 'afterOutage' }])
    expect(rowOf(c, 'pudong')?.autoClosedDays).toEqual([{ date: FIRST.day, autoClosed: 'endOfDay' }])
  })

  it('computes again its own summary of a day made under older report rules, from the events it holds', async () => {
    // HQ's summary as an older HQ made it: no rules version, no note, and its figures then.
    const { rulesVersion: _r, autoClosed: _a, dayEnded: _d, ...older } = ownSummary(FIRST.day, autoClosed)
    await hq.hq.context.db.query(`update day_summaries set summary = $1::jsonb where day = $2::date`, [
      JSON.stringify({ ...older, issued: older.issued + 500 }),
      FIRST.day,
    ])
    const row = rowOf(await compare(), 'pudong')
    expect(row?.kpis.issued).toBe(older.issued)
    expect(row?.autoClosedDays).toEqual([{ date: FIRST.day, autoClosed: 'endOfDay' }])
  })

  it("computes again a branch's own summary made under older report rules, when HQ holds the day's events whole", async () => {
    // A branch whose hub was not upgraded yet (or whose journals were pruned): it ships the day's
    // events and its summary under the rules before versioning, with other figures than today's.
    const reg = hq.hq.context.registry
    await reg.addBranch('xuhui', { 'zh-CN': '徐汇支行', en: 'Xuhui' }, 'east')
    const token = (await reg.issueToken('xuhui', 'test hub')).token
    const config = { hash: 'demo-config-1', config: DEMO_REPORT_CONFIG }
    expect((await hq.request('POST', '/api/hq/v1/replication/config', config, token)).status).toBe(200)
    const day = { day: FIRST.day, records: FIRST.records }
    expect((await hq.request('POST', '/api/hq/v1/replication/events', day, token)).status).toBe(200)
    const own = ownSummary(FIRST.day, FIRST.records)
    const { rulesVersion: _r, autoClosed: _a, dayEnded: _d, ...older } = own
    const oldRules = { ...older, issued: older.issued + 500 }
    const shipped = await hq.request('POST', '/api/hq/v1/replication/summaries', { summaries: [oldRules] }, token)
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200)

    expect(rowOf(await compare(), 'xuhui')?.kpis.issued).toBe(own.issued)
    const [stored] = await hq.hq.context.db.query<{ summary: DailySummary; source: string }>(
      `select summary, source from day_summaries where day = $1::date
       and branch_id = (select id from branches where code = 'xuhui')`,
      [FIRST.day],
    )
    expect(stored).toMatchObject({ source: 'hq', summary: { rulesVersion: REPORT_RULES, issued: own.issued } })
    // The branch, upgraded, ships its own under these rules: the branch's wins again.
    const again = await hq.request('POST', '/api/hq/v1/replication/summaries', { summaries: [own] }, token)
    expect(again.status).toBe(200)
    const [after] = await hq.hq.context.db.query<{ source: string }>(
      `select source from day_summaries where day = $1::date
       and branch_id = (select id from branches where code = 'xuhui')`,
      [FIRST.day],
    )
    expect(after?.source).toBe('branch')
    expect(rowOf(await compare(), 'xuhui')?.olderRulesDays).toEqual([])
  })

  it('names a day under older report rules it cannot compute again (no whole copy of its events)', async () => {
    // jingan shipped no events of SECOND: its summary under older rules stays, and is named.
    const { rulesVersion: _r, autoClosed: _a, dayEnded: _d, ...older } = ownSummary(SECOND.day, SECOND.records)
    const shipped = await hq.request('POST', '/api/hq/v1/replication/summaries', { summaries: [older] }, tokens.jingan)
    expect(shipped.status).toBe(200)
    const row = rowOf(await compare(), 'jingan')
    expect(row?.olderRulesDays).toEqual([SECOND.day])
    expect(row?.kpis.issued).toBe(older.issued)
    expect(rowOf(await compare(), 'pudong')?.olderRulesDays).toEqual([])
  })
})
