import type { DayReport } from '../../../shared/reports/dayReport'
import type { RangeReport } from '../../../shared/reports/rangeReport'
import { CHART_COLORS, type ReportChartOption } from './chartTheme'
import { comboChart } from './comboChart'
import type { ReportFormat } from '../format/reportFormat'
import { columnsOf, type TableData } from '../logic/report/reportTable'

/** An hour of demand and capacity: a day's own, or the average day of a range. */
export interface CapacityHour {
  readonly hour: number
  readonly arrivals: number
  /** Counters staffed, and staffed but not paused (what actually served), on average over the hour. */
  readonly countersOpen: number
  readonly countersAvailable: number
  /** Counters advised by SIPP (each hour on its own) and by the modified offered load. */
  readonly sipp: number
  readonly advised: number
  readonly waitMeanSec: number | null
  readonly withinTargetShare: number | null
}

export interface CapacityWords {
  readonly arrivals: string
  readonly countersOpen: string
  readonly countersAvailable: string
  readonly sipp: string
  readonly advised: string
  readonly customers: string
  readonly counters: string
  readonly hour: string
  readonly waitMean: string
  readonly withinTarget: string
}

/**
 * A day's hours (a day report's, or a simulated day's) as the capacity chart reads them.
 *
 * @example
 * capacityOfDay(report.hours)[0] //=> { hour: 9, arrivals: 42, countersOpen: 4, countersAvailable: 3.5, sipp: 4, advised: 4, … }
 */
export function capacityOfDay(hours: DayReport['hours']): CapacityHour[] {
  return hours.map((h) => ({
    hour: h.hour,
    arrivals: h.arrivals,
    countersOpen: h.countersOpen,
    countersAvailable: h.countersAvailable,
    sipp: h.sipp,
    advised: h.advised,
    waitMeanSec: h.wait.mean,
    withinTargetShare: h.wait.withinTargetShare,
  }))
}

/**
 * The average day of a range, hour by hour.
 *
 * @example
 * capacityOfRange(range)[0].arrivals //=> 41.3 (mean arrivals in the first hour)
 */
export function capacityOfRange(range: RangeReport): CapacityHour[] {
  return range.hours.map((h) => ({
    hour: h.hour,
    arrivals: h.meanArrivals,
    countersOpen: h.meanCountersOpen,
    countersAvailable: h.meanCountersAvailable,
    sipp: h.sipp,
    advised: h.advised,
    waitMeanSec: h.waitMeanSec,
    withinTargetShare: h.withinTargetShare,
  }))
}

/**
 * The hour as the branch's clock reads it.
 *
 * @example
 * hourLabel(9) //=> '09:00'
 */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}

const round1 = (x: number): number => Math.round(x * 10) / 10

/**
 * Arrivals per hour (bars, left axis) against the counters that actually served (solid steps)
 * and the counters advised (dashed) and what SIPP would give (dotted), right axis.
 *
 * @example
 * capacityChart(capacityOfDay(report.hours), words).series.map((s) => s.type) //=> ['bar', 'line', 'line', 'line']
 */
export function capacityChart(rows: readonly CapacityHour[], words: CapacityWords): ReportChartOption {
  return comboChart({
    categories: rows.map((r) => hourLabel(r.hour)),
    axes: [
      { name: words.customers, min: 0 },
      { name: words.counters, min: 0 },
    ],
    series: [
      { name: words.arrivals, kind: 'bar', data: rows.map((r) => round1(r.arrivals)), color: CHART_COLORS.brandLight },
      {
        name: words.countersAvailable,
        kind: 'line',
        axis: 1,
        step: true,
        data: rows.map((r) => round1(r.countersAvailable)),
        color: CHART_COLORS.ink,
      },
      {
        name: words.advised,
        kind: 'line',
        axis: 1,
        step: true,
        dash: 'dashed',
        data: rows.map((r) => r.advised),
        color: CHART_COLORS.ok,
      },
      {
        name: words.sipp,
        kind: 'line',
        axis: 1,
        step: true,
        dash: 'dotted',
        data: rows.map((r) => r.sipp),
        color: CHART_COLORS.warn,
      },
    ],
  })
}

/**
 * The table behind the capacity chart: the staffing advice per hour beside the counters open.
 *
 * @example
 * capacityTable(rows, words, f).rows[0] //=> ['09:00', '42', '4.0', '3.5', '4', '4', '3 min 10 s', '92%']
 */
export function capacityTable(rows: readonly CapacityHour[], words: CapacityWords, f: ReportFormat): TableData {
  return {
    columns: columnsOf([
      words.hour,
      words.arrivals,
      words.countersOpen,
      words.countersAvailable,
      words.advised,
      words.sipp,
      words.waitMean,
      words.withinTarget,
    ]),
    rows: rows.map((r) => [
      hourLabel(r.hour),
      Number.isInteger(r.arrivals) ? f.count(r.arrivals) : f.decimal(r.arrivals, 1),
      f.decimal(r.countersOpen, 1),
      f.decimal(r.countersAvailable, 1),
      f.count(r.advised),
      f.count(r.sipp),
      f.duration(r.waitMeanSec),
      f.share(r.withinTargetShare),
    ]),
  }
}
