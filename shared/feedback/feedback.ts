import type { StaffId, TicketId } from '../domain/ids'
import { replyDeadline, type WorkCalendar } from './replyDeadline'

declare const brand: unique symbol
/** A feedback record's id (plain string in JSON). */
export type FeedbackId = string & { readonly [brand]: 'FeedbackId' }
export const feedbackId = (s: string): FeedbackId => s as FeedbackId

export const FEEDBACK_KINDS = ['complaint', 'suggestion', 'praise'] as const
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]

/** Where the customer left it: the kiosk, the counter screen, or told to the manager. */
export const FEEDBACK_CHANNELS = ['kiosk', 'counter', 'manager'] as const
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number]

/**
 * A complaint, suggestion or praise, tracked against the reply deadline (投诉建议一般应在3个工作日
 * 之内对客户进行回复: complaints and suggestions are answered within 3 working days; one badly
 * handled complaint destroys all accumulated satisfaction). The hub stores these; the report
 * reads them.
 */
export interface FeedbackRecord {
  readonly id: FeedbackId
  /** The ticket the customer held, when they gave one. */
  readonly ticketId: TicketId | null
  readonly kind: FeedbackKind
  readonly channel: FeedbackChannel
  readonly text: string
  readonly receivedAt: number
  /** Reply due before this instant (end of the third working day); null for praise. */
  readonly deadline: number | null
  readonly resolvedAt: number | null
  /** What the branch replied or did. */
  readonly resolution: string | null
  /**
   * Who recorded the reply (a manager's staff id), with `resolvedAt`. Absent while open, and on
   * records answered before the hub kept it (feedback.json of earlier releases, HQ's copies).
   */
  readonly resolvedBy?: StaffId
}

/** What is known when feedback comes in. */
export type NewFeedback = Pick<FeedbackRecord, 'id' | 'ticketId' | 'kind' | 'channel' | 'text' | 'receivedAt'>

/**
 * Whether a kind of feedback is owed a reply. Praise is thanked, but the rule is for the rest.
 *
 * @example
 * needsReply('praise') //=> false
 */
export function needsReply(kind: FeedbackKind): boolean {
  return kind !== 'praise'
}

/**
 * A new record with its reply deadline set by the 3-working-day rule.
 *
 * @example
 * // a complaint on Friday 2026-11-27 at 15:00 Beijing time is due by the end of Wednesday
 * recordFeedback({ id, ticketId: null, kind: 'complaint', channel: 'kiosk', text, receivedAt },
 *   { utcOffsetMinutes: 480, holidays: [], workingWeekends: [] }).deadline
 * //=> startOfLocalDay('2026-12-03', 480)
 */
export function recordFeedback(input: NewFeedback, calendar: WorkCalendar): FeedbackRecord {
  return {
    ...input,
    deadline: needsReply(input.kind) ? replyDeadline(input.receivedAt, calendar) : null,
    resolvedAt: null,
    resolution: null,
  }
}

/**
 * The record once the branch has replied: when, what, and who recorded it.
 *
 * @example
 * resolveFeedback(record, at, '已致电客户致歉并说明', staffId('m01')).resolvedBy //=> 'm01'
 */
export function resolveFeedback(record: FeedbackRecord, at: number, resolution: string, by: StaffId): FeedbackRecord {
  return { ...record, resolvedAt: at, resolution, resolvedBy: by }
}

/** What a reply sent for a record does: see `decideResolve`. */
export type ResolveOutcome =
  /** The record was open: it is answered now. */
  | { readonly kind: 'resolved'; readonly record: FeedbackRecord }
  /** The same reply again (a retry after a lost answer): the record as answered, unchanged. */
  | { readonly kind: 'repeated'; readonly record: FeedbackRecord }
  /** Already answered with another reply: refused, the record unchanged. */
  | { readonly kind: 'alreadyResolved'; readonly record: FeedbackRecord }

/**
 * Answers a record once. A second, different reply is refused rather than written over the
 * first: its text is what the customer was told, and its time decides whether the deadline was
 * met. The same reply sent again is taken for a retry and answered with the record as it stands.
 *
 * @example
 * decideResolve(open, at, 'called back', m01).kind //=> 'resolved'
 * decideResolve(answered, later, answered.resolution, m01).kind //=> 'repeated'
 * decideResolve(answered, later, 'something else', m01).kind //=> 'alreadyResolved'
 */
export function decideResolve(record: FeedbackRecord, at: number, resolution: string, by: StaffId): ResolveOutcome {
  if (record.resolvedAt === null) return { kind: 'resolved', record: resolveFeedback(record, at, resolution, by) }
  return { kind: record.resolution === resolution ? 'repeated' : 'alreadyResolved', record }
}
