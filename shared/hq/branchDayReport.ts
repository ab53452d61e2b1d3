import { endOfLocalDate } from '../domain/localTime'
import type { FeedbackRecord } from '../feedback/feedback'
import { feedbackForDay } from '../feedback/feedbackForDay'
import type { QueueEvent } from '../queue/events'
import { buildDayReport, type DayReport } from '../reports/dayReport'
import type { ReportConfig } from './shippedSchemas'

/**
 * A branch's day report from its replicated events, built exactly as the branch hub builds its
 * own (`dayReportOf`): the same engine fold, the branch's configuration and staff names, and the
 * feedback the day covers. A closed day (`asOf` null) gives the very report the branch shows.
 *
 * @example
 * branchDayReport({ date: '2026-11-24', events, config, feedback, asOf: null }).kpis.issued //=> 812
 */
export function branchDayReport(input: {
  readonly date: string
  readonly events: readonly QueueEvent[]
  readonly config: ReportConfig
  /** All of the branch's feedback records; the day's are picked here. */
  readonly feedback: readonly FeedbackRecord[]
  /** Now, for a day still open; null for a closed day. */
  readonly asOf: number | null
}): DayReport {
  const { config } = input
  const { from, to } = feedbackWindow(input.date, config.utcOffsetMinutes, input.asOf)
  return buildDayReport({
    events: input.events,
    branch: config.branch,
    utcOffsetMinutes: config.utcOffsetMinutes,
    feedback: feedbackForDay(input.feedback, from, to),
    asOf: input.asOf,
    staff: config.staff,
  })
}

/** The span of time whose feedback a day's report covers: the local day, up to now if still open. */
export function feedbackWindow(
  date: string,
  utcOffsetMinutes: number,
  asOf: number | null,
): { readonly from: number; readonly to: number } {
  const end = endOfLocalDate(date, utcOffsetMinutes)
  return { from: end - 86_400_000 + 1, to: asOf === null ? end : Math.min(end, asOf) }
}
