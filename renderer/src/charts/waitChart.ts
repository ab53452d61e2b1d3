import type { WaitBin } from '../../../shared/reports/waitSection'
import { binLabel } from '../format/binLabel'
import { CHART_COLORS, type ReportChartOption } from './chartTheme'
import { comboChart } from './comboChart'
import type { ReportFormat } from '../format/reportFormat'
import { columnsOf, type TableData } from '../logic/report/reportTable'

export interface WaitWords {
  /** The axis of bins: "等候时间(分钟)". */
  readonly minutes: string
  readonly customers: string
  readonly share: string
}

/**
 * How long customers waited for their first call: customers per bin of minutes
 * (0–2–5–10–15–20–30–45–60+), each bar labelled with its share of the called customers.
 *
 * @example
 * waitChart(report.waiting.histogram, words).xAxis //=> { data: ['0–2', '2–5', …, '60+'], … }
 */
export function waitChart(bins: readonly WaitBin[], words: WaitWords): ReportChartOption {
  const total = bins.reduce((s, b) => s + b.count, 0)
  // Headroom above the tallest bar, so its share label never sits on the axis name.
  const tallest = Math.max(0, ...bins.map((b) => b.count))
  return comboChart({
    categories: bins.map((b) => binLabel(b.fromSec, b.toSec)),
    axes: [{ name: words.customers, min: 0, ...(tallest > 0 ? { max: Math.ceil(niceCeil(tallest * 1.15)) } : {}) }],
    series: [
      {
        name: words.customers,
        kind: 'bar',
        data: bins.map((b) => b.count),
        color: CHART_COLORS.brand,
        labels: bins.map((b) => shareLabel(b.count, total)),
      },
    ],
  })
}

/**
 * A round number at or above `x` for an axis top (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
 * of ten), so the axis still splits into even steps.
 *
 * @example
 * niceCeil(9.2) //=> 10
 * niceCeil(310) //=> 400
 */
export function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x))
  return ([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= x - 1e-9) ?? 10) * p
}

/**
 * A bar's share of the called customers; a bar that holds anybody never reads "0%".
 *
 * @example
 * shareLabel(1, 400) //=> '<1%'
 */
export function shareLabel(count: number, total: number): string {
  if (total === 0 || count === 0) return ''
  const pct = Math.round((count / total) * 100)
  return pct === 0 ? '<1%' : `${pct}%`
}

/**
 * The table behind the wait chart: customers and share per bin.
 *
 * @example
 * waitTable(bins, words, f).rows[0] //=> ['0–2', '35', '41%']
 */
export function waitTable(bins: readonly WaitBin[], words: WaitWords, f: ReportFormat): TableData {
  const total = bins.reduce((s, b) => s + b.count, 0)
  return {
    columns: columnsOf([words.minutes, words.customers, words.share]),
    rows: bins.map((b) => [
      binLabel(b.fromSec, b.toSec),
      f.count(b.count),
      f.share(total === 0 ? null : b.count / total),
    ]),
  }
}
