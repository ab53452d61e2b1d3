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
      appointmentStandard(rows, options),
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

/**
 * The appointment standard of the day: the grace the booked customers were judged by (each
 * ticket's, journaled at check-in), the report's own when none was booked; null when the grace
 * changed during the day, so there is not one.
 *
 * @example
 * appointmentStandard(rowsJournaledWith600, DEFAULT_REPORT_OPTIONS) //=> 600
 */
export function appointmentStandard(rows: readonly TicketRow[], options: ReportOptions): number | null {
  const graces = new Set<number>()
  for (const r of rows) if (r.appointmentGraceSec !== null) graces.add(r.appointmentGraceSec)
  if (graces.size === 0) return options.appointmentGraceSec
  return graces.size === 1 ? ([...graces][0] ?? null) : null
}
