import type { LocalizedText } from '../domain/text'
import type { AutoClose } from '../queue/events'
import { REPORT_RULES, rulesOf, type DailySummary } from '../reports/dailySummary'
import type { Kpis } from '../reports/kpis'
import { rangeReport } from '../reports/rangeReport'
import { shareOf } from '../reports/stats'

/** A branch as headquarters lists it. */
export interface HqBranch {
  /** The branch code HQ issued (`sh-pudong`), used in every address. */
  readonly id: string
  readonly name: LocalizedText
  readonly regionId: string
}

/** One branch over a day or a range, side by side with the others. */
export interface BranchRow {
  readonly branchId: string
  readonly regionId: string
  /** Closed days with a summary in the range (a day still open counts when HQ summarised it so far). */
  readonly days: number
  /**
   * The days of the range the branch's hub closed by itself (nobody closed them: midnight, or an
   * outage), oldest first: their customers left unserved count as `dayEnded`.
   */
  readonly autoClosedDays: readonly { readonly date: string; readonly autoClosed: AutoClose }[]
  /**
   * The days of the range whose summary was computed under older report rules than this
   * version's (`REPORT_RULES`), oldest first: HQ does not hold their whole journal to compute them
   * again, and the branch has not shipped them again (not upgraded yet, or its journals pruned), so
   * their figures count by the rules of then. Shown, so the comparison does not mix rules silently.
   */
  readonly olderRulesDays: readonly string[]
  readonly kpis: Kpis
  /** No-shows over tickets issued. */
  readonly noShowShare: number | null
  /**
   * Staffing shortfall on the range's average day: counter-hours the staffing advice asked for
   * beyond the counters actually available, summed over the hours of the day.
   */
  readonly shortfallCounterHours: number
  /** Hours of the average day with fewer counters available than advised. */
  readonly shortHours: number
}

/**
 * Every branch side by side over `from`–`to` (inclusive), from their daily summaries: the KPIs
 * merge exactly as a branch's own range report merges them (`kpisOfSummaries`), and the
 * staffing shortfall comes from the range report's hour-by-hour staffing advice.
 *
 * @example
 * compareBranches(branches, summariesByBranch, '2026-11-01', '2026-11-30')[0]
 * //=> { branchId: 'sh-pudong', days: 30, kpis: { waitMeanSec: 312.5, … }, shortfallCounterHours: 2.4, … }
 */
export function compareBranches(
  branches: readonly HqBranch[],
  summaries: ReadonlyMap<string, readonly DailySummary[]>,
  from: string,
  to: string,
): BranchRow[] {
  return branches.map((b) => {
    const range = rangeReport(summaries.get(b.id) ?? [], from, to)
    let shortfall = 0
    let shortHours = 0
    for (const h of range.hours) {
      const gap = h.advised - h.meanCountersAvailable
      if (gap > 0.05) {
        shortfall += gap
        shortHours++
      }
    }
    const autoClosedDays = (summaries.get(b.id) ?? []).flatMap((s) =>
      s.date >= from && s.date <= to && s.autoClosed != null ? [{ date: s.date, autoClosed: s.autoClosed }] : [],
    )
    const olderRulesDays = (summaries.get(b.id) ?? []).flatMap((s) =>
      s.date >= from && s.date <= to && rulesOf(s) < REPORT_RULES ? [s.date] : [],
    )
    return {
      branchId: b.id,
      regionId: b.regionId,
      days: range.kpis.days,
      autoClosedDays: autoClosedDays.sort((x, y) => x.date.localeCompare(y.date)),
      olderRulesDays: olderRulesDays.sort(),
      kpis: range.kpis,
      noShowShare: shareOf(range.kpis.noShows, range.kpis.issued),
      shortfallCounterHours: Math.round(shortfall * 10) / 10,
      shortHours,
    }
  })
}
