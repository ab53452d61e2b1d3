import type { BranchConfig } from '../domain/branch'
import type { WaitEstimate } from '../queue/ticket'
import { showsRange } from '../queue/showsRange'
import type { SimTicketRecord } from './simulateBranch'

/** One line of the simulator's `--out FILE.jsonl`: a ticket, times in seconds since opening. */
export interface TicketLine {
  readonly ticket: string
  readonly service: string
  readonly priority: string | null
  readonly issuedAt: number
  readonly calledAt: number | null
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly counter: string | null
  readonly aheadAtIssue: number
  /** The estimate shown at issue (seconds until call). */
  readonly estimate: WaitEstimate | null
  readonly outcome: string
}

const r1 = (x: number): number => Math.round(x * 10) / 10

/**
 * The JSONL line of a simulated ticket (times rounded to a tenth of a second).
 *
 * @example
 * ticketLine(record) //=> { ticket: 'A001', service: 'personal', priority: null, issuedAt: 12.4, … }
 */
export function ticketLine(r: SimTicketRecord): TicketLine {
  const t = (x: number | null): number | null => (x === null ? null : r1(x))
  return {
    ticket: r.number,
    service: r.serviceId,
    priority: r.priorityClassId,
    issuedAt: r1(r.issuedAt),
    calledAt: t(r.calledAt),
    startedAt: t(r.startedAt),
    endedAt: t(r.endedAt),
    counter: r.counterId,
    aheadAtIssue: r.aheadAtIssue,
    estimate:
      r.estimate === null
        ? null
        : { mean: r1(r.estimate.mean), p10: r1(r.estimate.p10), p50: r1(r.estimate.p50), p90: r1(r.estimate.p90) },
    outcome: r.outcome,
  }
}

/** Headline figures of a group of tickets. */
export interface WaitFigures {
  readonly issued: number
  readonly served: number
  readonly noShows: number
  readonly removedAtClose: number
  /** Over served tickets: wait from issue to first call (seconds). */
  readonly meanWaitSec: number | null
  readonly p90WaitSec: number | null
  /** Share of served tickets called within their service's target wait. */
  readonly withinTargetShare: number | null
  /**
   * Share of served tickets whose wait fell inside the estimator's own 80 % range at issue, raw
   * p10–p90 (non-trivial ranges, `showsRange`): the model's coverage, as its calibration learns
   * it — not the report's "inside the range shown", which judges the kinder whole minutes shown.
   */
  readonly estimateCoverage: number | null
  /** Mean absolute error of the estimate's mean (seconds). */
  readonly estimateMaeSec: number | null
}

/**
 * The simulated day's summary: the headline figures for the branch and per service. The full
 * daily report (standards, fairness, honesty, counters, tellers) is the reports engineer's
 * `shared/reports`; `dailyReport` is the place for it, null until that is wired in.
 */
export interface SimDaySummary {
  readonly scenario: string
  readonly date: string
  readonly seed: number
  readonly branch: WaitFigures
  readonly services: readonly ({ readonly service: string } & WaitFigures)[]
  /** Reserved for `shared/reports`' daily report of the simulated day (not computed here). */
  readonly dailyReport: null
}

function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null
}

function figures(records: readonly SimTicketRecord[], targetOf: (service: string) => number): WaitFigures {
  const served = records.filter((r) => r.outcome === 'served' && r.calledAt !== null)
  const waits = served.map((r) => (r.calledAt as number) - r.issuedAt).sort((a, b) => a - b)
  const ranged = served.filter((r) => r.estimate !== null && showsRange(r.estimate))
  const withEstimate = served.filter((r) => r.estimate !== null)
  const inRange = ranged.filter((r) => {
    const w = (r.calledAt as number) - r.issuedAt
    return r.estimate !== null && w >= r.estimate.p10 && w <= r.estimate.p90
  }).length
  const mae = withEstimate.reduce(
    (s, r) => s + Math.abs((r.estimate?.mean ?? 0) - ((r.calledAt as number) - r.issuedAt)),
    0,
  )
  return {
    issued: records.length,
    served: served.length,
    noShows: records.filter((r) => r.outcome === 'noShow').length,
    removedAtClose: records.filter((r) => r.outcome === 'removedAtClose').length,
    meanWaitSec: waits.length === 0 ? null : r1(waits.reduce((a, b) => a + b, 0) / waits.length),
    p90WaitSec: quantile(waits, 0.9) === null ? null : r1(quantile(waits, 0.9) as number),
    withinTargetShare:
      served.length === 0
        ? null
        : served.filter((r) => (r.calledAt as number) - r.issuedAt <= targetOf(r.serviceId)).length / served.length,
    estimateCoverage: ranged.length === 0 ? null : inRange / ranged.length,
    estimateMaeSec: withEstimate.length === 0 ? null : r1(mae / withEstimate.length),
  }
}

/**
 * @example
 * summariseSimDay('Lunch peak', '2026-11-24', 7, branch, records).branch.meanWaitSec //=> 312.4
 */
export function summariseSimDay(
  scenario: string,
  date: string,
  seed: number,
  branch: BranchConfig,
  records: readonly SimTicketRecord[],
): SimDaySummary {
  const target = new Map<string, number>(branch.services.map((s) => [s.id, s.targetWaitSec]))
  const targetOf = (s: string): number => target.get(s) ?? Number.POSITIVE_INFINITY
  return {
    scenario,
    date,
    seed,
    branch: figures(records, targetOf),
    services: branch.services.map((s) => ({
      service: s.id,
      ...figures(
        records.filter((r) => r.serviceId === s.id),
        targetOf,
      ),
    })),
    dailyReport: null,
  }
}
