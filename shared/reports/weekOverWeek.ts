import type { DailySummary } from './dailySummary'
import { KPI_KEYS, kpiVerdict, type KpiKey, type Kpis } from './kpis'
import { addDays, weekStart } from '../domain/localTime'
import { kpisOfSummaries } from './summaryKpis'

/** One KPI this week against last week. */
export interface WeekChange {
  readonly key: KpiKey
  readonly thisWeek: number | null
  readonly lastWeek: number | null
  /** thisWeek − lastWeek. */
  readonly change: number | null
  /** Whether the change is good news; null for volumes, no change, or nothing to compare. */
  readonly verdict: 'better' | 'worse' | null
}

export interface WeekComparison {
  readonly weekStart: string
  readonly previousWeekStart: string
  readonly thisWeek: Kpis
  readonly lastWeek: Kpis
  readonly changes: readonly WeekChange[]
}

/**
 * A week (Monday to Sunday) against the week before, KPI by KPI.
 *
 * @example
 * compareWeeks(summaries, '2026-11-23').changes.find((c) => c.key === 'waitMeanSec')
 * //=> { thisWeek: 312, lastWeek: 355, change: -43, verdict: 'better', … }
 */
export function compareWeeks(summaries: readonly DailySummary[], week: string): WeekComparison {
  const start = weekStart(week)
  const previous = addDays(start, -7)
  const end = addDays(start, 7)
  const thisWeek = kpisOfSummaries(summaries.filter((s) => s.date >= start && s.date < end))
  const lastWeek = kpisOfSummaries(summaries.filter((s) => s.date >= previous && s.date < start))
  return {
    weekStart: start,
    previousWeekStart: previous,
    thisWeek,
    lastWeek,
    changes: KPI_KEYS.map(({ key }) => {
      const a = thisWeek[key]
      const b = lastWeek[key]
      const change = a === null || b === null ? null : a - b
      return { key, thisWeek: a, lastWeek: b, change, verdict: kpiVerdict(key, change) }
    }),
  }
}
