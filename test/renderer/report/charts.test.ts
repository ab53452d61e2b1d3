import { describe, expect, it } from 'vitest'
import { capacityChart, capacityOfDay, capacityTable } from '../../../renderer/src/charts/capacityChart'
import { CHART_COLORS } from '../../../renderer/src/charts/chartTheme'
import { labelRoom } from '../../../renderer/src/charts/comboChart'
import { standardChart } from '../../../renderer/src/charts/standardChart'
import { niceCeil, shareLabel, waitChart } from '../../../renderer/src/charts/waitChart'
import { formatIn, handReport } from './support'

const CAPACITY = {
  arrivals: 'Arrivals',
  countersOpen: 'Counters open',
  countersAvailable: 'Counters serving',
  sipp: 'SIPP',
  advised: 'Advised',
  customers: 'Customers',
  counters: 'Counters',
  hour: 'Hour',
  waitMean: 'Mean wait',
  withinTarget: 'Within target',
}
const STANDARD = {
  who: 'Teller',
  withinStandard: 'Within standard',
  transactions: 'Transactions',
  mean: 'Mean',
  median: 'Median',
  p90: '90th',
  max: 'Max',
  goal: 'Goal',
}

describe('report charts', () => {
  it('draws the hand day hour by hour, and its table carries the same hours', () => {
    const report = handReport()
    const rows = capacityOfDay(report.hours)
    const option = capacityChart(rows, CAPACITY)
    const series = option.series as { type: string; data: unknown[] }[]
    expect(series.map((s) => s.type)).toEqual(['bar', 'line', 'line', 'line'])
    expect(series[0]?.data).toEqual(report.hours.map((h) => h.arrivals))
    const table = capacityTable(rows, CAPACITY, formatIn('en'))
    expect(table.rows.map((r) => r[0])).toEqual(report.hours.map((h) => `${String(h.hour).padStart(2, '0')}:00`))
  })

  it('labels each wait bar with its share, and a bar that holds anybody never as 0%', () => {
    expect(shareLabel(1, 400)).toBe('<1%')
    expect(shareLabel(100, 400)).toBe('25%')
    expect(shareLabel(0, 400)).toBe('')
    // The axis leaves room above the tallest bar for its label.
    expect([niceCeil(9.2), niceCeil(310.5), niceCeil(1.15), niceCeil(10)]).toEqual([10, 400, 1.5, 10])
    const option = waitChart(
      [
        { fromSec: 0, toSec: 120, count: 3 },
        { fromSec: 120, toSec: null, count: 1 },
      ],
      { minutes: 'min', customers: 'Customers', share: 'Share' },
    )
    expect((option.xAxis as { data: string[] }).data).toEqual(['0–2', '2+'])
  })

  it('colours a teller green at or over the goal and amber under it', () => {
    const base = { count: 10, judged: 10, mean: 50, median: 50, p90: 60, max: 70 }
    // Each bar also says how many transactions it rests on.
    const option = standardChart(
      [
        { ...base, name: 't01', withinStandard: 9, withinStandardShare: 0.9 },
        { ...base, name: 't02', withinStandard: 5, withinStandardShare: 0.5 },
      ],
      STANDARD,
      0.8,
    )
    const bars = (
      option.series as {
        data: { itemStyle: { color: string } }[]
        label: { formatter: (p: { dataIndex: number }) => string }
      }[]
    )[0]
    expect(bars?.data.map((d) => d.itemStyle.color)).toEqual([CHART_COLORS.ok, CHART_COLORS.warn])
    expect(bars?.label.formatter({ dataIndex: 1 })).toBe('50% (5/10)')
  })
})

describe('labelRoom', () => {
  it('makes room beside the plot for the longest bar label', () => {
    expect(labelRoom([{ labels: ['0% (0/1)', '100% (1/1)'] }])).toBe(95)
    expect(labelRoom([{}])).toBe(0)
  })
  it('reserves it on a horizontal chart, so a 100 % bar keeps its label inside', () => {
    const base = { count: 1, judged: 1, mean: 50, median: 50, p90: 50, max: 50 }
    const option = standardChart([{ ...base, name: 't01', withinStandard: 1, withinStandardShare: 1 }], STANDARD, 0.8)
    expect((option.grid as { right: number }).right).toBe(95)
  })
})
