import type { FeedbackRecord } from '../../../../shared/feedback/feedback'
import type { FeedbackStatus } from '../../../../shared/feedback/feedbackStatus'

/** A feedback record with its status now, as the hub lists them. */
export type FeedbackRow = FeedbackRecord & { readonly status: FeedbackStatus }

/** What needs a reply first: overdue, then awaiting a reply, then the answered. */
const RANK: Readonly<Record<FeedbackStatus, number>> = { overdue: 0, open: 1, resolvedLate: 2, resolvedOnTime: 2 }

/**
 * Feedback in the order a manager works through it: overdue first, then awaiting a reply by the
 * nearest deadline, then the answered ones, newest first.
 *
 * @example
 * feedbackOrder(records).map((r) => r.status) //=> ['overdue', 'open', 'open', 'resolvedOnTime']
 */
export function feedbackOrder<T extends FeedbackRecord & { readonly status: FeedbackStatus }>(
  records: readonly T[],
): T[] {
  const due = (r: T) => r.deadline ?? Number.POSITIVE_INFINITY
  return [...records].sort((a, b) => {
    const rank = RANK[a.status] - RANK[b.status]
    if (rank !== 0) return rank
    if (RANK[a.status] < 2 && due(a) !== due(b)) return due(a) - due(b)
    return b.receivedAt - a.receivedAt
  })
}
