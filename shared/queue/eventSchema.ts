import { Type, type Static, type TSchema } from 'typebox'
import type { CounterId, DelayId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import { PAUSE_REASONS, type PauseReasonCode } from './counterState'
import type { EventOf, EventType, QueueEvent } from './events'
import { PREDICTOR_SAID_MAX_SEC, PREDICTORS_SAID_MAX } from './predictorsSaid'
import { joinPath, mustBeOneOf, schemaProblems, type ConfigProblem } from '../util/schemaProblems'

/**
 * The one schema of a journal line, where it is read back (the hub's journal reader, its
 * replication tail) and where it arrives (headquarters). It checks what a hub wrote, not what
 * a request may contain: ids are any bounded string (the API's limits on them may change; a
 * journal written under the old ones must still read, and headquarters must take every line a
 * branch could replay), and unknown fields are allowed and ignored.
 */

const id = <T>() => Type.Unsafe<T>(Type.String({ minLength: 1, maxLength: 200 }))
const text = (maxLength = 2000) => Type.String({ maxLength })
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const placed = { seq: Type.Integer({ minimum: 1 }), at: Type.Number() }

const Estimate = Type.Object({ mean: Type.Number(), p10: Type.Number(), p50: Type.Number(), p90: Type.Number() })
const Text = Type.Object({ 'zh-CN': text(), en: text() })
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
export const EVENT_SCHEMAS = {
  dayOpened: event('dayOpened', { date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
  dayClosed: event('dayClosed', {
    auto: Type.Optional(Type.Union([Type.Literal('endOfDay'), Type.Literal('afterOutage')])),
  }),
  ticketIssued: event('ticketIssued', {
    ...ticket,
    number: text(32),
    issueSeq: Type.Integer(),
    serviceId: id<ServiceId>(),
    priorityClassId: nullable(id<PriorityClassId>()),
    language: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    appointmentAt: nullable(Type.Number()),
    appointmentGraceSec: Type.Optional(Type.Integer({ minimum: 0 })),
    estimate: nullable(Estimate),
    // read-only, as every array the engine hands on
    predictorsSaid: Type.Optional(
      nullable(
        Type.Unsafe<readonly number[]>(
          Type.Array(Type.Number({ minimum: 0, maximum: PREDICTOR_SAID_MAX_SEC }), { maxItems: PREDICTORS_SAID_MAX }),
        ),
      ),
    ),
    priorityClaim: Type.Optional(id<PriorityClassId>()),
    claimKiosk: Type.Optional(text()),
  }),
  ticketCalled: event('ticketCalled', {
    ...atCounter,
    staffId: nullable(id<StaffId>()),
    outOfOrder: nullable(Type.Object({ reason: text(), skipped: nullable(id<TicketId>()) })),
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
  priorityChanged: event('priorityChanged', {
    ...ticket,
    from: nullable(id<PriorityClassId>()),
    to: nullable(id<PriorityClassId>()),
    reason: text(),
    by: Type.Optional(Type.Union([Type.Literal('staff'), Type.Literal('idReader')])),
  }),
  counterOpened: event('counterOpened', { ...counter, staffId: id<StaffId>() }),
  counterPaused: event('counterPaused', {
    ...counter,
    reason: Type.Object({
      code: Type.Unsafe<PauseReasonCode>(Type.Union(PAUSE_REASONS.map((c) => Type.Literal(c)))),
      note: text(),
    }),
  }),
  counterResumed: event('counterResumed', counter),
  counterClosed: event('counterClosed', counter),
  delayAnnounced: event('delayAnnounced', {
    delayId: id<DelayId>(),
    scope: Scope,
    source: Type.Union([Type.Literal('manager'), Type.Literal('teller'), Type.Literal('automatic')]),
    kind: text(200),
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

/** Any event, told apart by `type`. */
export const QueueEventSchema = Type.Unsafe<QueueEvent>(Type.Union(Object.values(EVENT_SCHEMAS)))

/** Who caused an event: kept in the journal for the audit trail and the reports. */
export type Actor =
  | { readonly kind: 'staff'; readonly staffId: StaffId; readonly counterId: CounterId | null }
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'system'; readonly reason: string }

export const ActorSchema = Type.Unsafe<Actor>(
  Type.Union([
    Type.Object({ kind: Type.Literal('staff'), staffId: id<StaffId>(), counterId: nullable(id<CounterId>()) }),
    Type.Object({ kind: Type.Literal('device'), deviceId: text(200) }),
    Type.Object({ kind: Type.Literal('system'), reason: text(200) }),
  ]),
)

/** One journal line: the event and what the hub knows about its cause. */
export interface JournalRecord {
  readonly e: QueueEvent
  readonly m: {
    readonly actor: Actor
    /** The idempotency key of the request that issued a ticket, so a retry finds it after a restart. */
    readonly key?: string
  }
}

const Meta = Type.Object({ actor: ActorSchema, key: Type.Optional(text(200)) })

/** A whole journal line, as headquarters receives it in a batch. */
export const JournalRecordSchema = Type.Unsafe<JournalRecord>(Type.Object({ e: QueueEventSchema, m: Meta }))

/** What every line has, whatever its event: checked first, so an unknown type is named as such. */
export const RecordEnvelopeSchema = Type.Object({ e: Type.Object({ type: Type.String(), ...placed }), m: Meta })

/**
 * What is wrong with a value that should be an event, judged by the schema of the type it
 * names (rather than by every type's at once); empty when it is one.
 *
 * @example
 * eventProblems({ type: 'ticketRecalled', seq: 7, at: 1, ticketId: 't1' }, 'event')
 * //=> [{ path: 'event.counterId', message: 'is required' }]
 */
export function eventProblems(value: unknown, basePath = ''): ConfigProblem[] {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_SCHEMAS, type))
    return [{ path: joinPath(basePath, '/type'), message: mustBeOneOf(Object.keys(EVENT_SCHEMAS)) }]
  return schemaProblems(EVENT_SCHEMAS[type as EventType], value, basePath)
}
