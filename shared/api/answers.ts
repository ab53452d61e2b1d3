import { Type, type TSchema, type TUnsafe } from 'typebox'
import { BranchConfigSchema } from '../config/branchSchema'
import { FeedbackRecordSchema } from '../hq/shippedSchemas'
import type { FeedbackStatus } from '../feedback/feedbackStatus'
import { QueueEventSchema } from '../queue/eventSchema'
import {
  CounterIdSchema,
  EpochMsSchema,
  LanguageSchema,
  LocalizedTextSchema,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
} from './common'
import { ROLES } from './roles'
import type { AnswerOf } from './route'
import type { Routes } from './routes'

/**
 * What each route of the hub answers, as a schema the renderer's client parses the answer with
 * (`renderer/src/api/apiClient.ts`): a damaged or foreign answer becomes a clear error naming the
 * field, never a cast. One entry per route of `routes.ts`, by name; a route without one does not
 * compile. Views of this folder are checked field by field, and let through fields a newer hub
 * adds; the day's state and the reports, whose types live with the code that computes them, by
 * the fields a screen reads first. Where an answer is a record the contract already has a schema
 * for (an event, the branch configuration, a feedback record), that schema is used as it is.
 */
export type AnswerSchemas<T> = { readonly [K in keyof T]: TUnsafe<AnswerOf<T[K]>> }

/** An answer's check, typed as the route's answer. */
export const answer = <R>(schema: TSchema): TUnsafe<R> => Type.Unsafe<R>(schema)

const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['open', 'overdue', 'resolvedOnTime', 'resolvedLate']
const Nullable = <S extends TSchema>(s: S) => Type.Union([s, Type.Null()])
const Num = Type.Number()
const Text = Type.String()
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const Ok = Type.Object({ ok: Type.Literal(true) })

const WaitEstimate = Type.Object({ mean: Num, p10: Num, p50: Num, p90: Num })
const ShownWait = Type.Union([
  Type.Object({ kind: Type.Literal('soon') }),
  Type.Object({ kind: Type.Literal('range'), lowMin: Num, highMin: Num }),
])
const PrintOutcome = Type.Union([
  Type.Object({ kind: Type.Literal('printed') }),
  Type.Object({ kind: Type.Literal('noPrinter') }),
  Type.Object({ kind: Type.Literal('failed'), problem: Text, detail: Text }),
])
const TicketStatus = Type.Union(
  ['waiting', 'called', 'serving', 'parked', 'noShow', 'done'].map((s) => Type.Literal(s)),
)

export const TicketReceiptSchema = Type.Object({
  ticketId: TicketIdSchema,
  number: Text,
  serviceId: ServiceIdSchema,
  priorityClassId: Nullable(PriorityClassIdSchema),
  priorityClaim: Nullable(PriorityClassIdSchema),
  language: LanguageSchema,
  issuedAt: EpochMsSchema,
  peopleAhead: Type.Integer({ minimum: 0 }),
  estimate: Nullable(WaitEstimate),
  shown: Nullable(ShownWait),
  statusPath: Text,
  statusUrl: Nullable(Text),
  print: PrintOutcome,
  repeated: Type.Boolean(),
})

const TicketStatusView = Type.Object({
  ticketId: TicketIdSchema,
  number: Text,
  serviceId: ServiceIdSchema,
  status: TicketStatus,
  issuedAt: EpochMsSchema,
  peopleAhead: Type.Integer({ minimum: 0 }),
  estimate: Nullable(WaitEstimate),
  shown: Nullable(ShownWait),
  counterNumber: Nullable(Num),
  calls: Type.Integer({ minimum: 0 }),
  language: LanguageSchema,
  serverNow: EpochMsSchema,
})

const SESSION_FIELDS = {
  token: Type.String({ minLength: 1 }),
  role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  staffId: Nullable(StaffIdSchema),
  name: Text,
  counterId: Nullable(CounterIdSchema),
  expiresAt: Nullable(EpochMsSchema),
}
const SessionView = Type.Object(SESSION_FIELDS)
const CommandAck = Type.Object({ event: QueueEventSchema })

/** The day's state, by what a screen folds events onto (`shared/queue/state.ts` has the rest). */
const QueueState = Type.Object({
  day: Nullable(Day),
  lastSeq: Type.Integer({ minimum: 0 }),
  open: Type.Array(Type.Object({ id: TicketIdSchema, number: Text, status: TicketStatus })),
  done: Type.Array(Type.Object({ id: TicketIdSchema, number: Text })),
  counters: Type.Record(Type.String(), Type.Object({})),
  delays: Type.Record(Type.String(), Type.Object({})),
})
const EstimatesView = Type.Object({
  seq: Type.Integer({ minimum: 0 }),
  tickets: Type.Record(Type.String(), WaitEstimate),
  newTicket: Type.Record(Type.String(), Type.Record(Type.String(), WaitEstimate)),
  shown: Type.Object({
    tickets: Type.Record(Type.String(), ShownWait),
    newTicket: Type.Record(Type.String(), Type.Record(Type.String(), ShownWait)),
  }),
})
const Kpis = Type.Object({ issued: Num, served: Num })
const BookingView = Type.Object({
  code: Text,
  serviceId: ServiceIdSchema,
  day: Day,
  time: Text,
  slotAt: EpochMsSchema,
  language: LanguageSchema,
  status: Text,
  outcome: Text,
  bookedAt: EpochMsSchema,
  checkedInAt: Nullable(EpochMsSchema),
  ticketId: Nullable(TicketIdSchema),
  managePath: Text,
})

export const answers: AnswerSchemas<Routes> = {
  health: answer(Type.Object({ ok: Type.Literal(true), day: Nullable(Day), seq: Type.Integer({ minimum: 0 }) })),
  branch: answer(
    Type.Object({
      branch: BranchConfigSchema,
      policy: Type.Object({ fcfsWithinService: Type.Literal(true), classes: Type.Array(Type.Object({})) }),
      utcOffsetMinutes: Type.Integer(),
      lobbyMessages: Type.Array(LocalizedTextSchema),
    }),
  ),
  queue: answer(Type.Object({ serverNow: EpochMsSchema, state: QueueState, estimates: Nullable(EstimatesView) })),
  events: answer(Type.Object({ events: Type.Array(QueueEventSchema) })),
  signIn: answer(SessionView),
  currentSession: answer(SessionView),
  signOut: answer(Ok),
  createPairingCode: answer(Type.Object({ code: Type.String({ minLength: 1 }), expiresAt: EpochMsSchema })),
  pair: answer(Type.Object({ ...SESSION_FIELDS, caFingerprint: Nullable(Text) })),
  staff: answer(
    Type.Object({
      staff: Type.Array(
        Type.Object({
          id: StaffIdSchema,
          name: Text,
          role: Type.Union([Type.Literal('teller'), Type.Literal('manager')]),
        }),
      ),
    }),
  ),
  pairedTerminals: answer(
    Type.Object({
      terminals: Type.Array(
        Type.Object({
          id: Text,
          name: Text,
          role: Type.Union([Type.Literal('kiosk'), Type.Literal('display')]),
          pairedAt: EpochMsSchema,
          revokedAt: Nullable(EpochMsSchema),
        }),
      ),
    }),
  ),
  revokeTerminal: answer(Ok),
  testDevice: answer(Type.Object({ ok: Type.Boolean(), detail: Text })),
  dayReport: answer(
    Type.Object({ kind: Type.Literal('day'), version: Type.Literal(1), date: Nullable(Day), kpis: Kpis }),
  ),
  dayReportCsv: answer(Text),
  rangeReport: answer(
    Type.Object({
      kind: Type.Literal('range'),
      version: Type.Literal(1),
      from: Day,
      to: Day,
      kpis: Kpis,
      daily: Type.Array(Type.Object({ date: Day, kpis: Kpis })),
    }),
  ),
  feedbackList: answer(
    Type.Object({
      records: Type.Array(
        Type.Object(
          { ...FeedbackRecordSchema.properties, status: Type.Union(FEEDBACK_STATUSES.map((x) => Type.Literal(x))) },
          { additionalProperties: false },
        ),
      ),
    }),
  ),
  submitFeedback: answer(FeedbackRecordSchema),
  resolveFeedback: answer(FeedbackRecordSchema),
  whatIf: answer(
    Type.Object({
      ok: Type.Literal(true),
      summary: Type.Object({ scenario: Text, date: Text }),
      kpis: Kpis,
      hours: Type.Array(Type.Object({})),
    }),
  ),
  issueTicket: answer(TicketReceiptSchema),
  ticketStatus: answer(TicketStatusView),
  cancelTicket: answer(CommandAck),
  rejoinTicket: answer(CommandAck),
  resumeTicket: answer(CommandAck),
  transferTicket: answer(CommandAck),
  rateTicket: answer(CommandAck),
  changePriority: answer(CommandAck),
  openCounter: answer(CommandAck),
  pauseCounter: answer(CommandAck),
  resumeCounter: answer(CommandAck),
  closeCounter: answer(CommandAck),
  callNext: answer(CommandAck),
  recall: answer(CommandAck),
  startService: answer(CommandAck),
  markNoShow: answer(CommandAck),
  park: answer(CommandAck),
  completeService: answer(CommandAck),
  addTransaction: answer(CommandAck),
  callTicket: answer(CommandAck),
  explainCounter: answer(CommandAck),
  announceDelay: answer(CommandAck),
  clearDelay: answer(CommandAck),
  closeDay: answer(CommandAck),
  hubStatus: answer(
    Type.Object({
      customerUrl: Nullable(Text),
      customerUrlProblem: Nullable(Text),
      tls: Type.Object({ protection: Type.Union(['tls', 'loopback', 'plainLan'].map((p) => Type.Literal(p))) }),
      warnings: Type.Array(Type.Object({ id: Num, at: EpochMsSchema, level: Text, message: Text })),
    }),
  ),
  reportSpeech: answer(Ok),
  appointmentInfo: answer(
    Type.Object({
      services: Type.Array(ServiceIdSchema),
      days: Type.Array(Day),
      slotMinutes: Num,
      earlyMinutes: Num,
      lateMinutes: Num,
      callGraceMinutes: Num,
    }),
  ),
  appointmentSlots: answer(
    Type.Object({
      serviceId: ServiceIdSchema,
      day: Day,
      slots: Type.Array(Type.Object({ open: Type.Boolean() })),
      days: Type.Array(Day),
    }),
  ),
  book: answer(BookingView),
  appointment: answer(BookingView),
  moveAppointment: answer(BookingView),
  cancelAppointment: answer(BookingView),
  checkIn: answer(Type.Object({ booking: BookingView, late: Type.Boolean(), ticket: TicketReceiptSchema })),
  dayAppointments: answer(
    Type.Object({ day: Day, bookings: Type.Array(BookingView), counts: Type.Record(Type.String(), Num) }),
  ),
}
