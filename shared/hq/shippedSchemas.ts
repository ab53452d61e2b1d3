import { Type, type Static } from 'typebox'
import { StaffIdSchema, TicketIdSchema } from '../api/common'
import { BranchConfigSchema } from '../config/branchSchema'
import type { BranchConfig } from '../domain/branch'
import type { StaffLabel } from '../reports/dayReport'
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, type FeedbackRecord } from '../feedback/feedback'

/**
 * What a branch ships besides its journal: the configuration its reports are built with, and its
 * feedback records. Checked at HQ's door like every other message.
 */
const strict = { additionalProperties: false } as const

/** The part of a branch's configuration a report needs (no PIN hashes, no devices, no network). */
export const ReportConfigSchema = Type.Object(
  {
    branch: BranchConfigSchema,
    utcOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840 }),
    staff: Type.Array(Type.Object({ id: StaffIdSchema, name: Type.String({ minLength: 1, maxLength: 60 }) }, strict), {
      maxItems: 1000,
    }),
  },
  strict,
)

/** The configuration a branch's reports are built with (what `ReportConfigSchema` admits). */
export interface ReportConfig {
  readonly branch: BranchConfig
  readonly utcOffsetMinutes: number
  readonly staff: readonly StaffLabel[]
}

/** Compiles only while the schema gives every field of `ReportConfig` its type. */
export const reportConfigFromSchema = (parsed: Static<typeof ReportConfigSchema>): ReportConfig => parsed

const nullableMs = Type.Union([Type.Number({ minimum: 0 }), Type.Null()])
export const FeedbackRecordSchema = Type.Object(
  {
    id: Type.Unsafe<FeedbackRecord['id']>(Type.String({ minLength: 1, maxLength: 64 })),
    ticketId: Type.Union([TicketIdSchema, Type.Null()]),
    kind: Type.Unsafe<FeedbackRecord['kind']>(Type.Union(FEEDBACK_KINDS.map((k) => Type.Literal(k)))),
    channel: Type.Unsafe<FeedbackRecord['channel']>(Type.Union(FEEDBACK_CHANNELS.map((k) => Type.Literal(k)))),
    text: Type.String({ maxLength: 2000 }),
    receivedAt: Type.Number({ minimum: 0 }),
    deadline: nullableMs,
    resolvedAt: nullableMs,
    resolution: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    resolvedBy: Type.Optional(StaffIdSchema),
  },
  strict,
)

/** Compiles only while the schema gives every field of `FeedbackRecord` its type. */
export const feedbackFromSchema = (parsed: Static<typeof FeedbackRecordSchema>): FeedbackRecord => parsed
