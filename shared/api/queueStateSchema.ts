import { Type, type Static } from 'typebox'
import type { CallHold } from '../estimate/callHold'
import type { ShownWait } from '../estimate/displayWait'
import type { ClosingWarning } from '../estimate/servedBeforeClose'
import type { NewcomerWait } from '../estimate/newcomerWait'
import { PAUSE_REASONS, type CounterState } from '../queue/counterState'
import type { Delay } from '../queue/delay'
import type { QueueState } from '../queue/state'
import type { Ticket, WaitEstimate } from '../queue/ticket'
import type { Agreed, Agrees } from '../util/agrees'
import {
  CountSchema,
  CounterIdSchema,
  DaySchema,
  DelayIdSchema,
  EpochMsSchema,
  LanguageSchema,
  LocalizedTextSchema,
  Nullable,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
  literals,
} from './common'

/**
 * The day's live state as the hub sends it (`GET /api/v1/queue`), every field a screen folds or
 * reads: tickets with their visits, transactions and wait spells, counters, delays, estimates.
 * Checked by the renderer's client before use; each schema agrees with the domain type it
 * carries at compile time (the `Agreed` lines below), so the two cannot drift apart.
 */

const Num = Type.Number()
const Ms = EpochMsSchema
const NullableMs = Nullable(EpochMsSchema)

export const WaitEstimateSchema = Type.Object({ mean: Num, p10: Num, p50: Num, p90: Num })
export const ShownWaitSchema = Type.Union([
  Type.Object({ kind: Type.Literal('soon') }),
  Type.Object({ kind: Type.Literal('range'), lowMin: Num, highMin: Num }),
])
/** A wait that may run past the counters' planned end (`shared/estimate/servedBeforeClose`). */
export const ClosingWarningSchema = Type.Object({
  kind: literals(['mayNot', 'unlikely']),
  at: Ms,
  /** The end as the branch's clock reads it ("17:00"): what the customer is told. */
  clock: Type.String(),
})
/** Whether a ticket taken now is told a wait, and why not (`shared/estimate/newcomerWait.ts`). */
export const NewcomerWaitSchema = Type.Union([
  Type.Object({ kind: Type.Literal('estimated') }),
  Type.Object({
    kind: Type.Literal('opensLater'),
    opensAt: Ms,
    /** The opening as the branch's clock reads it ("09:00"): what the lobby is told. */
    clock: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('closedForDay'), opensAt: NullableMs }),
])
export const TicketStatusSchema = literals(['waiting', 'called', 'serving', 'parked', 'noShow', 'done'])
export const VisitOutcomeSchema = literals(['served', 'noShow', 'transferred', 'parked', 'cancelled', 'removedAtClose'])
export const TicketOutcomeSchema = literals(['served', 'noShow', 'cancelled', 'removedAtClose', 'dayEnded'])
export const PauseReasonCodeSchema = literals(PAUSE_REASONS)
/** Why nobody can call a waiting ticket now (`shared/estimate/callHold.ts`). */
export const CallHoldSchema = Type.Union([
  Type.Object({ kind: Type.Literal('paused'), counterNumber: Num, reason: PauseReasonCodeSchema }),
  /** `clock`: when this service's counters open, as the branch's clock reads it ("09:00"). */
  Type.Object({ kind: Type.Literal('opensAt'), at: Ms, clock: Type.String() }),
  Type.Object({ kind: Type.Literal('closed') }),
])

const TransactionSchema = Type.Object({
  serviceId: ServiceIdSchema,
  quantity: Num,
  startedAt: Ms,
  endedAt: NullableMs,
  outcome: Nullable(VisitOutcomeSchema),
  completedServiceId: Nullable(ServiceIdSchema),
})

const VisitSchema = Type.Object({
  counterId: CounterIdSchema,
  staffId: Nullable(StaffIdSchema),
  serviceId: ServiceIdSchema,
  calledAt: Ms,
  recalls: CountSchema,
  lastCalledAt: Ms,
  startedAt: NullableMs,
  endedAt: NullableMs,
  outcome: Nullable(VisitOutcomeSchema),
  transactions: Type.Array(TransactionSchema),
  outOfOrder: Nullable(Type.Object({ reason: Type.String(), skipped: Nullable(TicketIdSchema) })),
})

const WaitSpellSchema = Type.Object({
  serviceId: ServiceIdSchema,
  targetCounterId: Nullable(CounterIdSchema),
  joinedAt: Ms,
  joinedBy: literals(['issue', 'transfer', 'resume', 'rejoin']),
  endedAt: NullableMs,
})

export const TicketSchema = Type.Object({
  id: TicketIdSchema,
  number: Type.String(),
  seq: Type.Integer({ minimum: 1 }),
  serviceId: ServiceIdSchema,
  priorityClassId: Nullable(PriorityClassIdSchema),
  priorityClaim: Nullable(PriorityClassIdSchema),
  priorityBy: Nullable(literals(['staff', 'idReader'])),
  claimKiosk: Type.Optional(Type.String()),
  language: LanguageSchema,
  issuedAt: Ms,
  appointmentAt: NullableMs,
  appointmentGraceSec: Type.Optional(Num),
  queuedAt: Ms,
  tiebreak: Num,
  targetCounterId: Nullable(CounterIdSchema),
  status: TicketStatusSchema,
  counterId: Nullable(CounterIdSchema),
  visits: Type.Array(VisitSchema),
  spells: Type.Array(WaitSpellSchema),
  transfers: CountSchema,
  estimate: Nullable(WaitEstimateSchema),
  missedAt: NullableMs,
  rejoins: CountSchema,
  outcome: Nullable(TicketOutcomeSchema),
  endedAt: NullableMs,
  rating: Nullable(Num),
})

export const CounterStateSchema = Type.Object({
  id: CounterIdSchema,
  status: literals(['closed', 'idle', 'calling', 'serving', 'paused']),
  staffId: Nullable(StaffIdSchema),
  ticketId: Nullable(TicketIdSchema),
  pauseReason: Nullable(Type.Object({ code: PauseReasonCodeSchema, note: Type.String() })),
  since: Ms,
})

export const DelayScopeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('branch') }),
  Type.Object({ kind: Type.Literal('service'), serviceId: ServiceIdSchema }),
  Type.Object({ kind: Type.Literal('counter'), counterId: CounterIdSchema }),
])
export const DelaySourceSchema = literals(['manager', 'teller', 'automatic'])

export const DelaySchema = Type.Object({
  id: DelayIdSchema,
  scope: DelayScopeSchema,
  source: DelaySourceSchema,
  kind: Type.String(),
  message: LocalizedTextSchema,
  startedAt: Ms,
  endedAt: NullableMs,
})

export const QueueStateSchema = Type.Object({
  day: Nullable(DaySchema),
  openedAt: NullableMs,
  lastClosedDay: Nullable(DaySchema),
  lastSeq: CountSchema,
  issued: CountSchema,
  open: Type.Array(TicketSchema),
  done: Type.Array(TicketSchema),
  numbers: Type.Record(Type.String(), Num),
  counters: Type.Record(Type.String(), CounterStateSchema),
  delays: Type.Record(Type.String(), DelaySchema),
})

/** Wait estimates for the live queue (seconds until call), recomputed as the queue moves. */
export const EstimatesViewSchema = Type.Object({
  /** The event seq they were computed after. */
  seq: CountSchema,
  tickets: Type.Record(Type.String(), WaitEstimateSchema),
  /** For a ticket taken now: per service, per class id ('ordinary' for no class). */
  newTicket: Type.Record(Type.String(), Type.Record(Type.String(), WaitEstimateSchema)),
  /** The same, as customers are shown them. */
  shown: Type.Object({
    /**
     * Whether a ticket taken now is told a wait at all: anything but `estimated` (the lobby is
     * shut: when it opens, or closed for the day) comes with `newTicket` and its closing
     * warnings empty, here and above. Screens say this instead of a wait.
     */
    newcomers: NewcomerWaitSchema,
    tickets: Type.Record(Type.String(), ShownWaitSchema),
    newTicket: Type.Record(Type.String(), Type.Record(Type.String(), ShownWaitSchema)),
    /**
     * Per service, why no counter could call a ticket taken now (`callHold`: paused, opens later,
     * none open), as the ticket's paper and status page would say it: only the services held.
     * The kiosk's buttons say it instead of "soon".
     */
    holds: Type.Record(Type.String(), CallHoldSchema),
    /**
     * The waits that may run past the counters' planned end, keyed as above: only those (a ticket
     * or would-be ticket absent here ends in time, or no end is known).
     */
    closing: Type.Object({
      tickets: Type.Record(Type.String(), ClosingWarningSchema),
      newTicket: Type.Record(Type.String(), Type.Record(Type.String(), ClosingWarningSchema)),
    }),
  }),
})

/** The live state with the hub's clock, so terminals can time transactions without drift. */
export const QueueSnapshotSchema = Type.Object({
  serverNow: Ms,
  /**
   * The hub journal `state.lastSeq` is in: a fresh id at every hub start. A terminal says it
   * with its seq when it reconnects (`shared/api/live.ts`).
   */
  journal: Type.String(),
  state: QueueStateSchema,
  estimates: Nullable(EstimatesViewSchema),
})

export type QueueStateAgrees = Agreed<Agrees<Static<typeof QueueStateSchema>, QueueState>>
export type TicketAgrees = Agreed<Agrees<Static<typeof TicketSchema>, Ticket>>
export type CounterStateAgrees = Agreed<Agrees<Static<typeof CounterStateSchema>, CounterState>>
export type DelayAgrees = Agreed<Agrees<Static<typeof DelaySchema>, Delay>>
export type WaitEstimateAgrees = Agreed<Agrees<Static<typeof WaitEstimateSchema>, WaitEstimate>>
export type ClosingWarningAgrees = Agreed<Agrees<Static<typeof ClosingWarningSchema>, ClosingWarning>>
export type NewcomerWaitAgrees = Agreed<Agrees<Static<typeof NewcomerWaitSchema>, NewcomerWait>>
export type ShownWaitAgrees = Agreed<Agrees<Static<typeof ShownWaitSchema>, ShownWait>>
export type CallHoldAgrees = Agreed<Agrees<Static<typeof CallHoldSchema>, CallHold>>
