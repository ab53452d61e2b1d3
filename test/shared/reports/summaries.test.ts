import { describe, expect, it } from 'vitest'
import { buildDayReport, type DayReport } from '../../../shared/reports/dayReport'
import { summarizeDay, type DailySummary } from '../../../shared/reports/dailySummary'
import { DailySummarySchema } from '../../../shared/hq/summarySchema'
import { DURATION_EDGES, histogramOf, quantileOfHistogram, WAIT_EDGES } from '../../../shared/reports/histogram'
import { KPI_KEYS } from '../../../shared/reports/kpis'
import { addDays, weekStart } from '../../../shared/domain/localTime'
import { rangeReport } from '../../../shared/reports/rangeReport'
import { quantileSorted } from '../../../shared/reports/stats'
import { kpisOfSummaries } from '../../../shared/reports/summaryKpis'
import { compareWeeks } from '../../../shared/reports/weekOverWeek'
import { schemaProblems } from '../../../shared/util/schemaProblems'
import { A, TEST_BRANCH } from '../support/testBranch'
import { BEIJING, hourlyPoissonArrivals, OPEN_AT, poolBranch, rngFor } from './support/scenarios'
import { simulateDayEvents } from './support/simulatedDayEvents'

const branch = poolBranch(TEST_BRANCH, 3, [A])

/** A simulated 8-hour day on `date` with `perHour` arrivals in each hour. */
function day(date: string, seed: number, perHour: number): DayReport {
  const offset = Date.parse(`${date}T00:00:00Z`) - Date.parse('2026-11-24T00:00:00Z')
  const { events } = simulateDayEvents(
    {
      branch,
      openAt: OPEN_AT + offset,
      date,
      arrivals: hourlyPoissonArrivals(seed, new Array<number>(8).fill(perHour), 60, A),
      counters: branch.counters.map((c) => ({ id: c.id, openSec: 0, closeSec: null })),
      serviceTime: () => 60,
      walkSec: 5,
      recallIntervalSec: 20,
      estimateAtIssue: (state) => {
        const n = state.open.filter((t) => t.status === 'waiting').length
        return { mean: n * 25, p10: n * 10, p50: n * 22, p90: n * 45 }
      },
    },
    rngFor(seed),
  )
  return buildDayReport({ events, branch, utcOffsetMinutes: BEIJING, feedback: [], asOf: null })
}

describe('summarizeDay', () => {
  const report = day('2026-11-24', 1, 150)
  const summary = summarizeDay(report)

  it('gives back the day report KPIs from the stored summary alone', () => {
    const fromSummary = kpisOfSummaries([summary])
    for (const { key } of KPI_KEYS) {
      const expected = report.kpis[key]
      if (expected === null) expect(fromSummary[key], key).toBeNull()
      else expect(fromSummary[key], key).toBeCloseTo(expected, 6)
    }
    expect(report.kpis.issued).toBeGreaterThan(1000)
  })

  it('is compact, plain JSON', () => {
    expect(JSON.parse(JSON.stringify(summary))).toStrictEqual(summary)
    expect(JSON.stringify(summary).length).toBeLessThan(6000)
  })

  it('fits its schema on a day someone waited 3 hours and was held at a counter for 2', () => {
    // Each histogram then reaches far into its edges: every bin of them must be allowed.
    const long = {
      ...summary,
      wait: { ...summary.wait, hist: histogramOf([3 * 3600, 99_999], WAIT_EDGES) },
      hold: { ...summary.hold, hist: histogramOf([2 * 3600, 99_999], DURATION_EDGES) },
    }
    expect(long.wait.hist).toHaveLength(WAIT_EDGES.length)
    expect(long.hold.hist).toHaveLength(DURATION_EDGES.length)
    expect(schemaProblems(DailySummarySchema, long)).toEqual([])
  })
})

describe('kpisOfSummaries over several days', () => {
  const reports = [day('2026-11-23', 2, 120), day('2026-11-24', 3, 160), day('2026-11-25', 4, 140)]
  const merged = kpisOfSummaries(reports.map(summarizeDay))

  it('merges counts, means and shares exactly', () => {
    const tickets = reports.flatMap((r) => r.tickets)
    const waits = tickets.flatMap((t) => (t.waitSec === null ? [] : [t.waitSec]))
    expect(merged.days).toBe(3)
    expect(merged.issued).toBe(tickets.length)
    expect(merged.waitMeanSec).toBeCloseTo(waits.reduce((a, b) => a + b, 0) / waits.length, 6)
    expect(merged.waitMaxSec).toBe(Math.max(...waits))
    const judged = tickets.filter((t) => t.withinTarget !== null)
    expect(merged.waitWithinTargetShare).toBeCloseTo(judged.filter((t) => t.withinTarget).length / judged.length, 12)
    const est = tickets.filter((t) => t.estimateErrorSec !== null)
    const rmse = Math.sqrt(est.reduce((s, t) => s + (t.estimateErrorSec as number) ** 2, 0) / est.length)
    expect(merged.estimateRmseSec).toBeCloseTo(rmse, 6)
    expect(merged.overtakes).toBe(reports.reduce((s, r) => s + r.kpis.overtakes, 0))
  })

  it('gives the median and 90th percentile of all the days within one histogram bin', () => {
    const waits = reports
      .flatMap((r) => r.tickets.flatMap((t) => (t.waitSec === null ? [] : [t.waitSec])))
      .sort((a, b) => a - b)
    expect(Math.abs((merged.waitMedianSec as number) - (quantileSorted(waits, 0.5) as number))).toBeLessThan(15)
    expect(Math.abs((merged.waitP90Sec as number) - (quantileSorted(waits, 0.9) as number))).toBeLessThan(15)
    // and the histogram quantile itself on a known case
    expect(quantileOfHistogram(histogramOf([0, 10, 20, 30], WAIT_EDGES), WAIT_EDGES, 0.5, 30)).toBeCloseTo(15, 9)
  })
})

describe('range report and week over week', () => {
  // Two weeks of stored days: the second week busier than the first.
  const dates = Array.from({ length: 14 }, (_, i) => addDays('2026-11-16', i))
  const summaries: DailySummary[] = dates.map((date, i) => summarizeDay(day(date, 10 + i, i < 7 ? 100 : 160)))

  it('groups days into Monday-to-Sunday weeks and keeps a row per day', () => {
    const r = rangeReport(summaries, '2026-11-16', '2026-11-29')
    expect(r.daily.map((d) => d.date)).toEqual(dates)
    expect(r.weekly.map((w) => [w.weekStart, w.kpis.days])).toEqual([
      ['2026-11-16', 7],
      ['2026-11-23', 7],
    ])
    expect(r.kpis.issued).toBe(summaries.reduce((s, x) => s + x.issued, 0))
    expect(weekStart('2026-11-29')).toBe('2026-11-23')
    // a range keeps only its own days
    expect(rangeReport(summaries, '2026-11-20', '2026-11-21').daily).toHaveLength(2)
  })

  it('compares a week with the one before and says which way is better', () => {
    const c = compareWeeks(summaries, '2026-11-26')
    expect(c.weekStart).toBe('2026-11-23')
    expect(c.previousWeekStart).toBe('2026-11-16')
    const wait = c.changes.find((x) => x.key === 'waitMeanSec')
    expect(wait?.change).toBeCloseTo((c.thisWeek.waitMeanSec as number) - (c.lastWeek.waitMeanSec as number), 9)
    // busier week: longer waits, which is worse
    expect(wait?.verdict).toBe('worse')
    expect(c.changes.find((x) => x.key === 'issued')?.verdict).toBeNull()
    expect(c.changes.find((x) => x.key === 'waitWithinTargetShare')?.verdict).toBe(
      (c.thisWeek.waitWithinTargetShare as number) > (c.lastWeek.waitWithinTargetShare as number) ? 'better' : 'worse',
    )
  })

  it('compares the week of a range’s last day with the week before, whatever day the range starts', () => {
    // a range of this week's Monday to Thursday still compares with last week's Monday to Thursday
    const short = rangeReport(summaries, '2026-11-23', '2026-11-26').weekOverWeek
    expect(short).toEqual(rangeReport(summaries, '2026-11-16', '2026-11-26').weekOverWeek)
    expect(short.lastWeek.days).toBe(4)
  })

  it('compares a week not yet over with the same weekdays of last week, volumes per business day', () => {
    // The range ends on Tuesday 11-24 and only Monday is closed (today's figures are not stored yet).
    const c = compareWeeks(
      summaries.filter((s) => s.date <= '2026-11-23'),
      '2026-11-24',
    )
    // Monday against Monday, not one day against seven.
    expect([c.thisWeek.days, c.lastWeek.days]).toEqual([1, 1])
    expect(c.partial).toBe(true)
    expect([c.through, c.previousThrough]).toEqual(['2026-11-23', '2026-11-16'])
    const monday = (date: string): DailySummary => summaries.find((s) => s.date === date) as DailySummary
    const issued = c.changes.find((x) => x.key === 'issued')
    expect(issued).toMatchObject({ perDay: true, thisWeek: monday('2026-11-23').issued })
    expect(issued?.lastWeek).toBe(monday('2026-11-16').issued)
  })

  it('compares volumes per business day when the weeks have different numbers of days', () => {
    // Last week lost its Friday (closed for a holiday, say): 6 business days against 7.
    const c = compareWeeks(
      summaries.filter((s) => s.date !== '2026-11-20'),
      '2026-11-29',
    )
    expect([c.thisWeek.days, c.lastWeek.days]).toEqual([7, 6])
    const served = c.changes.find((x) => x.key === 'served')
    expect(served?.thisWeek).toBeCloseTo(c.thisWeek.served / 7, 9)
    expect(served?.lastWeek).toBeCloseTo(c.lastWeek.served / 6, 9)
    expect(c.partial).toBe(false)
  })

  it('gives no verdict on a volume, whichever way it moved', () => {
    // Last week had a few no-shows each day, this week none: fewer, but no better for it.
    const c = compareWeeks(
      summaries.map((s) => (s.date < '2026-11-23' ? { ...s, noShows: s.noShows + 3 } : s)),
      '2026-11-29',
    )
    expect(c.changes.find((x) => x.key === 'noShows')?.change).toBeCloseTo(-3, 9)
    for (const key of ['noShows', 'unexplainedOvertakes', 'issued', 'served', 'cancelled', 'pausedHours'] as const) {
      const ch = c.changes.find((x) => x.key === key)
      expect(ch?.verdict, key).toBeNull()
      expect(ch?.perDay, key).toBe(true)
    }
    expect(c.changes.find((x) => x.key === 'waitMeanSec')).toMatchObject({ perDay: false, verdict: 'worse' })
  })

  it('profiles the average day by hour with staffing advice', () => {
    const r = rangeReport(summaries, '2026-11-16', '2026-11-22')
    expect(r.hours.map((h) => h.hour).slice(0, 8)).toEqual([9, 10, 11, 12, 13, 14, 15, 16])
    const expected = summaries.slice(0, 7).reduce((s, x) => s + (x.hours[0]?.arrivals ?? 0), 0) / 7
    expect(r.hours[0]?.meanArrivals).toBeCloseTo(expected, 9)
    // 100 customers an hour of about 65 s at the counter is about 1.8 Erlangs: 2 or 3 counters
    expect(r.hours[2]?.advised).toBeGreaterThanOrEqual(2)
    expect(r.hours[2]?.advised).toBeLessThanOrEqual(4)
    expect(r.meanHoldSec).toBeGreaterThan(60)
  })
})
