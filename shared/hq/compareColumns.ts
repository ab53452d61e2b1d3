import type { LocalizedText } from '../domain/text'
import type { KpiKey } from '../reports/kpis'
import { KPI_LABELS } from '../reports/labels'
import type { BranchRow } from './compareBranches'

/** A figure of the side-by-side table: a KPI, or one only HQ shows. */
export type CompareKey = KpiKey | 'days' | 'noShowShare' | 'shortfallCounterHours'

export interface CompareColumn {
  readonly key: CompareKey
  /** Which way is better; null where neither is (volumes). The worst branch is marked. */
  readonly better: 'higher' | 'lower' | null
  /** The CSV's heading, with the unit its figures are written in (seconds, percent). */
  readonly label: LocalizedText
  /** The screen's heading: where each cell carries its own units ("5 min 13 s"), none. */
  readonly heading: LocalizedText
  /**
   * The step the screen shows the figure to (a whole percent, a second, one decimal): branches
   * level at that step look equal, so neither is marked worse than the other.
   */
  readonly shownStep: number
}

const PERCENT = 0.01
const kpi = (
  key: KpiKey,
  better: CompareColumn['better'],
  shownStep: number,
  heading?: LocalizedText,
): CompareColumn => ({
  key,
  better,
  label: KPI_LABELS[key],
  heading: heading ?? KPI_LABELS[key],
  shownStep,
})

/**
 * The columns of the comparison, in order: volume, waits, the one-minute standard, no-shows,
 * estimate honesty, fairness, staffing shortfall.
 */
export const COMPARE_COLUMNS: readonly CompareColumn[] = [
  own('days', null, { 'zh-CN': '营业日', en: 'Days' }, 1),
  kpi('issued', null, 1),
  kpi('waitMeanSec', 'lower', 1, { 'zh-CN': '平均等候', en: 'Mean wait' }),
  kpi('waitP90Sec', 'lower', 1, { 'zh-CN': '90% 客户等候不超过', en: '90th percentile wait' }),
  kpi('waitWithinTargetShare', 'higher', PERCENT),
  kpi('transactionWithinStandardShare', 'higher', PERCENT),
  own('noShowShare', 'lower', { 'zh-CN': '过号未到率', en: 'No-show rate' }, PERCENT),
  kpi('estimateInsideRangeShare', 'higher', PERCENT),
  kpi('estimateMeanErrorSec', null, 1, { 'zh-CN': '预计等候平均偏差', en: 'Mean estimate error' }),
  kpi('unexplainedOvertakes', 'lower', 1),
  kpi('raqfm', 'lower', 0.01),
  own(
    'shortfallCounterHours',
    'lower',
    { 'zh-CN': '人手缺口(窗口·小时/日)', en: 'Staffing shortfall (counter-hours/day)' },
    0.1,
  ),
]

function own(key: CompareKey, better: CompareColumn['better'], label: LocalizedText, shownStep: number): CompareColumn {
  return { key, better, label, heading: label, shownStep }
}

/**
 * A row's figure for a column.
 *
 * @example
 * compareValue(row, 'noShowShare') //=> 0.031
 */
export function compareValue(row: BranchRow, key: CompareKey): number | null {
  // The three columns of its own, then any KPI of the report (the type narrows to KpiKey).
  if (key === 'days') return row.days
  if (key === 'noShowShare') return row.noShowShare
  if (key === 'shortfallCounterHours') return row.days === 0 ? null : row.shortfallCounterHours
  return row.kpis[key]
}

/**
 * Rows sorted by a column, gaps (nothing measured) last whichever the direction.
 *
 * @example
 * sortRows(rows, 'waitP90Sec', 'desc')[0].branchId //=> the branch with the longest 90th-percentile wait
 */
export function sortRows(rows: readonly BranchRow[], key: CompareKey, dir: 'asc' | 'desc'): BranchRow[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = compareValue(a, key)
    const y = compareValue(b, key)
    if (x === null || y === null) return x === y ? a.branchId.localeCompare(b.branchId) : x === null ? 1 : -1
    return sign * (x - y) || a.branchId.localeCompare(b.branchId)
  })
}

/**
 * The worst branch of each column that has a better direction, among two or more measured. A
 * column whose worst is level with the next at the step the screen shows (60 % beside 60 %)
 * marks none: a mark there would single out one of two equal-looking figures.
 *
 * @example
 * worstBranches(rows).get('waitWithinTargetShare') //=> 'jingan'
 */
export function worstBranches(rows: readonly BranchRow[]): Map<CompareKey, string> {
  const worst = new Map<CompareKey, string>()
  for (const c of COMPARE_COLUMNS) {
    if (c.better === null) continue
    const measured = rows.filter((r) => compareValue(r, c.key) !== null)
    if (measured.length < 2) continue
    const sorted = sortRows(measured, c.key, c.better === 'higher' ? 'asc' : 'desc')
    const first = sorted[0]
    const shown = (r: BranchRow | undefined): number =>
      Math.round((compareValue(r as BranchRow, c.key) ?? 0) / c.shownStep)
    if (first !== undefined && shown(first) !== shown(sorted[1])) worst.set(c.key, first.branchId)
  }
  return worst
}
