import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RangeReport } from '../../shared/reports/rangeReport'
import { addDays } from '../../shared/domain/localTime'
import { seedDemoHistory } from '../../hub/demo/demoHistory'
import { HubFixture } from './support/hubFixture'

/**
 * `npm run demo` on a fresh data folder seeds simulated history: the trend view, the staffing
 * advice and the estimate honesty over time read it over real HTTP like any closed days.
 */
let f: HubFixture
const TODAY = '2026-11-24'
// Six days: the first, cold (code compiled, caches filled), takes longer than the rest, and with
// few days it alone would come near half the seeding time.
const DAYS = 6

beforeAll(async () => {
  f = await HubFixture.start()
})
afterAll(async () => {
  await f.stop()
})

describe('demo history', () => {
  it('records the days before today, and the trend view, staffing advice and estimate honesty show them', async () => {
    const ctx = f.hub.context
    // The hub is listening while it seeds: its event loop gets a turn between the days (requests
    // answered, log lines written), never held for all of them.
    const turns: number[] = [performance.now()]
    const ticking = setInterval(() => turns.push(performance.now()), 10)
    expect(await seedDemoHistory(ctx.reports, ctx.config.data, TODAY, DAYS)).toBe(DAYS)
    clearInterval(ticking)
    turns.push(performance.now())
    const gaps = turns.slice(1).map((t, i) => t - (turns[i] ?? t))
    const seeding = gaps.reduce((a, b) => a + b, 0)
    expect(Math.max(...gaps)).toBeLessThan(seeding / 2)
    const manager = await f.manager()
    const from = addDays(TODAY, -DAYS)
    const r = await f.request<RangeReport>('GET', `/api/v1/reports/range?from=${from}&to=${TODAY}`, undefined, manager)
    expect(r.status).toBe(200)
    expect(r.body.daily.map((d) => d.date)).toEqual(Array.from({ length: DAYS }, (_, i) => addDays(from, i)))
    expect(r.body.kpis.days).toBe(DAYS)
    for (const d of r.body.daily) {
      expect(d.kpis.issued).toBeGreaterThan(50)
      expect(d.kpis.estimateInsideRangeShare).not.toBeNull()
    }
    expect(r.body.hours.some((h) => h.advised > 0)).toBe(true)
  }, 240_000)

  it('leaves a history that already has days alone', async () => {
    const ctx = f.hub.context
    expect(await seedDemoHistory(ctx.reports, ctx.config.data, TODAY, DAYS)).toBe(0)
    expect(ctx.reports.summaries()).toHaveLength(DAYS)
  })
})
