import type { TrendPoint } from '../../../shared/reports/kpis'
import type { RangeReport } from '../../../shared/reports/rangeReport'
import { CHART_COLORS, minutesPoint, percentPoint, type ReportChartOption } from './chartTheme'
import { comboChart } from './comboChart'
import type { ReportFormat } from '../format/reportFormat'
import { columnsOf, type TableData } from '../logic/report/reportTable'

export type { TrendPoint }

export interface TrendWords {
  readonly period: string
  readonly issued: string
  readonly served: string
  readonly waitMean: string
  readonly waitP90: string
  readonly withinTarget: string
  readonly withinStandard: string
  readonly insideRange: string
  readonly ratingMean: string
  readonly customers: string
  readonly minutes: string
}

/**
 * The trend's points by day or by Monday-start week.
 *
 * @example
 * trendPoints(range, 'week')[0] //=> { date: '2026-11-02', kpis: { days: 7, issued: 2140, … } }
 */
export function trendPoints(range: RangeReport, grain: 'day' | 'week'): TrendPoint[] {
  return grain === 'day' ? [...range.daily] : range.weekly.map((w) => ({ date: w.weekStart, kpis: w.kpis }))
}

/** Month-day for an axis: the year is in the heading. */
const short = (date: string): string => date.slice(5)

/** About a dozen labels along the axis, however many points. */
const every = (n: number): number => Math.max(1, Math.ceil(n / 14))

/**
 * Customers per day or week (bars, left) and the mean and 90th-percentile waits (lines, minutes,
 * right): is the branch busier, and do customers wait longer for it?
 *
 * @example
 * trendVolumeChart(points, words).series.map((s) => s.type) //=> ['bar', 'line', 'line']
 */
export function trendVolumeChart(points: readonly TrendPoint[], words: TrendWords): ReportChartOption {
  return comboChart({
    categories: points.map((p) => short(p.date)),
    labelEvery: every(points.length),
    axes: [
      { name: words.customers, min: 0 },
      { name: words.minutes, min: 0 },
    ],
    series: [
      { name: words.issued, kind: 'bar', data: points.map((p) => p.kpis.issued), color: CHART_COLORS.brandLight },
      {
        name: words.waitMean,
        kind: 'line',
        axis: 1,
        data: points.map((p) => minutesPoint(p.kpis.waitMeanSec)),
        color: CHART_COLORS.brand,
      },
      {
        name: words.waitP90,
        kind: 'line',
        axis: 1,
        dash: 'dashed',
        data: points.map((p) => minutesPoint(p.kpis.waitP90Sec)),
        color: CHART_COLORS.late,
      },
    ],
  })
}

/**
 * The standards over time, in %: called within target (solid), transactions within standard
 * (dashed), waits inside the range shown (dotted).
 *
 * @example
 * trendShareChart(points, words).series.length //=> 3
 */
export function trendShareChart(points: readonly TrendPoint[], words: TrendWords): ReportChartOption {
  return comboChart({
    categories: points.map((p) => short(p.date)),
    labelEvery: every(points.length),
    axes: [{ name: '%', min: 0, max: 100 }],
    series: [
      {
        name: words.withinTarget,
        kind: 'line',
        data: points.map((p) => percentPoint(p.kpis.waitWithinTargetShare)),
        color: CHART_COLORS.brand,
      },
      {
        name: words.withinStandard,
        kind: 'line',
        dash: 'dashed',
        data: points.map((p) => percentPoint(p.kpis.transactionWithinStandardShare)),
        color: CHART_COLORS.ok,
      },
      {
        name: words.insideRange,
        kind: 'line',
        dash: 'dotted',
        data: points.map((p) => percentPoint(p.kpis.estimateInsideRangeShare)),
        color: CHART_COLORS.warn,
      },
    ],
  })
}

/**
 * The table behind both trend charts, one row per day or week.
 *
 * @example
 * trendTable(points, words, f).rows[0] //=> ['2026-11-23', '310', '298', '5 min 2 s', '12 min', '84%', '78%', '81%', '4.6']
 */
export function trendTable(points: readonly TrendPoint[], words: TrendWords, f: ReportFormat): TableData {
  return {
    columns: columnsOf([
      words.period,
      words.issued,
      words.served,
      words.waitMean,
      words.waitP90,
      words.withinTarget,
      words.withinStandard,
      words.insideRange,
      words.ratingMean,
    ]),
    rows: points.map((p) => [
      p.date,
      f.count(p.kpis.issued),
      f.count(p.kpis.served),
      f.duration(p.kpis.waitMeanSec),
      f.duration(p.kpis.waitP90Sec),
      f.share(p.kpis.waitWithinTargetShare),
      f.share(p.kpis.transactionWithinStandardShare),
      f.share(p.kpis.estimateInsideRangeShare),
      f.decimal(p.kpis.ratingMean, 1),
    ]),
  }
}
