import { Type, type Static } from 'typebox'
import { BranchConfigSchema, PublicCalendarSchema } from '../config/branchSchema'
import type { BranchConfig } from '../domain/branch'
import type { BranchCalendar } from '../domain/branchCalendar'
import type { UsualPattern } from '../delays/usualPattern'
import type { ShownWait } from '../estimate/displayWait'
import type { PolicyDescription } from '../policy/describePolicy'
import { QueueEventSchema } from '../queue/eventSchema'
import type { SimDaySummary } from '../sim/simDayReport'
import type { Agreed, Agrees, Frozen } from '../util/agrees'
import {
  CountSchema,
  CounterIdSchema,
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
import { ReportHourSchema } from './dayReportSchema'
import type { EstimatesViewSchema, QueueSnapshotSchema } from './queueStateSchema'
import {
  CallHoldSchema,
  ClosingWarningSchema,
  ShownWaitSchema,
  TicketOutcomeSchema,
  TicketStatusSchema,
  WaitEstimateSchema,
} from './queueStateSchema'
import { KpisSchema } from './rangeReportSchema'
import { ROLES } from './roles'

/**
 * What the hub answers, as schemas: the renderer's client checks every answer with them
 * (`answers.ts`), and the types the hub and the renderer share are derived from them
 * (`Static`, read-only), so each view is described once. Views the hub builds from domain
 * types (the policy, a simulated day) agree with those types at compile time.
 */

const Num = Type.Number()
const Text = Type.String()
const Ms = EpochMsSchema

/** What the policy declares, as the kiosk and the lobby explain it (`shared/policy/describePolicy`). */
export const PolicyDescriptionSchema = Type.Object({
  fcfsWithinService: Type.Literal(true),
  classes: Type.Array(Type.Object({ id: PriorityClassIdSchema, name: LocalizedTextSchema, rate: Num, creditSec: Num })),
  booked: Nullable(Type.Object({ graceSec: Num })),
  waitCapSec: Nullable(Num),
  recallsBeforeNoShow: CountSchema,
  graceMin: Num,
  rejoinBehind: CountSchema,
})

/** Public branch information: everything a kiosk, display or phone needs, nothing secret. */
export const BranchInfoSchema = Type.Object({
  branch: Type.Unsafe<BranchConfig>(BranchConfigSchema),
  policy: PolicyDescriptionSchema,
  utcOffsetMinutes: Type.Integer(),
  /**
   * The branch's calendar (`calendar` in branch.json): holidays, working weekends and, where
   * given, the opening hours — the kiosk says from it when a day that has ended, or not begun,
   * opens (`doorsOpenAt`, `nextOpening`), and the manager's what-if takes today's hours from it.
   */
  calendar: Type.Unsafe<BranchCalendar>(PublicCalendarSchema),
  /** Rotating lobby content for the wait (rule 1: occupied time feels shorter). */
  lobbyMessages: Type.Array(LocalizedTextSchema),
  /**
   * The kiosks with a card or ID reader, by the name they were paired with; null for a reader
   * that serves any kiosk. A kiosk without one asks a customer claiming a class established by
   * reader to show the card to the teller instead.
   */
  cardReaders: Type.Array(Nullable(Text)),
})
export type BranchInfo = Frozen<Static<typeof BranchInfoSchema>>

/**
 * What a customer is shown of an estimate (`shared/estimate/displayWait`): whole minutes,
 * rounded kindly and held steady by the hub (it never grows without a delay explanation in
 * force), so every screen and the printed ticket say the same thing.
 */
export type { ShownWait }

/** Wait estimates for the live queue (seconds until call), recomputed as the queue moves. */
export type EstimatesView = Frozen<Static<typeof EstimatesViewSchema>>

/** The live state with the hub's clock, so terminals can time transactions without drift. */
export type QueueSnapshot = Frozen<Static<typeof QueueSnapshotSchema>>

/**
 * The outcome of printing a ticket, when the kiosk has a printer. A failure carries the device
 * problem code the manager screen translates (`paperOut`, `connectionLost`, …) and the detail.
 */
export const PrintOutcomeSchema = Type.Union([
  Type.Object({ kind: Type.Literal('printed') }),
  Type.Object({ kind: Type.Literal('noPrinter') }),
  Type.Object({ kind: Type.Literal('failed'), problem: Text, detail: Text }),
])
export type PrintOutcome = Frozen<Static<typeof PrintOutcomeSchema>>

/** What the kiosk shows (and prints) the moment a ticket is issued. */
export const TicketReceiptSchema = Type.Object({
  ticketId: TicketIdSchema,
  number: Text,
  serviceId: ServiceIdSchema,
  /** The class the ticket is ranked by (null: ordinary). */
  priorityClassId: Nullable(PriorityClassIdSchema),
  /** A class asked for that staff or a card reader must confirm first (the ticket waits as ordinary). */
  priorityClaim: Nullable(PriorityClassIdSchema),
  language: LanguageSchema,
  issuedAt: Ms,
  peopleAhead: CountSchema,
  estimate: Nullable(WaitEstimateSchema),
  shown: Nullable(ShownWaitSchema),
  /**
   * When the wait may run past the counters' planned end, what the menu said of it (the ticket's
   * facts, as the paper); null when it ends in time.
   */
  closing: Nullable(ClosingWarningSchema),
  /**
   * Why no counter can call the ticket now (paused, opens later, none open; `callHold`), as the
   * paper and the status page say it: the kiosk's screen says it too, never "soon" then.
   */
  hold: Nullable(CallHoldSchema),
  /** Path of the live status page on the hub. */
  statusPath: Text,
  /**
   * The status page at the address phones reach (the QR code on the screen and the paper), or
   * null when the hub has none: then no QR code is shown, and the manager is told why.
   */
  statusUrl: Nullable(Text),
  print: PrintOutcomeSchema,
  /** True when this answer repeats an earlier one for the same idempotency key. */
  repeated: Type.Boolean(),
})
export type TicketReceipt = Frozen<Static<typeof TicketReceiptSchema>>

/** A ticket's live status, for the phone that scanned its QR code. */
export const TicketStatusViewSchema = Type.Object({
  ticketId: TicketIdSchema,
  number: Text,
  serviceId: ServiceIdSchema,
  status: TicketStatusSchema,
  /** Once done, how it ended (`closedUnserved`: the day was closed before it was served); null before. */
  outcome: Nullable(TicketOutcomeSchema),
  /**
   * While no ticket is issued for the rest of the day (`lobbyHours` ended): when the branch next
   * opens, for a customer the close left unserved; null otherwise or when the calendar gives none.
   */
  reopensAt: Nullable(Ms),
  issuedAt: Ms,
  peopleAhead: CountSchema,
  estimate: Nullable(WaitEstimateSchema),
  shown: Nullable(ShownWaitSchema),
  /**
   * While waiting: why no counter can call the ticket now (paused, opens later, none open); null
   * when one can, or the ticket is not waiting. Never "soon" while it is set (`waitWords`).
   */
  hold: Nullable(CallHoldSchema),
  /** While waiting: when the wait may run past the counters' planned end (null: it ends in time). */
  closing: Nullable(ClosingWarningSchema),
  /** While called or serving: the counter number to go to. */
  counterNumber: Nullable(Num),
  /** How many times the current call has been made (0 when not called): the missed-call rule's count. */
  calls: CountSchema,
  /** The language the customer chose at the kiosk: the status page speaks it by default. */
  language: LanguageSchema,
  serverNow: Ms,
})
export type TicketStatusView = Frozen<Static<typeof TicketStatusViewSchema>>

const SESSION_FIELDS = {
  token: Type.String({ minLength: 1 }),
  role: literals(ROLES),
  staffId: Nullable(StaffIdSchema),
  name: Text,
  counterId: Nullable(CounterIdSchema),
  expiresAt: Nullable(Ms),
}

/** A signed-in teller or manager, or a paired device. */
export const SessionViewSchema = Type.Object(SESSION_FIELDS)
export type SessionView = Frozen<Static<typeof SessionViewSchema>>

/**
 * What pairing answers: the terminal's session, and the certificate authority the hub's
 * certificate chains to, so the terminal can trust exactly that CA from now on (the desktop app
 * pins it; docs/installing.md). `caFingerprint`: SHA-256 of the CA certificate, `AB:CD:…`
 * (32 pairs); null when the hub serves plain HTTP.
 */
export const PairedViewSchema = Type.Object({ ...SESSION_FIELDS, caFingerprint: Nullable(Text) })
export type PairedView = Frozen<Static<typeof PairedViewSchema>>

/** A member of staff as the staff screens name them (never the PIN hash). */
export const StaffViewSchema = Type.Object({ id: StaffIdSchema, name: Text, role: literals(['teller', 'manager']) })
export type StaffView = Frozen<Static<typeof StaffViewSchema>>

/** A paired kiosk or display, as the manager lists them. */
export const PairedTerminalViewSchema = Type.Object({
  id: Text,
  name: Text,
  role: literals(['kiosk', 'display']),
  pairedAt: Ms,
  revokedAt: Nullable(Ms),
})
export type PairedTerminalView = Frozen<Static<typeof PairedTerminalViewSchema>>

/** The answer to a command: the event it caused. */
export const CommandAckSchema = Type.Object({ event: QueueEventSchema })
export type CommandAck = Frozen<Static<typeof CommandAckSchema>>

/**
 * A counter closed: the event, and who it left with no open counter to call them, by service
 * (`strandedByClosing`, the decision the counter screen asks the teller to confirm first; empty
 * when another open counter serves everyone it could have called).
 */
export const CounterClosedAckSchema = Type.Object({
  event: QueueEventSchema,
  stranded: Type.Array(Type.Object({ serviceId: ServiceIdSchema, waiting: CountSchema })),
})
export type CounterClosedAck = Frozen<Static<typeof CounterClosedAckSchema>>

/**
 * A missed ticket back in the queue: the re-join, and what the customer is told at once, as at a
 * tap (the kiosk's re-join dialog shows it before the live estimates reach the screen): the people
 * ahead, and the range of an estimation made after the re-join (null only when no open or planned
 * counter may call the ticket, or the estimator is slower than a tap may wait).
 */
export const RejoinReceiptSchema = Type.Object({
  event: QueueEventSchema,
  peopleAhead: CountSchema,
  shown: Nullable(ShownWaitSchema),
})
export type RejoinReceipt = Frozen<Static<typeof RejoinReceiptSchema>>

/**
 * Where a reader whose position is no longer in the hub's history starts again (410
 * `eventsGone`): the snapshot at `path` (`GET /api/v1/queue`), then the events after its
 * `lastSeq` in its `journal`. `journal` and `seq` say where the hub stood when it refused.
 */
export const ResyncFromSchema = Type.Object({
  path: Type.Literal('/api/v1/queue'),
  journal: Text,
  seq: Type.Integer({ minimum: 0 }),
})
export type ResyncFrom = Frozen<Static<typeof ResyncFromSchema>>

/**
 * The versions of the replication contract when HQ refuses a branch newer than itself (409
 * `hqOutdated`): HQ must be upgraded before its branches (docs/hq.md).
 */
export const ProtocolVersionsSchema = Type.Object({
  hq: Type.Integer({ minimum: 1 }),
  branch: Type.Integer({ minimum: 1 }),
})

/**
 * The branch's usual day of today's kind (`shared/delays/usualPattern.ts`), learned from its
 * recent days; null before it has any. The what-if starts from it before today says anything.
 */
export const UsualDayViewSchema = Type.Object({
  usual: Nullable(
    Type.Object({
      days: Num,
      utcOffsetMin: Num,
      hours: Type.Array(
        Type.Object({
          countersOpen: Num,
          counterOpenShare: Type.Record(Type.String(), Num),
          arrivals: Type.Record(Type.String(), Num),
        }),
      ),
    }),
  ),
})
export type UsualDayView = Frozen<Static<typeof UsualDayViewSchema>>
export type UsualDayAgrees = Agreed<Agrees<NonNullable<Static<typeof UsualDayViewSchema>['usual']>, UsualPattern>>

/** A refusal, with the field at fault when there is one. */
export const ApiErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Text,
  code: Text,
  message: Text,
  field: Type.Optional(Text),
  resyncFrom: Type.Optional(ResyncFromSchema),
  protocol: Type.Optional(ProtocolVersionsSchema),
  /** `tooEarly` (a check-in): when the booking may be checked in. */
  checkInFrom: Type.Optional(EpochMsSchema),
})
export type ApiError = Frozen<Static<typeof ApiErrorSchema>>

const SimWaitFields = {
  issued: CountSchema,
  served: CountSchema,
  noShows: CountSchema,
  removedAtClose: CountSchema,
  meanWaitSec: Nullable(Num),
  p90WaitSec: Nullable(Num),
  withinTargetShare: Nullable(Num),
  estimateCoverage: Nullable(Num),
  estimateMaeSec: Nullable(Num),
}

/** A simulated day's summary (`shared/sim/simDayReport`). */
export const SimDaySummarySchema = Type.Object({
  scenario: Text,
  date: Text,
  seed: Num,
  branch: Type.Object(SimWaitFields),
  services: Type.Array(Type.Object({ service: Text, ...SimWaitFields })),
  dailyReport: Type.Null(),
})

/** A what-if simulation of a day: its summary and KPIs (what the hub answers). */
export const WhatIfDaySchema = Type.Object({
  ok: Type.Literal(true),
  summary: SimDaySummarySchema,
  kpis: KpisSchema,
  hours: Type.Array(ReportHourSchema),
})

/** A what-if simulation of a day: its summary and KPIs, or what is wrong with the scenario. */
export const WhatIfResultSchema = Type.Union([
  WhatIfDaySchema,
  Type.Object({ ok: Type.Literal(false), problems: Type.Array(Type.Object({ field: Text, message: Text })) }),
])
export type WhatIfResult = Frozen<Static<typeof WhatIfResultSchema>>

export type PolicyDescriptionAgrees = Agreed<Agrees<Static<typeof PolicyDescriptionSchema>, PolicyDescription>>
export type SimDaySummaryAgrees = Agreed<Agrees<Static<typeof SimDaySummarySchema>, SimDaySummary>>
