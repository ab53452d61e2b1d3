/**
 * The standards the report measures against beyond those in the branch configuration (each
 * service's target wait and transaction standard come from there). Defaults follow the brief.
 */
export interface ReportOptions {
  /** Share of customers that should be called within their service's target wait (80/20 rule). */
  readonly waitGoalShare: number
  /**
   * Response time standard: call → customer at the counter (the moment of truth). The branch
   * configuration has no per-service figure for it yet, so one for all services.
   */
  readonly responseTargetSec: number
  readonly responseGoalShare: number
  /** Share of transactions that should finish within their service's standard. */
  readonly serviceGoalShare: number
  /**
   * An appointment customer should be called within this long of their appointment, for tickets
   * that do not carry their branch's grace (journals written before a check-in journaled it).
   */
  readonly appointmentGraceSec: number
  readonly appointmentGoalShare: number
  /** The guaranteed time is a promise: its goal is every customer. */
  readonly guaranteedGoalShare: number
  /** How many rows the "longest waits" and "longest transactions" lists keep. */
  readonly longestListSize: number
  /** Points per hour at which the staffing advice checks the time-varying load. */
  readonly staffingChecksPerHour: number
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  waitGoalShare: 0.8,
  responseTargetSec: 60,
  responseGoalShare: 0.9,
  serviceGoalShare: 0.8,
  appointmentGraceSec: 300,
  appointmentGoalShare: 0.9,
  guaranteedGoalShare: 1,
  longestListSize: 10,
  staffingChecksPerHour: 12,
}
