import type { DailySummary } from '../reports/dailySummary'
import type { TrendPoint } from '../reports/kpis'
import { weekStart } from '../domain/localTime'
import { groupBy } from '../reports/stats'
import { kpisOfSummaries } from '../reports/summaryKpis'

/**
 * The trend of a group of branches (a region, or all of them) by day or by Monday-start week:
 * each point merges every branch's summaries of that period, as one big branch would report it.
 *
 * @example
 * groupTrend(northSummaries, '2026-11-01', '2026-11-30', 'day')[0]
 * //=> { date: '2026-11-01', kpis: { days: 12, issued: 21400, … } }  (12 branch-days)
 */
export function groupTrend(
  summaries: readonly DailySummary[],
  from: string,
  to: string,
  grain: 'day' | 'week',
): TrendPoint[] {
  const inRange = summaries.filter((s) => s.date >= from && s.date <= to)
  const key = grain === 'day' ? (s: DailySummary) => s.date : (s: DailySummary) => weekStart(s.date)
  return [...groupBy(inRange, key)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, days]) => ({ date, kpis: kpisOfSummaries(days) }))
}
