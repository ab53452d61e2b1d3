import type { BranchConfig } from '../domain/branch'
import type { ReportOptions } from './reportOptions'
import { distribution, shareOf } from './stats'
import type { TicketRow, TransactionRow } from './ticketTimes'

/**
 * The five times customers judge quality by (等候时间、回应时间、服务时间、预约时间、保证时间):
 * waiting (issue → first call), response (call → customer at the counter), service (each
 * transaction), appointment (appointment → call), guaranteed (the declared wait cap, or the
 * target wait where the branch declares no cap).
 */
export const FIVE_TIMES = ['waiting', 'response', 'service', 'appointment', 'guaranteed'] as const
export type FiveTime = (typeof FIVE_TIMES)[number]

/** How one of the five times did against its standard. */
export interface FiveTimeRow {
  readonly time: FiveTime
  /** The standard in seconds; null when it is set per service (target wait, transaction standard). */
  readonly standardSec: number | null
  /** The share that should meet it. */
  readonly goalShare: number
  /** Measured (tickets, or transactions for `service`). */
  readonly judged: number
  readonly within: number
  readonly share: number | null
  /** share ≥ goal; null when nothing was measured. */
  readonly met: boolean | null
  readonly meanSec: number | null
  readonly p90Sec: number | null
}

/**
 * Which of the five times met their standard.
 *
 * @example
 * fiveTimes(rows, tx, branch, DEFAULT_REPORT_OPTIONS).map((r) => [r.time, r.met])
 * //=> [['waiting', true], ['response', true], ['service', false], ['appointment', null], ['guaranteed', true]]
 */
export function fiveTimes(
  rows: readonly TicketRow[],
  transactions: readonly TransactionRow[],
  branch: BranchConfig,
  options: ReportOptions,
): FiveTimeRow[] {
  const row = (
    time: FiveTime,
    standardSec: number | null,
    goalShare: number,
    verdicts: readonly (boolean | null)[],
    values: readonly (number | null)[],
  ): FiveTimeRow => {
    let judged = 0
    let within = 0
    for (const v of verdicts) {
      if (v !== null) judged++
      if (v === true) within++
    }
    const share = shareOf(within, judged)
    const d = distribution(values.filter((v): v is number => v !== null))
    return {
      time,
      standardSec,
      goalShare,
      judged,
      within,
      share,
      met: share === null ? null : share >= goalShare,
      meanSec: d.mean,
      p90Sec: d.p90,
    }
  }
  return [
    row(
      'waiting',
      null,
      options.waitGoalShare,
      rows.map((r) => r.withinTarget),
      rows.map((r) => r.waitSec),
    ),
    row(
      'response',
      options.responseTargetSec,
      options.responseGoalShare,
      rows.map((r) => r.responseWithin),
      rows.map((r) => r.responseSec),
    ),
    row(
      'service',
      null,
      options.serviceGoalShare,
      transactions.map((t) => t.withinStandard),
      transactions.map((t) => t.durationSec),
    ),
    row(
      'appointment',
      options.appointmentGraceSec,
      options.appointmentGoalShare,
      rows.map((r) => r.appointmentWithin),
      rows.map((r) => r.appointmentSec),
    ),
    row(
      'guaranteed',
      branch.policy.waitCapSec,
      options.guaranteedGoalShare,
      rows.map((r) => r.guaranteeKept),
      rows.map((r) => r.waitSec),
    ),
  ]
}
