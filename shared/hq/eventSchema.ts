import { Type, type Static, type TSchema } from 'typebox'
import {
  CounterIdSchema,
  DelayIdSchema,
  EpochMsSchema,
  LanguageSchema,
  LocalizedTextSchema,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
} from '../api/common'
import { DelayScopeSchema, PauseReasonSchema } from '../api/routes'
import type { QueueEvent } from '../queue/events'

/**
 * A queue event as it crosses the wire from a branch to headquarters: every event type of
 * `shared/queue/events.ts` with its fields, so HQ refuses a malformed record with the field
 * named instead of storing something its reports would trip over.
 */
const strict = { additionalProperties: false } as const
const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const EstimateSchema = Type.Object(
  { mean: Type.Number(), p10: Type.Number(), p50: Type.Number(), p90: Type.Number() },
  strict,
)

const ev = <T extends string, P extends Record<string, TSchema>>(type: T, props: P) =>
  Type.Object({ type: Type.Literal(type), seq: Type.Integer({ minimum: 1 }), at: EpochMsSchema, ...props }, strict)

export const QueueEventSchema = Type.Union([
  ev('dayOpened', { date: DateSchema }),
  ev('dayClosed', {}),
  ev('ticketIssued', {
    ticketId: TicketIdSchema,
    number: Type.String({ minLength: 1, maxLength: 16 }),
    issueSeq: Type.Integer({ minimum: 1 }),
    serviceId: ServiceIdSchema,
    priorityClassId: Type.Union([PriorityClassIdSchema, Type.Null()]),
    language: LanguageSchema,
    appointmentAt: Type.Union([EpochMsSchema, Type.Null()]),
    estimate: Type.Union([EstimateSchema, Type.Null()]),
  }),
  ev('ticketCalled', {
    ticketId: TicketIdSchema,
    counterId: CounterIdSchema,
    staffId: Type.Union([StaffIdSchema, Type.Null()]),
    outOfOrder: Type.Union([
      Type.Object(
        { reason: Type.String({ maxLength: 500 }), skipped: Type.Union([TicketIdSchema, Type.Null()]) },
        strict,
      ),
      Type.Null(),
    ]),
  }),
  ev('ticketRecalled', { ticketId: TicketIdSchema, counterId: CounterIdSchema }),
  ev('serviceStarted', { ticketId: TicketIdSchema, counterId: CounterIdSchema }),
  ev('serviceCompleted', {
    ticketId: TicketIdSchema,
    counterId: CounterIdSchema,
    completedServiceId: Type.Union([ServiceIdSchema, Type.Null()]),
  }),
  ev('transactionAdded', {
    ticketId: TicketIdSchema,
    counterId: CounterIdSchema,
    serviceId: ServiceIdSchema,
    quantity: Type.Integer({ minimum: 1, maximum: 99 }),
  }),
  ev('ticketNoShow', { ticketId: TicketIdSchema, counterId: CounterIdSchema }),
  ev('ticketRejoined', { ticketId: TicketIdSchema, queuedAt: Type.Number(), tiebreak: Type.Number() }),
  ev('ticketTransferred', {
    ticketId: TicketIdSchema,
    fromCounterId: Type.Union([CounterIdSchema, Type.Null()]),
    toServiceId: ServiceIdSchema,
    toCounterId: Type.Union([CounterIdSchema, Type.Null()]),
  }),
  ev('ticketParked', { ticketId: TicketIdSchema, counterId: CounterIdSchema }),
  ev('ticketResumed', { ticketId: TicketIdSchema }),
  ev('ticketCancelled', { ticketId: TicketIdSchema }),
  ev('ticketRated', { ticketId: TicketIdSchema, score: Type.Integer({ minimum: 1, maximum: 5 }) }),
  ev('counterOpened', { counterId: CounterIdSchema, staffId: StaffIdSchema }),
  ev('counterPaused', { counterId: CounterIdSchema, reason: PauseReasonSchema }),
  ev('counterResumed', { counterId: CounterIdSchema }),
  ev('counterClosed', { counterId: CounterIdSchema }),
  ev('delayAnnounced', {
    delayId: DelayIdSchema,
    scope: DelayScopeSchema,
    source: Type.Union([Type.Literal('manager'), Type.Literal('teller'), Type.Literal('automatic')]),
    kind: Type.String({ minLength: 1, maxLength: 64 }),
    message: LocalizedTextSchema,
  }),
  ev('delayCleared', { delayId: DelayIdSchema }),
])

/** Who caused an event, as the hub journals it (the audit trail travels with the event). */
export const ActorSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('staff'),
      staffId: StaffIdSchema,
      counterId: Type.Union([CounterIdSchema, Type.Null()]),
    },
    strict,
  ),
  Type.Object({ kind: Type.Literal('device'), deviceId: Type.String({ maxLength: 200 }) }, strict),
  Type.Object({ kind: Type.Literal('system'), reason: Type.String({ maxLength: 200 }) }, strict),
])

/** One journal line: `{ e: event, m: { actor, key? } }`. */
export const JournalRecordSchema = Type.Object(
  {
    e: QueueEventSchema,
    m: Type.Object({ actor: ActorSchema, key: Type.Optional(Type.String({ maxLength: 200 })) }, strict),
  },
  strict,
)
export type ShippedRecord = Static<typeof JournalRecordSchema>

/**
 * A validated event is a `QueueEvent`: this compiles only while the schema describes every event
 * type with the engine's field types (the reverse is checked by a test that ships real journals).
 */
export const eventFromSchema = (parsed: Static<typeof QueueEventSchema>): QueueEvent => parsed
