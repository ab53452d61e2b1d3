/**
 * The manager's report, pure: what the hub and the manager screen call. See docs/reports.md.
 *
 * Day: `buildDayReport(input)` → `DayReport` (JSON), then `summarizeDay(report)` → the
 * `DailySummary` the hub stores. Range and trends: `rangeReport(summaries, from, to)`,
 * `compareWeeks(summaries, week)`, `kpisOfSummaries(days)`. Export: `ticketsCsv`, `kpisCsv`,
 * `trendCsv`. Words for both languages: `labels.ts`, from the shared catalogue.
 */
export { buildDayReport, type DayReport, type DayReportInput, type ReportLabels, type Volume } from './dayReport'
export { summarizeDay, type DailySummary } from './dailySummary'
export { rangeReport, type RangeOptions, type RangeReport } from './rangeReport'
export { compareWeeks, type WeekChange, type WeekComparison } from './weekOverWeek'
export { kpisOfSummaries } from './summaryKpis'
export { KPI_KEYS, type KpiKey, type Kpis } from './kpis'
export { kpisCsv, ticketsCsv, trendCsv } from './exportCsv'
export { sliceDay } from './sliceDay'
export { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './reportOptions'
export { KPI_LABEL_KEYS, KPI_LABELS, OUTCOME_LABELS, YES_NO } from './labels'
