import type { ServiceId, StaffId } from '../domain/ids'
import type { PauseReasonCode } from '../queue/counterState'
import type { AutoClose } from '../queue/events'
import type { DayReport } from './dayReport'
import { DURATION_EDGES, histogramOf, WAIT_EDGES } from './histogram'
import type { OvertakeReason } from './overtakes'

/** Judged against a standard: how many were, and how many met it. */
export interface Tally {
  readonly judged: number
  readonly within: number
}

/** One local clock hour of a stored day. */
export interface SummaryHour {
  readonly hour: number
  readonly arrivals: number
  /** Arrivals that reached a counter (what staffing is computed from). */
  readonly reached: number
  readonly waitN: number
  readonly waitSum: number
  readonly target: Tally
  /** Counter-seconds staffed and available (not paused) in the hour. */
  readonly counterSec: number
  readonly availableSec: number
}

/**
 * What the hub stores per day for the trend view: a few kilobytes of sums, counts and
 * fixed-edge histograms (`histogram.ts`), so that any range of days merges exactly (means, shares,
 * maxima) or to within a histogram bin (medians, 90th percentiles). Built by `summarizeDay`.
 */
export interface DailySummary {
  readonly version: 1
  /**
   * The report rules it was computed under (`REPORT_RULES`); absent in summaries stored before
   * rules were versioned (rules 1). A summary under older rules is computed again from its
   * journal while the journal is kept (`ReportStore.refresh`), so a range never mixes rules it
   * could avoid mixing.
   */
  readonly rulesVersion?: number
  readonly date: string
  readonly utcOffsetMinutes: number
  /** How the hub closed the day by itself (the day report's note); null for a manager's close. Absent: rules 1. */
  readonly autoClosed?: AutoClose | null
  readonly issued: number
  readonly served: number
  readonly noShows: number
  readonly cancelled: number
  readonly removedAtClose: number
  /** Tickets still open when the hub closed the day by itself. Absent: rules 1 (counted in `removedAtClose`). */
  readonly dayEnded?: number
  readonly transferred: number
  readonly wait: {
    readonly n: number
    readonly sum: number
    readonly max: number | null
    /** The day's exact median and p90, so a one-day range shows what the day report showed. */
    readonly median: number | null
    readonly p90: number | null
    /** Counts over `WAIT_EDGES`. */
    readonly hist: readonly number[]
    readonly target: Tally
  }
  readonly guaranteed: Tally
  readonly response: Tally
  readonly appointment: Tally
  readonly transactions: { readonly n: number; readonly sum: number; readonly standard: Tally }
  /** Counter holding time of each customer who reached a counter, over `DURATION_EDGES`. */
  readonly hold: {
    readonly n: number
    readonly sum: number
    readonly overflowSum: number
    readonly hist: readonly number[]
  }
  readonly estimate: {
    readonly n: number
    readonly sumErr: number
    readonly sumSqErr: number
    readonly inside: number
    /** Of `n`, those shown a range ("soon" is not one, `judgeShownWait`); absent in older summaries: all `n`. */
    readonly ranged?: number
  }
  readonly fairness: {
    readonly overtakes: Readonly<Record<OvertakeReason, number>>
    readonly fcfsExceptions: number
    readonly unexplained: number
    readonly maxOrdinaryOvertakenWaitSec: number | null
    /** Σ D² (s²) over `customers`, and Σ service over `servedCustomers` (s): RAQFM merges from these. */
    readonly raqfmSumSq: number
    readonly customers: number
    readonly servedSum: number
    readonly servedCustomers: number
  }
  readonly ratings: { readonly n: number; readonly sum: number; readonly counts: readonly number[] }
  readonly counterSec: number
  readonly pausedSec: number
  readonly pausedByReason: Readonly<Record<PauseReasonCode, number>>
  readonly hours: readonly SummaryHour[]
  readonly services: readonly {
    readonly serviceId: ServiceId
    readonly targetWaitSec: number | null
    readonly issued: number
    readonly reached: number
    readonly waitN: number
    readonly waitSum: number
    readonly target: Tally
    readonly txN: number
    readonly txSum: number
    readonly standard: Tally
  }[]
  readonly staff: readonly {
    readonly staffId: StaffId | null
    readonly txN: number
    readonly txSum: number
    readonly standard: Tally
    readonly ratingN: number
    readonly ratingSum: number
  }[]
}

/**
 * The version of the rules a day's figures are computed by (what counts as what, which fields a
 * summary has). Raise it with any change to `buildDayReport` or `summarizeDay` that changes a
 * stored day's figures: stored summaries under older rules are then computed again.
 *
 * 1. Until summaries carried a version.
 * 2. Tickets left open by the hub's own close end as `dayEnded` (not `removedAtClose`) and wait
 *    only until the branch's last activity; summaries carry `dayEnded` and `autoClosed`.
 */
export const REPORT_RULES = 2

/** The rules a stored summary was computed under (1 for those stored before versions). */
export const rulesOf = (s: Pick<DailySummary, 'rulesVersion'>): number => s.rulesVersion ?? 1

const tally = (verdicts: readonly (boolean | null)[]): Tally => ({
  judged: verdicts.filter((v) => v !== null).length,
  within: verdicts.filter((v) => v === true).length,
})

/**
 * The compact summary of a day's report, for the history the trend view reads.
 *
 * @example
 * const s = summarizeDay(report)
 * JSON.stringify(s).length //=> about 3,000 for a 2,000-ticket day
 */
export function summarizeDay(r: DayReport): DailySummary {
  const t = r.tickets
  const waits = t.flatMap((x) => (x.waitSec === null ? [] : [x.waitSec]))
  const reached = t.filter((x) => x.calledAt !== null)
  const holds = reached.map((x) => x.holdSec)
  const lastEdge = DURATION_EDGES[DURATION_EDGES.length - 1] as number
  const estimated = t.filter((x) => x.estimateErrorSec !== null)
  const tx = r.transactions
  const rated = r.satisfaction
  const overtakes = Object.fromEntries(r.fairness.byReason.map((x) => [x.reason, x.overtakes])) as Record<
    OvertakeReason,
    number
  >
  return {
    version: 1,
    rulesVersion: REPORT_RULES,
    date: r.date ?? '',
    utcOffsetMinutes: r.utcOffsetMinutes,
    autoClosed: r.autoClosed,
    issued: r.volume.issued,
    served: r.volume.served,
    noShows: r.volume.noShows,
    cancelled: r.volume.cancelled,
    removedAtClose: r.volume.removedAtClose,
    dayEnded: r.volume.dayEnded,
    transferred: r.volume.transferredTickets,
    wait: {
      n: waits.length,
      sum: waits.reduce((a, b) => a + b, 0),
      max: r.waiting.overall.max,
      median: r.waiting.overall.median,
      p90: r.waiting.overall.p90,
      hist: histogramOf(waits, WAIT_EDGES),
      target: tally(t.map((x) => x.withinTarget)),
    },
    guaranteed: tally(t.map((x) => x.guaranteeKept)),
    response: tally(t.map((x) => x.responseWithin)),
    appointment: tally(t.map((x) => x.appointmentWithin)),
    transactions: {
      n: tx.overall.count,
      sum: (tx.overall.mean ?? 0) * tx.overall.count,
      standard: { judged: tx.overall.judged, within: tx.overall.withinStandard },
    },
    hold: {
      n: holds.length,
      sum: holds.reduce((a, b) => a + b, 0),
      overflowSum: holds.filter((h) => h >= lastEdge).reduce((a, b) => a + b, 0),
      hist: histogramOf(holds, DURATION_EDGES),
    },
    estimate: {
      n: estimated.length,
      sumErr: estimated.reduce((s, x) => s + (x.estimateErrorSec as number), 0),
      sumSqErr: estimated.reduce((s, x) => s + (x.estimateErrorSec as number) ** 2, 0),
      inside: estimated.filter((x) => x.estimateInRange === true).length,
      ranged: estimated.filter((x) => x.estimateInRange !== null).length,
    },
    fairness: {
      overtakes,
      fcfsExceptions: r.fairness.fcfsExceptions,
      unexplained: r.fairness.unexplained,
      maxOrdinaryOvertakenWaitSec: r.fairness.maxOrdinaryOvertakenWaitSec,
      raqfmSumSq: t.reduce((s, x) => s + x.discriminationSec * x.discriminationSec, 0),
      customers: r.fairness.raqfm.customers,
      servedSum: r.fairness.raqfm.unitSec * r.fairness.raqfm.servedCustomers,
      servedCustomers: r.fairness.raqfm.servedCustomers,
    },
    ratings: {
      n: rated.overall.ratings,
      sum: (rated.overall.mean ?? 0) * rated.overall.ratings,
      counts: rated.overall.counts,
    },
    counterSec: r.counters.counters.reduce((s, c) => s + c.openSec, 0),
    pausedSec: r.counters.counters.reduce((s, c) => s + c.pausedSec, 0),
    pausedByReason: Object.fromEntries(r.counters.pausedByReason.map((p) => [p.code, p.sec])) as Record<
      PauseReasonCode,
      number
    >,
    hours: r.hours.map((h, i) => ({
      hour: h.hour,
      arrivals: h.arrivals,
      reached: r.staffing.rows[i]?.arrivals ?? 0,
      waitN: h.wait.count,
      waitSum: (h.wait.mean ?? 0) * h.wait.count,
      target: { judged: h.wait.judged, within: h.wait.withinTarget },
      counterSec: h.countersOpen * 3600,
      availableSec: h.countersAvailable * 3600,
    })),
    services: r.waiting.byService.map((w) => {
      const x = tx.byService.find((s) => s.serviceId === w.serviceId)
      return {
        serviceId: w.serviceId,
        targetWaitSec: r.labels.services.find((s) => s.id === w.serviceId)?.targetWaitSec ?? null,
        issued: t.filter((k) => k.serviceId === w.serviceId).length,
        reached: reached.filter((k) => k.serviceId === w.serviceId).length,
        waitN: w.count,
        waitSum: (w.mean ?? 0) * w.count,
        target: { judged: w.judged, within: w.withinTarget },
        txN: x?.count ?? 0,
        txSum: (x?.mean ?? 0) * (x?.count ?? 0),
        standard: { judged: x?.judged ?? 0, within: x?.withinStandard ?? 0 },
      }
    }),
    staff: staffRows(r),
  }
}

function staffRows(r: DayReport): DailySummary['staff'] {
  const ids = new Set<StaffId | null>([
    ...r.transactions.byStaff.map((s) => s.staffId),
    ...r.satisfaction.byStaff.map((s) => s.staffId),
  ])
  return [...ids].map((staffId) => {
    const tx = r.transactions.byStaff.find((s) => s.staffId === staffId)
    const rt = r.satisfaction.byStaff.find((s) => s.staffId === staffId)
    return {
      staffId,
      txN: tx?.count ?? 0,
      txSum: (tx?.mean ?? 0) * (tx?.count ?? 0),
      standard: { judged: tx?.judged ?? 0, within: tx?.withinStandard ?? 0 },
      ratingN: rt?.ratings ?? 0,
      ratingSum: (rt?.mean ?? 0) * (rt?.ratings ?? 0),
    }
  })
}
