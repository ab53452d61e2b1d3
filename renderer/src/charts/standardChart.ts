import type { TransactionFigures } from '../../../shared/reports/transactionSection'
import { CHART_COLORS, percentPoint, type ReportChartOption } from './chartTheme'
import { comboChart } from './comboChart'
import type { ReportFormat } from '../format/reportFormat'
import { columnsOf, type TableData } from '../logic/report/reportTable'

/** A group of transactions judged against the one-minute standard: a teller, a counter, a service. */
export interface StandardRow extends TransactionFigures {
  readonly name: string
}

export interface StandardWords {
  readonly who: string
  readonly withinStandard: string
  readonly transactions: string
  readonly mean: string
  readonly median: string
  readonly p90: string
  readonly max: string
  readonly goal: string
}

/**
 * The share of each teller's (or counter's) transactions done within the standard of the service
 * done, as horizontal bars against the goal (80 %): green where the goal is met, amber where not.
 * Each bar says how many transactions it rests on, since 2 of 3 is not 67 % of 300.
 *
 * @example
 * standardChart(rows, words, 0.8).series[0].data[0] //=> { value: 83.3, itemStyle: { color: '#1c7a3e' } }
 */
export function standardChart(
  rows: readonly StandardRow[],
  words: StandardWords,
  goalShare: number,
): ReportChartOption {
  return comboChart({
    horizontal: true,
    categories: rows.map((r) => r.name),
    axes: [{ name: '%', min: 0, max: 100 }],
    goal: { value: goalShare * 100, label: `${words.goal} ${Math.round(goalShare * 100)}%` },
    series: [
      {
        name: words.withinStandard,
        kind: 'bar',
        data: rows.map((r) => percentPoint(r.withinStandardShare)),
        color: CHART_COLORS.ok,
        colors: rows.map((r) =>
          r.withinStandardShare !== null && r.withinStandardShare >= goalShare ? CHART_COLORS.ok : CHART_COLORS.warn,
        ),
        labels: rows.map((r) =>
          r.withinStandardShare === null
            ? ''
            : `${Math.round(r.withinStandardShare * 100)}% (${r.withinStandard}/${r.judged})`,
        ),
      },
    ],
  })
}

/**
 * The table behind the standard chart, also the per-service and per-counter tables.
 *
 * @example
 * standardTable(rows, words, f).rows[0] //=> ['t01', '42', '83%', '48 s', '45 s', '1 min 20 s', '3 min 5 s']
 */
export function standardTable(rows: readonly StandardRow[], words: StandardWords, f: ReportFormat): TableData {
  return {
    columns: columnsOf([
      words.who,
      words.transactions,
      words.withinStandard,
      words.mean,
      words.median,
      words.p90,
      words.max,
    ]),
    rows: rows.map((r) => [
      r.name,
      f.count(r.count),
      f.share(r.withinStandardShare),
      f.duration(r.mean),
      f.duration(r.median),
      f.duration(r.p90),
      f.duration(r.max),
    ]),
  }
}
