import type { FeedbackRecord } from './feedback'

/**
 * The feedback a day's report covers: received that day, or received earlier and still open then.
 *
 * @example
 * feedbackForDay(records, startOfLocalDay('2026-11-24', 480), endOfLocalDate('2026-11-24', 480)).length //=> 3
 */
export function feedbackForDay(records: readonly FeedbackRecord[], dayStart: number, dayEnd: number): FeedbackRecord[] {
  return records.filter(
    (r) =>
      (r.receivedAt >= dayStart && r.receivedAt <= dayEnd) ||
      (r.receivedAt < dayStart && (r.resolvedAt === null || r.resolvedAt >= dayStart)),
  )
}
