/**
 * The headline figures of a day or a date range, flat so that a trend chart, a week-over-week
 * table and a CSV row all read them the same way. Durations in seconds, shares in [0, 1];
 * null where nothing was measured.
 */
export interface Kpis {
  readonly days: number
  readonly issued: number
  readonly served: number
  readonly noShows: number
  readonly cancelled: number
  readonly removedAtClose: number
  /** Still open when the hub closed the day by itself (outcome `dayEnded`): neither served nor missed. */
  readonly dayEnded: number
  /** Tickets transferred at least once. */
  readonly transferred: number
  readonly waitMeanSec: number | null
  readonly waitMedianSec: number | null
  readonly waitP90Sec: number | null
  readonly waitMaxSec: number | null
  readonly waitWithinTargetShare: number | null
  readonly guaranteeKeptShare: number | null
  readonly responseWithinShare: number | null
  readonly appointmentWithinShare: number | null
  readonly transactionMeanSec: number | null
  readonly transactionWithinStandardShare: number | null
  readonly estimateMeanErrorSec: number | null
  readonly estimateRmseSec: number | null
  readonly estimateInsideRangeShare: number | null
  readonly overtakes: number
  readonly fcfsExceptions: number
  readonly unexplainedOvertakes: number
  readonly maxOrdinaryOvertakenWaitSec: number | null
  /** RAQFM E[D²] in units of the mean transaction time squared. */
  readonly raqfm: number | null
  readonly ratings: number
  readonly ratingMean: number | null
  /** Counter-hours staffed and counter-hours paused. */
  readonly counterHours: number
  readonly pausedHours: number
}

export type KpiKey = Exclude<keyof Kpis, 'days'>

/**
 * Every KPI in display order, with which way is better (for week-over-week arrows); null where
 * neither is (volumes).
 */
export const KPI_KEYS: readonly { readonly key: KpiKey; readonly better: 'higher' | 'lower' | null }[] = [
  { key: 'issued', better: null },
  { key: 'served', better: null },
  { key: 'noShows', better: 'lower' },
  { key: 'cancelled', better: 'lower' },
  { key: 'removedAtClose', better: 'lower' },
  { key: 'dayEnded', better: 'lower' },
  { key: 'transferred', better: null },
  { key: 'waitMeanSec', better: 'lower' },
  { key: 'waitMedianSec', better: 'lower' },
  { key: 'waitP90Sec', better: 'lower' },
  { key: 'waitMaxSec', better: 'lower' },
  { key: 'waitWithinTargetShare', better: 'higher' },
  { key: 'guaranteeKeptShare', better: 'higher' },
  { key: 'responseWithinShare', better: 'higher' },
  { key: 'appointmentWithinShare', better: 'higher' },
  { key: 'transactionMeanSec', better: 'lower' },
  { key: 'transactionWithinStandardShare', better: 'higher' },
  { key: 'estimateMeanErrorSec', better: null },
  { key: 'estimateRmseSec', better: 'lower' },
  { key: 'estimateInsideRangeShare', better: 'higher' },
  { key: 'overtakes', better: 'lower' },
  { key: 'fcfsExceptions', better: 'lower' },
  { key: 'unexplainedOvertakes', better: 'lower' },
  { key: 'maxOrdinaryOvertakenWaitSec', better: 'lower' },
  { key: 'raqfm', better: 'lower' },
  { key: 'ratings', better: null },
  { key: 'ratingMean', better: 'higher' },
  { key: 'counterHours', better: null },
  { key: 'pausedHours', better: null },
]

/** A point of a trend: a day, or a week (by its Monday), with its KPIs. */
export interface TrendPoint {
  readonly date: string
  readonly kpis: Kpis
}

/**
 * Whether a KPI's change is good news; null for volumes, no change, or nothing to compare.
 *
 * @example
 * kpiVerdict('waitMeanSec', -43) //=> 'better'
 */
export function kpiVerdict(key: KpiKey, change: number | null): 'better' | 'worse' | null {
  const better = KPI_KEYS.find((k) => k.key === key)?.better ?? null
  if (change === null || change === 0 || better === null) return null
  return change > 0 === (better === 'higher') ? 'better' : 'worse'
}
