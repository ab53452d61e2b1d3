import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { REPORT_RULES, type DailySummary } from '../../shared/reports/dailySummary'
import type { RangeReport } from '../../shared/reports/rangeReport'
import { FakeClock, TEN_AM } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'
import { hubLogLines } from './support/hubLogFile'

/** A data folder as the first release wrote it: one closed day, its journal and its summary. */
const FIRST = fileURLToPath(new URL('./fixtures/first-release/', import.meta.url))

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bl-rules-'))
  await cp(FIRST, dir, { recursive: true })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface History {
  version: 1
  days: DailySummary[]
}
const readHistory = async (): Promise<History> =>
  JSON.parse(await readFile(join(dir, 'history.json'), 'utf8')) as History
const dayOf = (h: History, date: string) => h.days.find((d) => d.date === date)

describe('stored day summaries under older report rules', () => {
  it('are computed again from their journals at start, logged; a day without a readable journal keeps its own, and says so', async () => {
    const history = await readHistory()
    const old = dayOf(history, '2026-11-24') as DailySummary
    expect(old.rulesVersion).toBeUndefined()
    // The figures an older version's rules gave (here: two more served), and two more old days:
    // one whose journal was pruned after the retention period, one whose journal is damaged.
    const stale = { ...old, served: old.served + 2 }
    const pruned = { ...old, date: '2026-11-20' }
    const damaged = { ...old, date: '2026-11-21' }
    await writeFile(join(dir, 'history.json'), JSON.stringify({ ...history, days: [pruned, damaged, stale] }))
    await writeFile(join(dir, 'journal', '2026-11-21.jsonl'), 'not a record\nnor this\n')

    const clock = new FakeClock(TEN_AM + 86_400_000)
    const f = await HubFixture.start({ demo: false }, dir, clock)
    try {
      const after = await readHistory()
      // Under this version's rules, from the journal: the served the journal shows, and the fields
      // those rules add (a manager's close: no note, nobody ended with the day).
      expect(dayOf(after, '2026-11-24')).toMatchObject({
        rulesVersion: REPORT_RULES,
        served: old.served,
        autoClosed: null,
        dayEnded: 0,
        issued: old.issued,
      })
      expect(dayOf(after, '2026-11-20')).toEqual(pruned)
      expect(dayOf(after, '2026-11-21')).toEqual(damaged)
      // The trend reads the recomputed day.
      const manager = await f.manager()
      const range = await f.request<RangeReport>(
        'GET',
        '/api/v1/reports/range?from=2026-11-24&to=2026-11-24',
        undefined,
        manager,
      )
      expect(range.body.kpis).toMatchObject({ days: 1, served: old.served, dayEnded: 0 })
      // The manager's screen shows what was kept, and why.
      const status = await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)
      const kept = status.body.warnings.filter((w) => w.event === 'reports.keptOldRules')
      const said = (date: string) =>
        kept.find((w) => JSON.stringify(w.params.dates) === JSON.stringify([date]))?.message
      expect(kept).toHaveLength(2)
      expect(said('2026-11-20')).toMatch(/2026-11-20: its journal is no longer kept/)
      expect(said('2026-11-21')).toMatch(/2026-11-21: its journal cannot be read/)
    } finally {
      await f.stop(false)
    }
    const logged = (await hubLogLines(dir)).filter((l) => l.event === 'reports.recomputed')
    expect(logged.map((l) => l.dates)).toEqual([['2026-11-24']])

    // Once computed again, a day is not computed again at the next start.
    const g = await HubFixture.start({ demo: false }, dir, clock)
    await g.stop(false)
    expect((await hubLogLines(dir)).filter((l) => l.event === 'reports.recomputed')).toHaveLength(1)
  }, 60_000)
})
