import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'
import { FeedbackRecordSchema } from '../hq/shippedSchemas'
import { QueueEventSchema } from '../queue/eventSchema'
import type { Agrees } from '../util/agrees'
import {
  AppointmentInfoSchema,
  BookingViewSchema,
  CheckInReceiptSchema,
  DayBookingsViewSchema,
  SlotsViewSchema,
} from './appointmentViews'
import { CountSchema, DaySchema, EpochMsSchema, Nullable } from './common'
import { HubStatusViewSchema } from './health'
import { FeedbackStatusSchema } from './dayReportSections'
import { DayReportSchema } from './dayReportSchema'
import { QueueSnapshotSchema } from './queueStateSchema'
import { RangeReportSchema } from './rangeReportSchema'
import type { AnswerOf } from './route'
import type { Routes } from './routes'
import {
  BranchInfoSchema,
  CommandAckSchema,
  CounterClosedAckSchema,
  RejoinReceiptSchema,
  PairedTerminalViewSchema,
  PairedViewSchema,
  SessionViewSchema,
  StaffViewSchema,
  TicketReceiptSchema,
  TicketStatusViewSchema,
  UsualDayViewSchema,
  WhatIfDaySchema,
} from './views'

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

/**
 * A route table's answer schemas, checked at compile time: each schema's type must agree with
 * the answer type its route declares (`shared/util/agrees.ts`), so a schema and a view cannot
 * drift apart; a route whose schema disagrees is named by the error.
 *
 * @example
 * export const answers = answerTable<Routes>()({ health: HealthSchema, … })
 */
export const answerTable =
  <T>() =>
  <S extends { readonly [K in keyof T]: TSchema }>(
    schemas: S & {
      readonly [K in keyof T]: Agrees<Static<S[K]>, AnswerOf<T[K]>> extends true
        ? unknown
        : 'this schema disagrees with the answer type of its route'
    },
  ): AnswerSchemas<T> =>
    // Sound: the parameter's type only admits schemas whose static types are the routes' answers.
    schemas as unknown as AnswerSchemas<T>

const Ok = Type.Object({ ok: Type.Literal(true) })
const schemas = {
  health: Type.Object({ ok: Type.Literal(true), day: Nullable(DaySchema), seq: CountSchema }),
  branch: BranchInfoSchema,
  queue: QueueSnapshotSchema,
  events: Type.Object({ journal: Type.String(), events: Type.Array(QueueEventSchema) }),
  signIn: SessionViewSchema,
  currentSession: SessionViewSchema,
  signOut: Ok,
  createPairingCode: Type.Object({ code: Type.String({ minLength: 1 }), expiresAt: EpochMsSchema }),
  pair: PairedViewSchema,
  staff: Type.Object({ staff: Type.Array(StaffViewSchema) }),
  pairedTerminals: Type.Object({ terminals: Type.Array(PairedTerminalViewSchema) }),
  revokeTerminal: Ok,
  testDevice: Type.Object({ ok: Type.Boolean(), detail: Type.String() }),
  dayReport: DayReportSchema,
  dayReportCsv: Type.String(),
  rangeReport: RangeReportSchema,
  feedbackList: Type.Object({
    records: Type.Array(
      Type.Object(
        { ...FeedbackRecordSchema.properties, status: FeedbackStatusSchema },
        { additionalProperties: false },
      ),
    ),
  }),
  submitFeedback: FeedbackRecordSchema,
  resolveFeedback: FeedbackRecordSchema,
  whatIf: WhatIfDaySchema,
  usualDay: UsualDayViewSchema,
  issueTicket: TicketReceiptSchema,
  ticketStatus: TicketStatusViewSchema,
  cancelTicket: CommandAckSchema,
  rejoinTicket: RejoinReceiptSchema,
  resumeTicket: CommandAckSchema,
  transferTicket: CommandAckSchema,
  rateTicket: CommandAckSchema,
  changePriority: CommandAckSchema,
  openCounter: CommandAckSchema,
  pauseCounter: CommandAckSchema,
  resumeCounter: CommandAckSchema,
  closeCounter: CounterClosedAckSchema,
  callNext: CommandAckSchema,
  recall: CommandAckSchema,
  startService: CommandAckSchema,
  markNoShow: CommandAckSchema,
  park: CommandAckSchema,
  completeService: CommandAckSchema,
  addTransaction: CommandAckSchema,
  callTicket: CommandAckSchema,
  explainCounter: CommandAckSchema,
  announceDelay: CommandAckSchema,
  clearDelay: CommandAckSchema,
  closeDay: CommandAckSchema,
  hubStatus: HubStatusViewSchema,
  reportSpeech: Ok,
  appointmentInfo: AppointmentInfoSchema,
  appointmentSlots: SlotsViewSchema,
  book: BookingViewSchema,
  appointment: BookingViewSchema,
  moveAppointment: BookingViewSchema,
  cancelAppointment: BookingViewSchema,
  checkIn: CheckInReceiptSchema,
  dayAppointments: DayBookingsViewSchema,
}

export const answers = answerTable<Routes>()(schemas)
