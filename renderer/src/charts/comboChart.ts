import { baseChart, categoryAxis, CHART_COLORS, valueAxis, type ReportChartOption } from './chartTheme'

/** One series of a bar/line chart over categories (hours, bins, tellers, days). */
export interface ComboSeries {
  readonly name: string
  readonly kind: 'bar' | 'line'
  readonly data: readonly (number | null)[]
  readonly color: string
  /** Which value axis (0 left, 1 right). */
  readonly axis?: 0 | 1
  readonly dash?: 'solid' | 'dashed' | 'dotted'
  /** Draw a line as steps centred on each category (counters over an hour). */
  readonly step?: boolean
  /** One colour per bar (met / missed a goal), else `color` for all. */
  readonly colors?: readonly string[]
  /** Labels written at the end of each bar. */
  readonly labels?: readonly string[]
}

export interface ComboSpec {
  readonly categories: readonly string[]
  readonly axes: readonly { readonly name: string; readonly min?: number; readonly max?: number }[]
  readonly series: readonly ComboSeries[]
  /** Bars grow rightwards, categories down the left (long names: tellers, services). */
  readonly horizontal?: boolean
  /** A reference line on the first value axis (a goal share, a target). */
  readonly goal?: { readonly value: number; readonly label: string }
  /** Category labels shown every n-th (a year by day). */
  readonly labelEvery?: number
}

/**
 * A chart of bars and lines over categories: every report chart is one of these. Nulls stay gaps
 * (nothing measured is not zero).
 *
 * @example
 * comboChart({ categories: ['09:00'], axes: [{ name: 'customers' }], series: [{ name: 'Arrivals', kind: 'bar', data: [42], color: '#0b5cad' }] })
 * //=> { series: [{ type: 'bar', name: 'Arrivals', data: [42], … }], … }
 */
export function comboChart(spec: ComboSpec): ReportChartOption {
  const categories = categoryAxis(
    spec.categories,
    spec.labelEvery === undefined
      ? {}
      : { axisLabel: { interval: spec.labelEvery - 1, color: CHART_COLORS.ink, fontSize: 13 } },
  )
  const values = spec.axes.map((a, i) =>
    valueAxis(a.name, {
      ...(a.min === undefined ? {} : { min: a.min }),
      ...(a.max === undefined ? {} : { max: a.max }),
      // The right-hand axis draws no grid of its own: two grids on one chart confuse.
      ...(i > 0 ? { splitLine: { show: false } } : {}),
      ...(spec.horizontal === true ? { nameLocation: 'end', nameTextStyle: { align: 'right' } } : {}),
    }),
  )
  const series = spec.series.map((s, i) => {
    const data = s.data.map((v, j) => {
      const color = s.colors?.[j]
      return color === undefined ? v : { value: v, itemStyle: { color } }
    })
    const common = {
      name: s.name,
      data,
      ...(spec.horizontal === true ? { xAxisIndex: s.axis ?? 0 } : { yAxisIndex: s.axis ?? 0 }),
      itemStyle: { color: s.color },
      ...(s.labels === undefined
        ? {}
        : {
            label: {
              show: true,
              position: spec.horizontal === true ? ('right' as const) : ('top' as const),
              color: CHART_COLORS.ink,
              fontSize: LABEL_SIZE,
              formatter: (p: { dataIndex: number }) => s.labels?.[p.dataIndex] ?? '',
            },
          }),
    }
    if (s.kind === 'bar') {
      return {
        ...common,
        type: 'bar' as const,
        barMaxWidth: 36,
        ...(i === 0 && spec.goal !== undefined ? { markLine: goalLine(spec.goal, spec.horizontal === true) } : {}),
      }
    }
    return {
      ...common,
      type: 'line' as const,
      connectNulls: false,
      symbolSize: 7,
      ...(s.step === true ? { step: 'middle' as const } : {}),
      lineStyle: { color: s.color, width: 3, type: s.dash ?? 'solid' },
      ...(i === 0 && spec.goal !== undefined ? { markLine: goalLine(spec.goal, spec.horizontal === true) } : {}),
    }
  })
  const base = baseChart()
  // One series needs no legend: the chart's title says what it is.
  const single = spec.series.length === 1
  const grid = single ? { left: 8, right: 24, top: 28, bottom: 8 } : (base.grid as { readonly right: number })
  return {
    ...base,
    ...(single ? { legend: { show: false } } : {}),
    // A bar reaching the axis's end (100 %) writes its label beyond it: room for the longest.
    grid: spec.horizontal === true ? { ...grid, right: Math.max(grid.right, labelRoom(spec.series)) } : grid,
    ...(spec.horizontal === true
      ? { xAxis: values, yAxis: { ...categories, inverse: true } }
      : { xAxis: categories, yAxis: values }),
    series,
  } as ReportChartOption
}

/** Font size of the labels at the end of bars, in px. */
const LABEL_SIZE = 13
/** ECharts' gap between a bar's end and its label, in px. */
const LABEL_DISTANCE = 5

/**
 * The width the longest bar label needs to the right of the plot, in px: a generous estimate
 * (ideographs a full em, other characters about two thirds of one), as the chart cannot
 * measure text before it is drawn.
 *
 * @example
 * labelRoom([{ labels: ['100% (1/1)'] }]) //=> 95
 */
export function labelRoom(series: readonly Pick<ComboSeries, 'labels'>[]): number {
  const widths = series
    .flatMap((s) => s.labels ?? [])
    .map((label) => [...label].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.66) * LABEL_SIZE, 0))
  return widths.length === 0 ? 0 : Math.ceil(Math.max(...widths)) + LABEL_DISTANCE + 4
}

function goalLine(goal: { readonly value: number; readonly label: string }, horizontal: boolean) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: CHART_COLORS.late, type: 'dashed' as const, width: 2 },
    // A vertical line (bars growing rightwards, categories inverted top to bottom) is labelled
    // above its top end, which ECharts calls its start, clear of the value axis's figures
    // below; a horizontal one along its right end.
    label: {
      formatter: goal.label,
      color: CHART_COLORS.late,
      fontSize: 13,
      position: horizontal ? ('start' as const) : ('insideEndTop' as const),
    },
    data: [horizontal ? { xAxis: goal.value } : { yAxis: goal.value }],
  }
}
