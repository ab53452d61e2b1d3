import { FEEDBACK_KINDS, type FeedbackKind, type FeedbackRecord } from '../feedback/feedback'
import { feedbackStatus, type FeedbackStatus } from '../feedback/feedbackStatus'

/** A feedback record as the report lists it: with where it stands now. */
export interface FeedbackItem extends FeedbackRecord {
  readonly status: FeedbackStatus
  /** The ticket number, when the record names a ticket of this report. */
  readonly ticketNumber: string | null
}

export interface FeedbackSection {
  /** Overdue first, then by deadline. */
  readonly items: readonly FeedbackItem[]
  readonly byKind: readonly { readonly kind: FeedbackKind; readonly count: number }[]
  readonly byStatus: Readonly<Record<FeedbackStatus, number>>
}

/**
 * The feedback and complaints section: every record given, with its status at `asOf`. The hub
 * passes the records received in the reported period and any still open.
 *
 * @example
 * feedbackSection(records, asOf, numbers).byStatus.overdue //=> 1
 */
export function feedbackSection(
  records: readonly FeedbackRecord[],
  asOf: number,
  ticketNumbers: ReadonlyMap<string, string>,
): FeedbackSection {
  const rank: Record<FeedbackStatus, number> = { overdue: 0, open: 1, resolvedLate: 2, resolvedOnTime: 3 }
  const items = records
    .map((r) => ({
      ...r,
      status: feedbackStatus(r, asOf),
      ticketNumber: r.ticketId === null ? null : (ticketNumbers.get(r.ticketId) ?? null),
    }))
    .sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (a.deadline ?? Number.POSITIVE_INFINITY) - (b.deadline ?? Number.POSITIVE_INFINITY) ||
        a.receivedAt - b.receivedAt,
    )
  const byStatus: Record<FeedbackStatus, number> = { open: 0, overdue: 0, resolvedOnTime: 0, resolvedLate: 0 }
  for (const i of items) byStatus[i.status]++
  return {
    items,
    byKind: FEEDBACK_KINDS.map((kind) => ({ kind, count: records.filter((r) => r.kind === kind).length })),
    byStatus,
  }
}
