import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DayReport } from '../../shared/reports/dayReport'
import type { RangeReport } from '../../shared/reports/rangeReport'
import { addDays } from '../../shared/domain/localTime'
import { seedDemoHistory } from '../../hub/demo/demoHistory'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { HubFixture } from './support/hubFixture'

/**
 * `npm run demo` on a fresh data folder seeds simulated history: every day the trend view shows
 * opens as a day report, and the days look like a bank branch's (people wait, some leave, some
 * are sent on), over real HTTP like any closed days.
 */
let f: HubFixture
// A Tuesday: the days before it are Thursday to Monday, a weekend among them (10:00–16:00).
const TODAY = '2026-11-24'
// Five days: the first, cold (code compiled, caches filled), takes longer than the rest.
const DAYS = 5

beforeAll(async () => {
  f = await HubFixture.start()
})
afterAll(async () => {
  await f.stop()
})
const place = () => ({ reports: f.hub.context.reports, fs: nodeFileSystem, dataDir: f.dataDir })

describe('demo history', () => {
  it('records the days before today, and the trend view, staffing advice and estimate honesty show them', async () => {
    const ctx = f.hub.context
    expect(await seedDemoHistory(place(), ctx.config.data, TODAY, { days: DAYS })).toBe(DAYS)
    const manager = await f.manager()
    const from = addDays(TODAY, -DAYS)
    const r = await f.request<RangeReport>('GET', `/api/v1/reports/range?from=${from}&to=${TODAY}`, undefined, manager)
    expect(r.status).toBe(200)
    expect(r.body.daily.map((d) => d.date)).toEqual(Array.from({ length: DAYS }, (_, i) => addDays(from, i)))
    expect(r.body.kpis.days).toBe(DAYS)
    for (const d of r.body.daily) {
      expect(d.kpis.issued).toBeGreaterThan(150)
      expect(d.kpis.estimateInsideRangeShare).not.toBeNull()
    }
    expect(r.body.hours.some((h) => h.advised > 0)).toBe(true)
    // A bank branch's days, not an empty hall: people wait minutes (not seconds) and not all
    // within target, some leave before their call, some are sent on to another desk, and the
    // estimates they were shown miss by real amounts.
    const k = r.body.kpis
    expect(k.waitMeanSec).toBeGreaterThan(120)
    expect(k.waitMeanSec).toBeLessThan(900)
    expect(k.waitWithinTargetShare).toBeLessThan(0.98)
    expect(k.waitWithinTargetShare).toBeGreaterThan(0.7)
    expect(k.noShows).toBeGreaterThan(0)
    expect(k.noShows / k.issued).toBeLessThan(0.1)
    expect(k.transferred).toBeGreaterThan(0)
    expect(Math.abs(k.estimateMeanErrorSec ?? 0) + (k.estimateRmseSec ?? 0)).toBeGreaterThan(30)
  }, 240_000)

  it('opens every day the trend shows as a day report, as a real closed day opens', async () => {
    const manager = await f.manager()
    for (let i = DAYS; i >= 1; i--) {
      const date = addDays(TODAY, -i)
      const r = await f.request<DayReport>('GET', `/api/v1/reports/day/${date}`, undefined, manager)
      expect(r.status, `${date}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200)
      expect(r.body.date).toBe(date)
      expect(r.body.kpis.issued).toBeGreaterThan(150)
      expect(r.body.kpis.waitMeanSec).toBeGreaterThan(60)
      // served by the demo's tellers, by name, at counters of different pace
      expect(r.body.kpis.transactionMeanSec).toBeGreaterThan(60)
      expect(JSON.stringify(r.body)).toContain('李强')
      expect(JSON.stringify(r.body)).not.toContain('sim-c')
    }
  })

  it('leaves a history that already has days alone', async () => {
    const ctx = f.hub.context
    expect(await seedDemoHistory(place(), ctx.config.data, TODAY, { days: DAYS })).toBe(0)
    expect(ctx.reports.summaries()).toHaveLength(DAYS)
  })
})
