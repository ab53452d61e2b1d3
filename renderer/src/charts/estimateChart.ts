import type { CalibrationRow } from '../../../shared/reports/estimateSection'
import { binLabel } from '../format/binLabel'
import { CHART_COLORS, minutesPoint, percentPoint, type ReportChartOption } from './chartTheme'
import { comboChart } from './comboChart'
import type { ReportFormat } from '../format/reportFormat'
import { columnsOf, type TableData } from '../logic/report/reportTable'

export interface EstimateWords {
  /** The bins: "显示的预计等候(分钟)". */
  readonly shownBin: string
  readonly customers: string
  readonly meanShown: string
  readonly meanActual: string
  readonly insideRange: string
  readonly minutes: string
}

/** Bins that held at least one customer: an empty bin says nothing about honesty. */
function measured(rows: readonly CalibrationRow[]): CalibrationRow[] {
  return rows.filter((r) => r.count > 0)
}

/**
 * Estimate shown against the actual wait, binned by the estimate shown at the kiosk: for each
 * bin the mean estimate and the mean actual wait side by side (minutes, left), and the share of
 * waits that fell inside the range shown (a dashed line, %, right). Honest estimates give
 * bars of equal height and a line near 80 %.
 *
 * @example
 * estimateChart(report.estimates.calibration, words).series.map((s) => s.name)
 * //=> ['Mean shown', 'Mean actual', 'Inside the range shown']
 */
export function estimateChart(rows: readonly CalibrationRow[], words: EstimateWords): ReportChartOption {
  const bins = measured(rows)
  return comboChart({
    categories: bins.map((r) => binLabel(r.fromSec, r.toSec)),
    axes: [
      { name: words.minutes, min: 0 },
      { name: '%', min: 0, max: 100 },
    ],
    series: [
      {
        name: words.meanShown,
        kind: 'bar',
        data: bins.map((r) => minutesPoint(r.meanEstimateSec)),
        color: CHART_COLORS.brandLight,
      },
      {
        name: words.meanActual,
        kind: 'bar',
        data: bins.map((r) => minutesPoint(r.meanActualSec)),
        color: CHART_COLORS.brand,
      },
      {
        name: words.insideRange,
        kind: 'line',
        axis: 1,
        dash: 'dashed',
        data: bins.map((r) => percentPoint(r.insideRangeShare)),
        color: CHART_COLORS.ok,
      },
    ],
  })
}

/**
 * The calibration table behind the estimate chart.
 *
 * @example
 * estimateTable(rows, words, f).rows[0] //=> ['0–5', '40', '2 min 30 s', '3 min 10 s', '78%']
 */
export function estimateTable(rows: readonly CalibrationRow[], words: EstimateWords, f: ReportFormat): TableData {
  return {
    columns: columnsOf([words.shownBin, words.customers, words.meanShown, words.meanActual, words.insideRange]),
    rows: measured(rows).map((r) => [
      binLabel(r.fromSec, r.toSec),
      f.count(r.count),
      f.duration(r.meanEstimateSec),
      f.duration(r.meanActualSec),
      f.share(r.insideRangeShare),
    ]),
  }
}
