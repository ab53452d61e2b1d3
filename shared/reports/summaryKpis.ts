import type { DailySummary, Tally } from './dailySummary'
import { quantileOfHistogram, mergeCounts, WAIT_EDGES } from './histogram'
import type { Kpis } from './kpis'
import { OVERTAKE_REASONS } from './overtakes'
import { shareOf } from './stats'

const sum = (xs: readonly DailySummary[], f: (s: DailySummary) => number): number => {
  let t = 0
  for (const s of xs) t += f(s)
  return t
}
const tallyShare = (xs: readonly DailySummary[], f: (s: DailySummary) => Tally): number | null =>
  shareOf(
    sum(xs, (s) => f(s).within),
    sum(xs, (s) => f(s).judged),
  )
const maxOf = (values: readonly (number | null)[]): number | null => {
  let m: number | null = null
  for (const v of values) if (v !== null && (m === null || v > m)) m = v
  return m
}

/**
 * The KPIs of any set of stored days: sums and counts merge exactly; the median and 90th
 * percentile of waits come from the merged histogram (to within a bin: 15 s under 10 minutes),
 * except for a single day, which keeps its exact figures.
 *
 * @example
 * kpisOfSummaries(lastWeek).waitWithinTargetShare //=> 0.83
 */
export function kpisOfSummaries(days: readonly DailySummary[]): Kpis {
  const waitN = sum(days, (s) => s.wait.n)
  const waitMax = maxOf(days.map((s) => s.wait.max))
  let median: number | null
  let p90: number | null
  const only = days.length === 1 ? days[0] : undefined
  if (only !== undefined) {
    median = only.wait.median
    p90 = only.wait.p90
  } else {
    let hist: number[] = []
    for (const s of days) hist = mergeCounts(hist, s.wait.hist)
    median = quantileOfHistogram(hist, WAIT_EDGES, 0.5, waitMax ?? 0)
    p90 = quantileOfHistogram(hist, WAIT_EDGES, 0.9, waitMax ?? 0)
  }
  const txN = sum(days, (s) => s.transactions.n)
  const estN = sum(days, (s) => s.estimate.n)
  const customers = sum(days, (s) => s.fairness.customers)
  const servedCustomers = sum(days, (s) => s.fairness.servedCustomers)
  const unit = servedCustomers === 0 ? 0 : sum(days, (s) => s.fairness.servedSum) / servedCustomers
  const ratings = sum(days, (s) => s.ratings.n)
  return {
    days: days.length,
    issued: sum(days, (s) => s.issued),
    served: sum(days, (s) => s.served),
    noShows: sum(days, (s) => s.noShows),
    cancelled: sum(days, (s) => s.cancelled),
    removedAtClose: sum(days, (s) => s.removedAtClose),
    // Absent in summaries stored before the outcome existed: those days counted them as removed.
    dayEnded: sum(days, (s) => s.dayEnded ?? 0),
    transferred: sum(days, (s) => s.transferred),
    waitMeanSec: waitN === 0 ? null : sum(days, (s) => s.wait.sum) / waitN,
    waitMedianSec: median,
    waitP90Sec: p90,
    waitMaxSec: waitMax,
    waitWithinTargetShare: tallyShare(days, (s) => s.wait.target),
    guaranteeKeptShare: tallyShare(days, (s) => s.guaranteed),
    responseWithinShare: tallyShare(days, (s) => s.response),
    appointmentWithinShare: tallyShare(days, (s) => s.appointment),
    transactionMeanSec: txN === 0 ? null : sum(days, (s) => s.transactions.sum) / txN,
    transactionWithinStandardShare: tallyShare(days, (s) => s.transactions.standard),
    estimateMeanErrorSec: estN === 0 ? null : sum(days, (s) => s.estimate.sumErr) / estN,
    estimateRmseSec: estN === 0 ? null : Math.sqrt(sum(days, (s) => s.estimate.sumSqErr) / estN),
    estimateInsideRangeShare: shareOf(
      sum(days, (s) => s.estimate.inside),
      sum(days, (s) => s.estimate.ranged ?? s.estimate.n),
    ),
    overtakes: sum(days, (s) => OVERTAKE_REASONS.reduce((t, r) => t + s.fairness.overtakes[r], 0)),
    fcfsExceptions: sum(days, (s) => s.fairness.fcfsExceptions),
    unexplainedOvertakes: sum(days, (s) => s.fairness.unexplained),
    maxOrdinaryOvertakenWaitSec: maxOf(days.map((s) => s.fairness.maxOrdinaryOvertakenWaitSec)),
    raqfm: customers === 0 || unit === 0 ? null : sum(days, (s) => s.fairness.raqfmSumSq) / customers / (unit * unit),
    ratings,
    ratingMean: ratings === 0 ? null : sum(days, (s) => s.ratings.sum) / ratings,
    counterHours: sum(days, (s) => s.counterSec) / 3600,
    pausedHours: sum(days, (s) => s.pausedSec) / 3600,
  }
}
