import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

/** The ECharts parts the report uses, and nothing else (see `ReportChart.vue`, which registers them). */
export type ReportChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
>

/**
 * The report's palette: the screen's own calm, high-contrast colours (`styles/base.css`). Series
 * also differ by shape (bars, solid, dashed and dotted lines), so a chart still reads in grey on
 * a black-and-white printer or for a colour-blind manager.
 */
export const CHART_COLORS = {
  ink: '#10233f',
  soft: '#45546b',
  grid: '#c9d3e0',
  brand: '#0b5cad',
  brandLight: '#8fb3dc',
  ok: '#1c7a3e',
  warn: '#9a5b00',
  late: '#b42318',
} as const

const FONT =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif"

/**
 * What every report chart shares: no animation (a report is read, and a printed chart must be
 * complete), the screen's font, a legend on top, axis tooltips.
 *
 * @example
 * baseChart().animation //=> false
 */
export function baseChart(): ReportChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 14, color: CHART_COLORS.ink },
    legend: { top: 0, left: 'center', textStyle: { fontSize: 14, color: CHART_COLORS.ink }, itemGap: 18 },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 16, top: 48, bottom: 8 },
  }
}

/** A value axis with the report's look. */
export function valueAxis(name: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'value' as const,
    name,
    nameTextStyle: { color: CHART_COLORS.soft, fontSize: 13, align: 'left' as const },
    axisLabel: { color: CHART_COLORS.soft, fontSize: 13 },
    splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    ...extra,
  }
}

/** A category axis with the report's look. */
export function categoryAxis(data: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    data: [...data],
    axisLabel: { color: CHART_COLORS.ink, fontSize: 13 },
    axisLine: { lineStyle: { color: CHART_COLORS.soft } },
    axisTick: { alignWithLabel: true },
    ...extra,
  }
}

/**
 * A share in [0, 1] as a percentage for a chart (one decimal), null kept as a gap.
 *
 * @example
 * percentPoint(0.8345) //=> 83.5
 */
export function percentPoint(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10
}

/**
 * Seconds as minutes for a chart axis (one decimal), null kept as a gap.
 *
 * @example
 * minutesPoint(252) //=> 4.2
 */
export function minutesPoint(sec: number | null): number | null {
  return sec === null ? null : Math.round(sec / 6) / 10
}
