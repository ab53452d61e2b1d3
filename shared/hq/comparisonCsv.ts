import type { Language } from '../domain/text'
import { toCsv } from '../reports/csv'
import { kpiCell } from '../reports/exportCsv'
import type { HqBranch } from './compareBranches'
import { COMPARE_COLUMNS, compareValue } from './compareColumns'
import type { Comparison } from './views'

/**
 * The side-by-side table as CSV: one row per branch (name, region, every figure), shares in
 * percent and durations in seconds as in the branch's own KPI file.
 *
 * @example
 * comparisonCsv(comparison, 'en').split('\r\n')[0] //=> '\uFEFFBranch,Region,Days,Tickets issued,…'
 */
export function comparisonCsv(c: Comparison, language: Language): string {
  const branch = new Map<string, HqBranch>(c.branches.map((b) => [b.id, b]))
  const region = new Map(c.regions.map((r) => [r.id, r.name[language]]))
  const header = [
    language === 'zh-CN' ? '网点' : 'Branch',
    language === 'zh-CN' ? '区域' : 'Region',
    ...COMPARE_COLUMNS.map((col) => col.label[language]),
    language === 'zh-CN' ? '系统自动结束的营业日' : 'Days closed by the hub',
    language === 'zh-CN' ? '按旧版报表规则计算的营业日' : 'Days under older report rules',
  ]
  const rows = c.rows.map((r) => [
    branch.get(r.branchId)?.name[language] ?? r.branchId,
    region.get(r.regionId) ?? r.regionId,
    ...COMPARE_COLUMNS.map((col) => kpiCell(col.key, compareValue(r, col.key))),
    // "2026-12-14 endOfDay 2026-12-20 afterOutage": the dates, each with how the hub closed it.
    r.autoClosedDays.map((d) => `${d.date} ${d.autoClosed}`).join(' '),
    r.olderRulesDays.join(' '),
  ])
  return toCsv([header, ...rows])
}
