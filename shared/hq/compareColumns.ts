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
  readonly label: LocalizedText
}

const kpi = (key: KpiKey, better: CompareColumn['better']): CompareColumn => ({ key, better, label: KPI_LABELS[key] })

/**
 * The columns of the comparison, in order: volume, waits, the one-minute standard, no-shows,
 * estimate honesty, fairness, staffing shortfall.
 */
export const COMPARE_COLUMNS: readonly CompareColumn[] = [
  { key: 'days', better: null, label: { 'zh-CN': '营业日', en: 'Days' } },
  kpi('issued', null),
  kpi('waitMeanSec', 'lower'),
  kpi('waitP90Sec', 'lower'),
  kpi('waitWithinTargetShare', 'higher'),
  kpi('transactionWithinStandardShare', 'higher'),
  { key: 'noShowShare', better: 'lower', label: { 'zh-CN': '过号未到率', en: 'No-show rate' } },
  kpi('estimateInsideRangeShare', 'higher'),
  kpi('estimateMeanErrorSec', null),
  kpi('unexplainedOvertakes', 'lower'),
  kpi('raqfm', 'lower'),
  {
    key: 'shortfallCounterHours',
    better: 'lower',
    label: { 'zh-CN': '人手缺口(窗口·小时/日)', en: 'Staffing shortfall (counter-hours/day)' },
  },
]

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
 * The worst branch of each column that has a better direction, among two or more measured.
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
    if (first !== undefined && compareValue(first, c.key) !== compareValue(sorted[1] as BranchRow, c.key)) {
      worst.set(c.key, first.branchId)
    }
  }
  return worst
}
