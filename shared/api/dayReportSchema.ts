import { Type, type Static } from 'typebox'
import type { BookingSection } from '../reports/bookingSection'
import type { CounterSection } from '../reports/counterSection'
import type { DayReport, ReportLabels, Volume } from '../reports/dayReport'
import type { DelayRow } from '../reports/delaySection'
import type { EstimateSection } from '../reports/estimateSection'
import type { FairnessSection } from '../reports/fairnessSection'
import type { FeedbackSection } from '../reports/feedbackSection'
import type { FiveTimeRow } from '../reports/fiveTimes'
import type { ReportOptions } from '../reports/reportOptions'
import type { SatisfactionSection } from '../reports/satisfactionSection'
import type { StaffingSection } from '../reports/staffingSection'
import type { TicketRow, TransactionRow } from '../reports/ticketTimes'
import type { TransactionSection } from '../reports/transactionSection'
import type { WaitSection } from '../reports/waitSection'
import type { Agreed, Agrees } from '../util/agrees'
import {
  CountSchema,
  CounterIdSchema,
  DaySchema,
  EpochMsSchema,
  LocalizedTextSchema,
  Nullable,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
} from './common'
import type { TransactionRowSchema } from './dayReportSections'
import {
  BookingSectionSchema,
  CounterSectionSchema,
  DelayRowSchema,
  EstimateSectionSchema,
  FairnessSectionSchema,
  FeedbackSectionSchema,
  FiveTimeRowSchema,
  HourRowSchema,
  SatisfactionSectionSchema,
  StaffingSectionSchema,
  TransactionSectionSchema,
  WaitSectionSchema,
} from './dayReportSections'
import { TicketOutcomeSchema, WaitEstimateSchema } from './queueStateSchema'
import { KpisSchema } from './rangeReportSchema'

/**
 * The manager's day report (`GET /api/v1/reports/day/:date`, HQ's branch day) as one schema,
 * every section a screen or the CSV reads, to the last field: a wrong type anywhere is refused
 * with its path. Agrees with `DayReport` at compile time (the `Agreed` lines below).
 */

const Num = Type.Number()
const Maybe = Nullable(Num)
const MaybeMs = Nullable(EpochMsSchema)
const MaybeYes = Nullable(Type.Boolean())
const Ms = EpochMsSchema
const Text = Type.String()

const StaffLabelSchema = Type.Object({ id: StaffIdSchema, name: Text })

export const ReportLabelsSchema = Type.Object({
  branch: LocalizedTextSchema,
  services: Type.Array(
    Type.Object({
      id: ServiceIdSchema,
      prefix: Text,
      name: LocalizedTextSchema,
      targetWaitSec: Num,
      standardSec: Num,
    }),
  ),
  counters: Type.Array(Type.Object({ id: CounterIdSchema, number: Num })),
  priorityClasses: Type.Array(Type.Object({ id: PriorityClassIdSchema, name: LocalizedTextSchema })),
  waitCapSec: Maybe,
  staff: Type.Optional(Type.Array(StaffLabelSchema)),
})

const ReportOptionsSchema = Type.Object({
  waitGoalShare: Num,
  responseTargetSec: Num,
  responseGoalShare: Num,
  serviceGoalShare: Num,
  appointmentGraceSec: Num,
  appointmentGoalShare: Num,
  guaranteedGoalShare: Num,
  longestListSize: CountSchema,
  staffingChecksPerHour: Num,
})

const VolumeSchema = Type.Object({
  issued: CountSchema,
  served: CountSchema,
  noShows: CountSchema,
  cancelled: CountSchema,
  removedAtClose: CountSchema,
  dayEnded: CountSchema,
  inBranch: CountSchema,
  transferredTickets: CountSchema,
  transfers: CountSchema,
  rejoins: CountSchema,
  byService: Type.Array(Type.Object({ serviceId: ServiceIdSchema, issued: CountSchema, served: CountSchema })),
})

/** An hour of the day with the staffing advice beside it (SIPP and the advised counters). */
export const ReportHourSchema = Type.Object({ ...HourRowSchema.properties, sipp: Num, advised: Num })

export const TicketRowSchema = Type.Object({
  id: TicketIdSchema,
  number: Text,
  serviceId: ServiceIdSchema,
  finalServiceId: ServiceIdSchema,
  priorityClassId: Nullable(PriorityClassIdSchema),
  issuedAt: Ms,
  calledAt: MaybeMs,
  startedAt: MaybeMs,
  endedAt: MaybeMs,
  outcome: Nullable(TicketOutcomeSchema),
  noShow: Type.Boolean(),
  waitSec: Maybe,
  waitedSec: Num,
  targetWaitSec: Maybe,
  withinTarget: MaybeYes,
  responseSec: Maybe,
  responseWithin: MaybeYes,
  serviceSec: Maybe,
  withinStandard: MaybeYes,
  appointmentAt: MaybeMs,
  appointmentSec: Maybe,
  appointmentGraceSec: Maybe,
  appointmentWithin: MaybeYes,
  guaranteedSec: Maybe,
  guaranteeKept: MaybeYes,
  holdSec: Num,
  transfers: CountSchema,
  rejoins: CountSchema,
  recalls: CountSchema,
  counterIds: Type.Array(CounterIdSchema),
  staffIds: Type.Array(StaffIdSchema),
  estimate: Nullable(WaitEstimateSchema),
  estimateErrorSec: Maybe,
  estimateInRange: MaybeYes,
  rating: Maybe,
  overtaken: CountSchema,
  discriminationSec: Num,
})

export const DayReportSchema = Type.Object({
  kind: Type.Literal('day'),
  version: Type.Literal(1),
  date: Nullable(DaySchema),
  utcOffsetMinutes: Type.Integer(),
  openedAt: MaybeMs,
  closedAt: MaybeMs,
  autoClosed: Nullable(Type.Union([Type.Literal('endOfDay'), Type.Literal('afterOutage')])),
  asOf: Ms,
  labels: ReportLabelsSchema,
  options: ReportOptionsSchema,
  kpis: KpisSchema,
  volume: VolumeSchema,
  fiveTimes: Type.Array(FiveTimeRowSchema),
  hours: Type.Array(ReportHourSchema),
  waiting: WaitSectionSchema,
  transactions: TransactionSectionSchema,
  bookings: BookingSectionSchema,
  estimates: EstimateSectionSchema,
  fairness: FairnessSectionSchema,
  delays: Type.Array(DelayRowSchema),
  counters: CounterSectionSchema,
  satisfaction: SatisfactionSectionSchema,
  feedback: FeedbackSectionSchema,
  staffing: StaffingSectionSchema,
  tickets: Type.Array(TicketRowSchema),
  ignoredEvents: CountSchema,
})

export type DayReportAgrees = Agreed<Agrees<Static<typeof DayReportSchema>, DayReport>>
export type ReportLabelsAgrees = Agreed<Agrees<Static<typeof ReportLabelsSchema>, ReportLabels>>
export type ReportOptionsAgrees = Agreed<Agrees<Static<typeof ReportOptionsSchema>, ReportOptions>>
export type VolumeAgrees = Agreed<Agrees<Static<typeof VolumeSchema>, Volume>>
export type FiveTimeRowAgrees = Agreed<Agrees<Static<typeof FiveTimeRowSchema>, FiveTimeRow>>
export type WaitSectionAgrees = Agreed<Agrees<Static<typeof WaitSectionSchema>, WaitSection>>
export type TransactionRowAgrees = Agreed<Agrees<Static<typeof TransactionRowSchema>, TransactionRow>>
export type TransactionSectionAgrees = Agreed<Agrees<Static<typeof TransactionSectionSchema>, TransactionSection>>
export type BookingSectionAgrees = Agreed<Agrees<Static<typeof BookingSectionSchema>, BookingSection>>
export type EstimateSectionAgrees = Agreed<Agrees<Static<typeof EstimateSectionSchema>, EstimateSection>>
export type FairnessSectionAgrees = Agreed<Agrees<Static<typeof FairnessSectionSchema>, FairnessSection>>
export type DelayRowAgrees = Agreed<Agrees<Static<typeof DelayRowSchema>, DelayRow>>
export type CounterSectionAgrees = Agreed<Agrees<Static<typeof CounterSectionSchema>, CounterSection>>
export type SatisfactionSectionAgrees = Agreed<Agrees<Static<typeof SatisfactionSectionSchema>, SatisfactionSection>>
export type FeedbackSectionAgrees = Agreed<Agrees<Static<typeof FeedbackSectionSchema>, FeedbackSection>>
export type StaffingSectionAgrees = Agreed<Agrees<Static<typeof StaffingSectionSchema>, StaffingSection>>
export type TicketRowAgrees = Agreed<Agrees<Static<typeof TicketRowSchema>, TicketRow>>
