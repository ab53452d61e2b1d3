import type { FeedbackRecord } from './feedback'

/**
 * Where a record stands at a moment: open (reply not yet due), overdue (due and unanswered),
 * answered on time or late. Praise, which has no deadline, is `open` until acknowledged and
 * `resolvedOnTime` after.
 */
export type FeedbackStatus = 'open' | 'overdue' | 'resolvedOnTime' | 'resolvedLate'

/**
 * The status of a record at `asOf` (epoch ms).
 *
 * @example
 * feedbackStatus({ ...complaint, deadline: 100, resolvedAt: null }, 150) //=> 'overdue'
 */
export function feedbackStatus(record: FeedbackRecord, asOf: number): FeedbackStatus {
  const { deadline, resolvedAt } = record
  if (resolvedAt !== null && resolvedAt <= asOf) {
    return deadline === null || resolvedAt < deadline ? 'resolvedOnTime' : 'resolvedLate'
  }
  return deadline !== null && asOf >= deadline ? 'overdue' : 'open'
}
