import { Type, type Static, type TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import type { CounterId, DelayId, PriorityClassId, ServiceId, StaffId, TicketId } from '../../shared/domain/ids'
import { PAUSE_REASONS, type PauseReasonCode } from '../../shared/queue/counterState'
import type { EventOf, EventType } from '../../shared/queue/events'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'
import type { JournalRecord } from './journalRecord'

/**
 * The schema of a journal line, one per event type. It checks what the hub wrote, not what a
 * request may contain: ids are any string (the API's limits on them may change; a journal
 * written under the old ones must still read), and unknown fields are allowed (ignored).
 */

const id = <T>() => Type.Unsafe<T>(Type.String())
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const placed = { seq: Type.Integer({ minimum: 1 }), at: Type.Number() }

const Estimate = Type.Object({ mean: Type.Number(), p10: Type.Number(), p50: Type.Number(), p90: Type.Number() })
const Text = Type.Object({ 'zh-CN': Type.String(), en: Type.String() })
const Scope = Type.Union([
  Type.Object({ kind: Type.Literal('branch') }),
  Type.Object({ kind: Type.Literal('service'), serviceId: id<ServiceId>() }),
  Type.Object({ kind: Type.Literal('counter'), counterId: id<CounterId>() }),
])

const ticket = { ticketId: id<TicketId>() }
const atCounter = { ticketId: id<TicketId>(), counterId: id<CounterId>() }
const counter = { counterId: id<CounterId>() }

const event = <K extends EventType, P extends Record<string, TSchema>>(type: K, props: P) =>
  Type.Object({ type: Type.Literal(type), ...props, ...placed })

/** Every event type's schema: a type added to the engine without one here does not compile. */
const EVENT_SCHEMAS = {
  dayOpened: event('dayOpened', { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
  dayClosed: event('dayClosed', {}),
  ticketIssued: event('ticketIssued', {
    ...ticket,
    number: Type.String(),
    issueSeq: Type.Integer(),
    serviceId: id<ServiceId>(),
    priorityClassId: nullable(id<PriorityClassId>()),
    language: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    appointmentAt: nullable(Type.Number()),
    estimate: nullable(Estimate),
  }),
  ticketCalled: event('ticketCalled', {
    ...atCounter,
    staffId: nullable(id<StaffId>()),
    outOfOrder: nullable(Type.Object({ reason: Type.String(), skipped: nullable(id<TicketId>()) })),
  }),
  ticketRecalled: event('ticketRecalled', atCounter),
  serviceStarted: event('serviceStarted', atCounter),
  serviceCompleted: event('serviceCompleted', { ...atCounter, completedServiceId: nullable(id<ServiceId>()) }),
  // Journals written before visits held several transactions simply have none of these.
  transactionAdded: event('transactionAdded', {
    ...atCounter,
    serviceId: id<ServiceId>(),
    quantity: Type.Integer({ minimum: 1 }),
  }),
  ticketNoShow: event('ticketNoShow', atCounter),
  ticketRejoined: event('ticketRejoined', { ...ticket, queuedAt: Type.Number(), tiebreak: Type.Number() }),
  ticketTransferred: event('ticketTransferred', {
    ...ticket,
    fromCounterId: nullable(id<CounterId>()),
    toServiceId: id<ServiceId>(),
    toCounterId: nullable(id<CounterId>()),
  }),
  ticketParked: event('ticketParked', atCounter),
  ticketResumed: event('ticketResumed', ticket),
  ticketCancelled: event('ticketCancelled', ticket),
  ticketRated: event('ticketRated', { ...ticket, score: Type.Number() }),
  counterOpened: event('counterOpened', { ...counter, staffId: id<StaffId>() }),
  counterPaused: event('counterPaused', {
    ...counter,
    reason: Type.Object({
      code: Type.Unsafe<PauseReasonCode>(Type.Union(PAUSE_REASONS.map((c) => Type.Literal(c)))),
      note: Type.String(),
    }),
  }),
  counterResumed: event('counterResumed', counter),
  counterClosed: event('counterClosed', counter),
  delayAnnounced: event('delayAnnounced', {
    delayId: id<DelayId>(),
    scope: Scope,
    source: Type.Union([Type.Literal('manager'), Type.Literal('teller'), Type.Literal('automatic')]),
    kind: Type.String(),
    message: Text,
  }),
  delayCleared: event('delayCleared', { delayId: id<DelayId>() }),
} satisfies { readonly [K in EventType]: TSchema }

/** Compile-time: each schema describes exactly its engine event (no field more, none less). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemasMatchEvents: {
  [K in EventType]: Same<Static<(typeof EVENT_SCHEMAS)[K]>, EventOf<K>>
} = Object.fromEntries(Object.keys(EVENT_SCHEMAS).map((k) => [k, true])) as { [K in EventType]: true }
void schemasMatchEvents

const Actor = Type.Union([
  Type.Object({ kind: Type.Literal('staff'), staffId: id<StaffId>(), counterId: nullable(id<CounterId>()) }),
  Type.Object({ kind: Type.Literal('device'), deviceId: Type.String() }),
  Type.Object({ kind: Type.Literal('system'), reason: Type.String() }),
])

/** What every line has, whatever its event: checked first, so an unknown type is named as such. */
const Envelope = Type.Object({
  e: Type.Object({ type: Type.String(), ...placed }),
  m: Type.Object({ actor: Actor, key: Type.Optional(Type.String()) }),
})

const checkEnvelope = Compile(Envelope)
const checkEvent = new Map(
  Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [type, { schema, check: Compile(schema as TSchema) }]),
)

/** A line that is JSON but not a record this hub can replay. */
export class RecordProblem extends Error {
  constructor(
    message: string,
    /** The line names an event type this version does not know (a newer version wrote it?). */
    readonly unknownType: boolean,
  ) {
    super(message)
    this.name = 'RecordProblem'
  }
}

/**
 * Checks a parsed journal line against the schema of its event type and returns it as a
 * record; throws a `RecordProblem` naming what is wrong.
 */
export function toJournalRecord(value: unknown): JournalRecord {
  if (!checkEnvelope.Check(value)) {
    throw new RecordProblem(`not a journal record (${problemLines(schemaProblems(Envelope, value)).join('; ')})`, false)
  }
  const type = value.e.type
  const known = Object.hasOwn(EVENT_SCHEMAS, type) ? checkEvent.get(type) : undefined
  if (known === undefined) {
    throw new RecordProblem(`unknown event type '${type}' (written by a newer version of Branch Lobby?)`, true)
  }
  if (!known.check.Check(value.e)) {
    throw new RecordProblem(
      `a '${type}' event that does not fit its schema (${problemLines(schemaProblems(known.schema as TSchema, value.e)).join('; ')})`,
      false,
    )
  }
  // Checked above against the schema of exactly this event type.
  return value as unknown as JournalRecord
}
