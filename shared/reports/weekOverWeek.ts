import type { DailySummary } from './dailySummary'
import { KPI_KEYS, kpiVerdict, type KpiKey, type Kpis } from './kpis'
import { addDays, weekStart } from '../domain/localTime'
import { kpisOfSummaries } from './summaryKpis'

/**
 * The KPIs that are sums over days (customers, events, counter-hours). A week with fewer business
 * days has less of them without being worse or better, so they are compared per business day and
 * get no verdict: more customers is neither good nor bad news, and fewer no-shows on a quiet day
 * says nothing about the service.
 */
const VOLUMES: ReadonlySet<KpiKey> = new Set<KpiKey>([
  'issued',
  'served',
  'noShows',
  'cancelled',
  'removedAtClose',
  'transferred',
  'overtakes',
  'fcfsExceptions',
  'unexplainedOvertakes',
  'ratings',
  'counterHours',
  'pausedHours',
])

/** Whether a KPI is a volume (a sum over days), compared per business day. */
export function isVolume(key: KpiKey): boolean {
  return VOLUMES.has(key)
}

/** One KPI this week against last week. */
export interface WeekChange {
  readonly key: KpiKey
  /** A volume: the mean per business day of each week; otherwise the week's figure. */
  readonly perDay: boolean
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
  /** The last day of this week compared: its Sunday, or its last closed day while it is not over. */
  readonly through: string
  /** The same weekday of last week: last week is compared up to it. */
  readonly previousThrough: string
  /** This week is not over: only the same weekdays of last week are compared. */
  readonly partial: boolean
  /** The totals of the days compared (`days` is how many business days each week had). */
  readonly thisWeek: Kpis
  readonly lastWeek: Kpis
  readonly changes: readonly WeekChange[]
}

/**
 * The week (Monday to Sunday) of `week` up to `week`, against the same weekdays of the week before,
 * KPI by KPI. While the week is not over (`week` before its Sunday) it runs up to its last closed
 * day, and last week up to the same weekday, so that a Monday is compared with a Monday and not
 * with a whole week. Volumes are compared per business day, without a verdict.
 *
 * @example
 * compareWeeks(summaries, '2026-11-24').changes.find((c) => c.key === 'issued')
 * //=> { perDay: true, thisWeek: 713, lastWeek: 655, change: 58, verdict: null, … }
 */
export function compareWeeks(summaries: readonly DailySummary[], week: string): WeekComparison {
  const start = weekStart(week)
  const sunday = addDays(start, 6)
  const previous = addDays(start, -7)
  const partial = week < sunday
  const upTo = partial ? week : sunday
  const thisDays = summaries.filter((s) => s.date >= start && s.date <= upTo)
  // Today is not closed yet: a partial week runs to its last closed day.
  const last = thisDays.reduce<string | null>((m, s) => (m === null || s.date > m ? s.date : m), null)
  const through = partial ? (last ?? upTo) : sunday
  const previousThrough = addDays(through, -7)
  const lastDays = summaries.filter((s) => s.date >= previous && s.date <= previousThrough)
  const thisWeek = kpisOfSummaries(thisDays.filter((s) => s.date <= through))
  const lastWeek = kpisOfSummaries(lastDays)
  const perDay = (k: Kpis, key: KpiKey): number | null => {
    const v = k[key]
    return v === null || k.days === 0 ? null : v / k.days
  }
  return {
    weekStart: start,
    previousWeekStart: previous,
    through,
    previousThrough,
    partial,
    thisWeek,
    lastWeek,
    changes: KPI_KEYS.map(({ key }) => {
      const volume = isVolume(key)
      const a = volume ? perDay(thisWeek, key) : thisWeek[key]
      const b = volume ? perDay(lastWeek, key) : lastWeek[key]
      const change = a === null || b === null ? null : a - b
      return { key, perDay: volume, thisWeek: a, lastWeek: b, change, verdict: volume ? null : kpiVerdict(key, change) }
    }),
  }
}
