import type { BranchRow } from '../../../../shared/hq/compareBranches'
import { compareValue, type CompareKey } from '../../../../shared/hq/compareColumns'
import { kpiText, type ReportFormat } from '../../format/reportFormat'

/**
 * A cell of the comparison as the screen writes it: KPIs as the branch's report writes them,
 * the no-show rate as a share, the shortfall in counter-hours with one decimal.
 *
 * @example
 * compareCell(f, row, 'shortfallCounterHours') //=> '2.4'
 */
export function compareCell(f: ReportFormat, row: BranchRow, key: CompareKey): string {
  const v = compareValue(row, key)
  // The three columns of its own, then any KPI of the report (the type narrows to KpiKey).
  if (key === 'days') return f.count(v)
  if (key === 'noShowShare') return f.share(v)
  if (key === 'shortfallCounterHours') return f.decimal(v, 1)
  return kpiText(f, key, v)
}
