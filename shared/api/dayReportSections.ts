import { Type } from 'typebox'
import { FeedbackRecordSchema } from '../hq/shippedSchemas'
import { FIVE_TIMES } from '../reports/fiveTimes'
import {
  CountSchema,
  CounterIdSchema,
  DelayIdSchema,
  EpochMsSchema,
  LocalizedTextSchema,
  Nullable,
  PriorityClassIdSchema,
  ServiceIdSchema,
  StaffIdSchema,
  TicketIdSchema,
  literals,
} from './common'
import {
  DelayScopeSchema,
  DelaySourceSchema,
  PauseReasonCodeSchema,
  TicketOutcomeSchema,
  VisitOutcomeSchema,
} from './queueStateSchema'
import { DistributionSchema, OvertakeReasonSchema } from './rangeReportSchema'

/**
 * The sections of the manager's day report (`shared/reports/dayReport.ts`) as schemas: what
 * `dayReportSchema.ts` assembles into the whole answer. Checked against the domain types there.
 */

const Num = Type.Number()
const Maybe = Nullable(Num)
const MaybeMs = Nullable(EpochMsSchema)
const MaybeYes = Nullable(Type.Boolean())
const Ms = EpochMsSchema
const Text = Type.String()

export const FeedbackStatusSchema = literals(['open', 'overdue', 'resolvedOnTime', 'resolvedLate'])

export const WaitFiguresSchema = Type.Object({
  ...DistributionSchema.properties,
  judged: CountSchema,
  withinTarget: CountSchema,
  withinTargetShare: Maybe,
})

const TransactionFiguresSchema = Type.Object({
  ...DistributionSchema.properties,
  judged: CountSchema,
  withinStandard: CountSchema,
  withinStandardShare: Maybe,
})

const DelayRefSchema = Type.Object({ id: DelayIdSchema, kind: Text, message: LocalizedTextSchema })

export const DelayRowSchema = Type.Object({
  id: DelayIdSchema,
  scope: DelayScopeSchema,
  source: DelaySourceSchema,
  kind: Text,
  message: LocalizedTextSchema,
  startedAt: Ms,
  endedAt: MaybeMs,
  durationSec: Num,
})

export const FiveTimeRowSchema = Type.Object({
  time: literals(FIVE_TIMES),
  standardSec: Maybe,
  goalShare: Num,
  judged: CountSchema,
  within: CountSchema,
  share: Maybe,
  met: MaybeYes,
  meanSec: Maybe,
  p90Sec: Maybe,
})

export const HourRowSchema = Type.Object({
  hour: Type.Integer({ minimum: 0 }),
  startsAt: Ms,
  arrivals: CountSchema,
  wait: WaitFiguresSchema,
  transactions: CountSchema,
  withinStandardShare: Maybe,
  countersOpen: Num,
  countersAvailable: Num,
})

export const WaitSectionSchema = Type.Object({
  overall: WaitFiguresSchema,
  byService: Type.Array(Type.Object({ ...WaitFiguresSchema.properties, serviceId: ServiceIdSchema })),
  byClass: Type.Array(
    Type.Object({ ...WaitFiguresSchema.properties, priorityClassId: Nullable(PriorityClassIdSchema) }),
  ),
  histogram: Type.Array(Type.Object({ fromSec: Num, toSec: Maybe, count: CountSchema })),
  longest: Type.Array(
    Type.Object({
      ticketId: TicketIdSchema,
      number: Text,
      serviceId: ServiceIdSchema,
      priorityClassId: Nullable(PriorityClassIdSchema),
      issuedAt: Ms,
      waitedSec: Num,
      called: Type.Boolean(),
      outcome: Nullable(TicketOutcomeSchema),
      transfers: CountSchema,
      rejoins: CountSchema,
      overtaken: CountSchema,
      delays: Type.Array(DelayRefSchema),
    }),
  ),
  neverCalled: CountSchema,
})

export const TransactionRowSchema = Type.Object({
  ticketId: TicketIdSchema,
  number: Text,
  counterId: CounterIdSchema,
  staffId: Nullable(StaffIdSchema),
  serviceId: ServiceIdSchema,
  calledForServiceId: ServiceIdSchema,
  visitCalledAt: Ms,
  place: Type.Integer({ minimum: 1 }),
  quantity: Num,
  startedAt: Ms,
  endedAt: Ms,
  durationSec: Num,
  standardSec: Maybe,
  withinStandard: MaybeYes,
  outcome: VisitOutcomeSchema,
})

export const TransactionSectionSchema = Type.Object({
  overall: TransactionFiguresSchema,
  byService: Type.Array(
    Type.Object({
      ...TransactionFiguresSchema.properties,
      serviceId: ServiceIdSchema,
      standardSec: Maybe,
      bins: Type.Array(Type.Object({ upToMultiple: Maybe, count: CountSchema })),
      units: Num,
    }),
  ),
  byCounter: Type.Array(Type.Object({ ...TransactionFiguresSchema.properties, counterId: CounterIdSchema })),
  byStaff: Type.Array(Type.Object({ ...TransactionFiguresSchema.properties, staffId: Nullable(StaffIdSchema) })),
  longest: Type.Array(
    Type.Object({
      ...TransactionRowSchema.properties,
      overSec: Maybe,
      delays: Type.Array(DelayRefSchema),
      serviceChanged: Type.Boolean(),
    }),
  ),
  visits: Type.Object({
    visits: CountSchema,
    transactions: CountSchema,
    transactionsPerVisit: Maybe,
    byCount: Type.Array(Type.Object({ transactions: CountSchema, visits: CountSchema })),
    time: DistributionSchema,
  }),
})

export const BookingSectionSchema = Type.Object({
  booked: WaitFiguresSchema,
  walkIn: WaitFiguresSchema,
  bookedCalled: CountSchema,
  onTime: CountSchema,
  onTimeShare: Maybe,
})

export const EstimateSectionSchema = Type.Object({
  overall: Type.Object({
    count: CountSchema,
    meanErrorSec: Maybe,
    meanAbsErrorSec: Maybe,
    rmseSec: Maybe,
    insideRange: CountSchema,
    insideRangeShare: Maybe,
    aboveRange: CountSchema,
    aboveRangeShare: Maybe,
    belowRange: CountSchema,
  }),
  calibration: Type.Array(
    Type.Object({
      fromSec: Num,
      toSec: Maybe,
      count: CountSchema,
      meanEstimateSec: Maybe,
      meanActualSec: Maybe,
      insideRangeShare: Maybe,
    }),
  ),
  notMeasured: CountSchema,
})

const ByClassMax = Type.Object({
  priorityClassId: Nullable(PriorityClassIdSchema),
  tickets: CountSchema,
  maxWaitSec: Maybe,
})

export const FairnessSectionSchema = Type.Object({
  byReason: Type.Array(
    Type.Object({
      reason: OvertakeReasonSchema,
      overtakes: CountSchema,
      calls: CountSchema,
      tickets: CountSchema,
      sameService: CountSchema,
    }),
  ),
  outOfOrderReasons: Type.Array(Type.Object({ reason: Text, calls: CountSchema })),
  fcfsExceptions: CountSchema,
  unexplained: CountSchema,
  maxOrdinaryOvertakenWaitSec: Maybe,
  longestOvertaken: Type.Array(
    Type.Object({
      at: Ms,
      counterId: CounterIdSchema,
      byTicketId: TicketIdSchema,
      ticketId: TicketIdSchema,
      reason: OvertakeReasonSchema,
      note: Nullable(Text),
      sameService: Type.Boolean(),
      waitedSec: Num,
      ordinary: Type.Boolean(),
      number: Text,
      byNumber: Text,
    }),
  ),
  maxWaitByClass: Type.Array(ByClassMax),
  raqfm: Type.Object({
    customers: CountSchema,
    meanSquared: Maybe,
    unitSec: Num,
    servedCustomers: CountSchema,
    sumSec: Num,
    byClass: Type.Array(
      Type.Object({
        priorityClassId: Nullable(PriorityClassIdSchema),
        customers: CountSchema,
        meanDiscrimination: Maybe,
      }),
    ),
  }),
})

export const CounterSectionSchema = Type.Object({
  counters: Type.Array(
    Type.Object({
      counterId: CounterIdSchema,
      number: Maybe,
      staffIds: Type.Array(StaffIdSchema),
      openSec: Num,
      pausedSec: Num,
      callingSec: Num,
      servingSec: Num,
      utilisation: Maybe,
      pauses: Type.Array(
        Type.Object({ from: Ms, to: MaybeMs, durationSec: Num, code: PauseReasonCodeSchema, note: Text }),
      ),
    }),
  ),
  pausedByReason: Type.Array(Type.Object({ code: PauseReasonCodeSchema, pauses: CountSchema, sec: Num })),
})

const RatingFiguresSchema = Type.Object({
  ratings: CountSchema,
  mean: Maybe,
  counts: Type.Tuple([CountSchema, CountSchema, CountSchema, CountSchema, CountSchema]),
  satisfiedShare: Maybe,
})

export const SatisfactionSectionSchema = Type.Object({
  overall: RatingFiguresSchema,
  byStaff: Type.Array(Type.Object({ ...RatingFiguresSchema.properties, staffId: Nullable(StaffIdSchema) })),
})

export const FeedbackSectionSchema = Type.Object({
  items: Type.Array(
    Type.Object({ ...FeedbackRecordSchema.properties, status: FeedbackStatusSchema, ticketNumber: Nullable(Text) }),
  ),
  byKind: Type.Array(Type.Object({ kind: FeedbackRecordSchema.properties.kind, count: CountSchema })),
  byStatus: Type.Object({
    open: CountSchema,
    overdue: CountSchema,
    resolvedOnTime: CountSchema,
    resolvedLate: CountSchema,
  }),
})

export const StaffingSectionSchema = Type.Object({
  probability: Num,
  meanHoldSec: Maybe,
  targets: Type.Array(Type.Object({ share: Num, targetSec: Num, serviceId: ServiceIdSchema })),
  rows: Type.Array(
    Type.Object({
      hour: Type.Integer({ minimum: 0 }),
      startsAt: Ms,
      arrivals: CountSchema,
      offeredLoad: Num,
      modifiedLoad: Num,
      sipp: Num,
      advised: Num,
      countersAvailable: Num,
    }),
  ),
})
