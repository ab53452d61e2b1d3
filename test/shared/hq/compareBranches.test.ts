import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { compareBranches, type BranchRow, type HqBranch } from '../../../shared/hq/compareBranches'
import { COMPARE_COLUMNS, compareValue, sortRows, worstBranches } from '../../../shared/hq/compareColumns'
import { comparisonCsv } from '../../../shared/hq/comparisonCsv'
import { groupTrend } from '../../../shared/hq/regionTrend'
import { summarizeDay, type DailySummary } from '../../../shared/reports/dailySummary'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { kpisOfSummaries } from '../../../shared/reports/summaryKpis'
import { addDays } from '../../../shared/domain/localTime'
import { busyDayEvents } from '../../../shared/sim/busyDay'

const FIRST = '2026-11-02'
function days(n: number, tickets: number, counters: number, seed: number): DailySummary[] {
  return Array.from({ length: n }, (_, d) => {
    const date = addDays(FIRST, d)
    const events = busyDayEvents({
      branch: DEMO_BRANCH,
      date,
      utcOffsetMinutes: 480,
      tickets,
      seed: seed + d,
      firstSeq: 1,
      earlyCounters: counters,
    })
    return summarizeDay(
      buildDayReport({ events, branch: DEMO_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null }),
    )
  })
}
const BRANCHES: HqBranch[] = [
  { id: 'calm', name: { 'zh-CN': '清闲', en: 'Calm' }, regionId: 'east' },
  { id: 'busy', name: { 'zh-CN': '繁忙', en: 'Busy' }, regionId: 'east' },
  { id: 'empty', name: { 'zh-CN': '无数据', en: 'Empty' }, regionId: 'north' },
]
const SUMMARIES = new Map([
  ['calm', days(2, 200, 6, 1)],
  ['busy', days(2, 1400, 3, 9)],
])
const ROWS = compareBranches(BRANCHES, SUMMARIES, FIRST, addDays(FIRST, 1))
const row = (id: string) => ROWS.find((r) => r.branchId === id) as BranchRow

describe('compareBranches', () => {
  it("merges each branch's days exactly as its own range report does", () => {
    expect(row('busy').kpis).toEqual(kpisOfSummaries(SUMMARIES.get('busy') ?? []))
    expect(row('busy').days).toBe(2)
    expect(row('busy').noShowShare).toBeCloseTo(row('busy').kpis.noShows / row('busy').kpis.issued)
  })

  it('finds a larger staffing shortfall where fewer counters serve more customers', () => {
    expect(row('busy').shortfallCounterHours).toBeGreaterThan(row('calm').shortfallCounterHours + 1)
    expect(row('busy').shortHours).toBeGreaterThan(0)
  })

  it('names the days summarised under older report rules, so the comparison does not mix rules silently', () => {
    const [first, second] = days(2, 50, 2, 3) as [DailySummary, DailySummary]
    const { rulesVersion: _r, ...before } = first
    const mixed = compareBranches([BRANCHES[0] as HqBranch], new Map([['calm', [second, before]]]), FIRST, second.date)
    expect(mixed[0]?.olderRulesDays).toEqual([FIRST])
    expect(row('calm').olderRulesDays).toEqual([])
    const csv = comparisonCsv({ from: FIRST, to: second.date, regions: [], branches: BRANCHES, rows: mixed }, 'en')
    expect(csv.split('\r\n')[0]).toMatch(/,Days under older report rules$/)
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`,${FIRST}$`))
  })

  describe('edge cases', () => {
    it('gives a branch with no days a row of gaps', () => {
      expect(row('empty')).toMatchObject({ days: 0, noShowShare: null, shortfallCounterHours: 0 })
      expect(compareValue(row('empty'), 'shortfallCounterHours')).toBeNull()
      expect(row('empty').kpis.waitMeanSec).toBeNull()
    })
  })
})

describe('sortRows and worstBranches', () => {
  it('sorts by a column both ways, gaps last', () => {
    expect(sortRows(ROWS, 'waitMeanSec', 'asc').map((r) => r.branchId)).toEqual(['calm', 'busy', 'empty'])
    expect(sortRows(ROWS, 'waitMeanSec', 'desc').map((r) => r.branchId)).toEqual(['busy', 'calm', 'empty'])
  })

  it('marks the worst branch of each column that has a better direction', () => {
    const worst = worstBranches(ROWS)
    expect(worst.get('waitMeanSec')).toBe('busy')
    expect(worst.get('waitWithinTargetShare')).toBe('busy')
    expect(worst.has('issued')).toBe(false)
  })

  it('marks none where the worst is level with the next at the step the screen shows', () => {
    const calm = row('calm')
    // 60.1 % beside 60.4 %: both read "60%" on screen, so neither is the worst.
    const level = [
      { ...calm, branchId: 'a', kpis: { ...calm.kpis, transactionWithinStandardShare: 0.601 } },
      { ...calm, branchId: 'b', kpis: { ...calm.kpis, transactionWithinStandardShare: 0.604 } },
      { ...calm, branchId: 'c', kpis: { ...calm.kpis, transactionWithinStandardShare: 0.7 } },
    ]
    expect(worstBranches(level).has('transactionWithinStandardShare')).toBe(false)
    const apart = level.map((r) =>
      r.branchId === 'a' ? { ...r, kpis: { ...r.kpis, transactionWithinStandardShare: 0.58 } } : r,
    )
    expect(worstBranches(apart).get('transactionWithinStandardShare')).toBe('a')
  })

  it("heads a column whose cells carry their own units without the CSV's unit", () => {
    const heading = (key: string) => COMPARE_COLUMNS.find((c) => c.key === key)?.heading
    expect(heading('waitMeanSec')).toEqual({ 'zh-CN': '平均等候', en: 'Mean wait' })
    expect(COMPARE_COLUMNS.find((c) => c.key === 'waitMeanSec')?.label.en).toBe('Mean wait (s)')
    for (const c of COMPARE_COLUMNS.filter((x) => x.key.endsWith('Sec'))) expect(c.heading.en).not.toMatch(/\(s\)/u)
  })
})

describe('comparisonCsv', () => {
  it('writes a row per branch with names in the chosen language and shares in percent', () => {
    const csv = comparisonCsv(
      {
        from: FIRST,
        to: FIRST,
        regions: [{ id: 'east', name: { 'zh-CN': '华东', en: 'East' } }],
        branches: BRANCHES,
        rows: ROWS,
      },
      'en',
    )
    const lines = csv.split('\r\n')
    expect(lines[0]).toMatch(/^\uFEFFBranch,Region,Days,Tickets issued,/)
    const busy = lines.find((l) => l.startsWith('Busy,East,2,')) as string
    const share = Math.round((row('busy').kpis.waitWithinTargetShare as number) * 1000) / 10
    expect(busy.split(',')[6]).toBe(String(share))
  })
})

describe('groupTrend', () => {
  it('merges all branches of a date into one point, by day or by week', () => {
    const all = [...(SUMMARIES.get('calm') ?? []), ...(SUMMARIES.get('busy') ?? [])]
    const points = groupTrend(all, FIRST, addDays(FIRST, 1), 'day')
    expect(points.map((p) => p.date)).toEqual([FIRST, addDays(FIRST, 1)])
    expect(points[0]?.kpis.issued).toBe(all.filter((s) => s.date === FIRST).reduce((t, s) => t + s.issued, 0))
    expect(groupTrend(all, FIRST, addDays(FIRST, 1), 'week')).toHaveLength(1)
  })
})
