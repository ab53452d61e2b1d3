import type { ServiceId, StaffId } from '../domain/ids'
import { PAUSE_REASONS, type PauseReasonCode } from '../queue/counterState'
import { histogramService } from '../queueing/serviceTimeModel'
import { staffingPlan } from '../queueing/staffingPlan'
import type { DailySummary } from './dailySummary'
import { DURATION_EDGES, mergeCounts } from './histogram'
import type { Kpis } from './kpis'
import { weekStart } from '../domain/localTime'
import { OVERTAKE_REASONS, type OvertakeReason } from './overtakes'
import { DEFAULT_REPORT_OPTIONS } from './reportOptions'
import { groupBy, shareOf } from './stats'
import { kpisOfSummaries } from './summaryKpis'
import { compareWeeks, type WeekComparison } from './weekOverWeek'

/** An hour of the day over the range: the average day's demand, capacity and waits. */
export interface RangeHour {
  readonly hour: number
  readonly meanArrivals: number
  readonly meanCountersOpen: number
  readonly meanCountersAvailable: number
  readonly waitMeanSec: number | null
  readonly withinTargetShare: number | null
  /** Counters advised for the average day (modified offered load) and what SIPP would give. */
  readonly sipp: number
  readonly advised: number
  readonly modifiedLoad: number
}

/**
 * The report over a date range, from stored daily summaries: the trend view (a series per day and
 * per week), the week-over-week comparison, and the range's profile by hour, service and teller.
 */
export interface RangeReport {
  readonly kind: 'range'
  readonly version: 1
  readonly from: string
  readonly to: string
  readonly kpis: Kpis
  readonly daily: readonly { readonly date: string; readonly kpis: Kpis }[]
  /** Weeks starting on Monday; the first and last may be partial (see `kpis.days`). */
  readonly weekly: readonly { readonly weekStart: string; readonly kpis: Kpis }[]
  /** The week containing `to` against the week before. */
  readonly weekOverWeek: WeekComparison
  readonly hours: readonly RangeHour[]
  /** Mean counter holding time per customer (s) behind the staffing advice. */
  readonly meanHoldSec: number | null
  readonly services: readonly {
    readonly serviceId: ServiceId
    readonly issued: number
    readonly waitMeanSec: number | null
    readonly withinTargetShare: number | null
    readonly transactions: number
    readonly transactionMeanSec: number | null
    readonly withinStandardShare: number | null
  }[]
  readonly staff: readonly {
    readonly staffId: StaffId | null
    readonly transactions: number
    readonly transactionMeanSec: number | null
    readonly withinStandardShare: number | null
    readonly ratings: number
    readonly ratingMean: number | null
  }[]
  readonly overtakesByReason: readonly { readonly reason: OvertakeReason; readonly overtakes: number }[]
  readonly pausedByReason: readonly { readonly code: PauseReasonCode; readonly sec: number }[]
}

export interface RangeOptions {
  /** Share to call within target for the staffing advice. */
  readonly probability: number
  readonly checksPerHour: number
}

/**
 * The range report of the days from `from` to `to` (inclusive, YYYY-MM-DD) among `summaries`.
 * Pass only the days to average (weekdays, say) for a staffing profile of such days.
 *
 * @example
 * rangeReport(year, '2026-01-01', '2026-12-31').weekly.length //=> 53
 */
export function rangeReport(
  summaries: readonly DailySummary[],
  from: string,
  to: string,
  options: Partial<RangeOptions> = {},
): RangeReport {
  const probability = options.probability ?? DEFAULT_REPORT_OPTIONS.waitGoalShare
  const checks = options.checksPerHour ?? DEFAULT_REPORT_OPTIONS.staffingChecksPerHour
  const days = summaries.filter((s) => s.date >= from && s.date <= to).sort((a, b) => a.date.localeCompare(b.date))
  const weekly = [...groupBy(days, (s) => weekStart(s.date))].map(([start, g]) => ({
    weekStart: start,
    kpis: kpisOfSummaries(g),
  }))
  const hold = holdModel(days)
  return {
    kind: 'range',
    version: 1,
    from,
    to,
    kpis: kpisOfSummaries(days),
    daily: days.map((s) => ({ date: s.date, kpis: kpisOfSummaries([s]) })),
    weekly,
    // the week of `to` against the week before, whatever day the range starts: from every day given
    weekOverWeek: compareWeeks(summaries, to),
    hours: hourProfile(days, hold, probability, checks),
    meanHoldSec: hold.model.meanSec > 0 ? hold.model.meanSec : null,
    services: [
      ...groupBy(
        days.flatMap((s) => s.services),
        (x) => x.serviceId,
      ),
    ].map(([serviceId, rows]) => {
      const t = (f: (x: (typeof rows)[number]) => number): number => rows.reduce((s, x) => s + f(x), 0)
      return {
        serviceId,
        issued: t((x) => x.issued),
        waitMeanSec: t((x) => x.waitN) === 0 ? null : t((x) => x.waitSum) / t((x) => x.waitN),
        withinTargetShare: shareOf(
          t((x) => x.target.within),
          t((x) => x.target.judged),
        ),
        transactions: t((x) => x.txN),
        transactionMeanSec: t((x) => x.txN) === 0 ? null : t((x) => x.txSum) / t((x) => x.txN),
        withinStandardShare: shareOf(
          t((x) => x.standard.within),
          t((x) => x.standard.judged),
        ),
      }
    }),
    staff: [
      ...groupBy(
        days.flatMap((s) => s.staff),
        (x) => x.staffId,
      ),
    ].map(([staffId, rows]) => {
      const t = (f: (x: (typeof rows)[number]) => number): number => rows.reduce((s, x) => s + f(x), 0)
      return {
        staffId,
        transactions: t((x) => x.txN),
        transactionMeanSec: t((x) => x.txN) === 0 ? null : t((x) => x.txSum) / t((x) => x.txN),
        withinStandardShare: shareOf(
          t((x) => x.standard.within),
          t((x) => x.standard.judged),
        ),
        ratings: t((x) => x.ratingN),
        ratingMean: t((x) => x.ratingN) === 0 ? null : t((x) => x.ratingSum) / t((x) => x.ratingN),
      }
    }),
    overtakesByReason: OVERTAKE_REASONS.map((reason) => ({
      reason,
      overtakes: days.reduce((s, d) => s + d.fairness.overtakes[reason], 0),
    })),
    pausedByReason: PAUSE_REASONS.map((code) => ({ code, sec: days.reduce((s, d) => s + d.pausedByReason[code], 0) })),
  }
}

function holdModel(days: readonly DailySummary[]) {
  let hist: number[] = []
  let overflowSum = 0
  for (const s of days) {
    hist = mergeCounts(hist, s.hold.hist)
    overflowSum += s.hold.overflowSum
  }
  const overflow = hist.length >= DURATION_EDGES.length ? (hist[DURATION_EDGES.length - 1] as number) : 0
  const model = histogramService(DURATION_EDGES, hist, overflow === 0 ? 0 : overflowSum / overflow)
  const targets = [
    ...groupBy(
      days.flatMap((s) => s.services),
      (x) => x.serviceId,
    ),
  ].flatMap(([, rows]) => {
    const target = rows.find((x) => x.targetWaitSec !== null)?.targetWaitSec ?? null
    const reached = rows.reduce((s, x) => s + x.reached, 0)
    return target === null || reached === 0 ? [] : [{ reached, targetSec: target }]
  })
  const all = targets.reduce((s, x) => s + x.reached, 0)
  return { model, targets: targets.map((x) => ({ share: x.reached / all, targetSec: x.targetSec })) }
}

function hourProfile(
  days: readonly DailySummary[],
  hold: ReturnType<typeof holdModel>,
  probability: number,
  checks: number,
): RangeHour[] {
  const hoursSeen = days.flatMap((s) => s.hours.map((h) => h.hour))
  if (hoursSeen.length === 0 || days.length === 0) return []
  const first = Math.min(...hoursSeen)
  const last = Math.max(...hoursSeen)
  const n = days.length
  const rows = Array.from({ length: last - first + 1 }, (_, i) => {
    const hour = first + i
    const hs = days.flatMap((s) => s.hours.filter((h) => h.hour === hour))
    const t = (f: (h: (typeof hs)[number]) => number): number => hs.reduce((s, h) => s + f(h), 0)
    return {
      hour,
      meanArrivals: t((h) => h.arrivals) / n,
      meanReached: t((h) => h.reached) / n,
      meanCountersOpen: t((h) => h.counterSec) / 3600 / n,
      meanCountersAvailable: t((h) => h.availableSec) / 3600 / n,
      waitMeanSec: t((h) => h.waitN) === 0 ? null : t((h) => h.waitSum) / t((h) => h.waitN),
      withinTargetShare: shareOf(
        t((h) => h.target.within),
        t((h) => h.target.judged),
      ),
    }
  })
  const plan = staffingPlan({
    periodSec: 3600,
    arrivals: rows.map((r) => r.meanReached),
    service: hold.model,
    targets: hold.targets,
    probability,
    checksPerPeriod: checks,
  })
  return rows.map(({ meanReached: _m, ...r }, i) => ({
    ...r,
    sipp: plan[i]?.sipp ?? 0,
    advised: plan[i]?.advised ?? 0,
    modifiedLoad: plan[i]?.modifiedLoad ?? 0,
  }))
}
