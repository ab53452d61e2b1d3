import { Type, type Static } from 'typebox'
import type { KpiKey, Kpis, TrendPoint } from '../reports/kpis'
import { OVERTAKE_REASONS } from '../reports/overtakes'
import type { RangeReport } from '../reports/rangeReport'
import type { Distribution } from '../reports/stats'
import type { Agreed, Agrees } from '../util/agrees'
import { CountSchema, DaySchema, Nullable, ServiceIdSchema, StaffIdSchema, literals } from './common'
import { PauseReasonCodeSchema } from './queueStateSchema'

/**
 * The KPIs every report carries and the range report (`GET /api/v1/reports/range`, HQ's branch
 * trend), as schemas the screens' clients check answers with. Each agrees with its domain type
 * at compile time (the `Agreed` lines below).
 */

const Num = Type.Number()
const Maybe = Nullable(Num)

export const DistributionSchema = Type.Object({
  count: CountSchema,
  mean: Maybe,
  median: Maybe,
  p90: Maybe,
  max: Maybe,
})

export const KpisSchema = Type.Object({
  days: CountSchema,
  issued: CountSchema,
  served: CountSchema,
  noShows: CountSchema,
  cancelled: CountSchema,
  removedAtClose: CountSchema,
  dayEnded: CountSchema,
  transferred: CountSchema,
  waitMeanSec: Maybe,
  waitMedianSec: Maybe,
  waitP90Sec: Maybe,
  waitMaxSec: Maybe,
  waitWithinTargetShare: Maybe,
  guaranteeKeptShare: Maybe,
  responseWithinShare: Maybe,
  appointmentWithinShare: Maybe,
  transactionMeanSec: Maybe,
  transactionWithinStandardShare: Maybe,
  estimateMeanErrorSec: Maybe,
  estimateRmseSec: Maybe,
  estimateInsideRangeShare: Maybe,
  overtakes: CountSchema,
  fcfsExceptions: CountSchema,
  unexplainedOvertakes: CountSchema,
  maxOrdinaryOvertakenWaitSec: Maybe,
  raqfm: Maybe,
  ratings: CountSchema,
  ratingMean: Maybe,
  counterHours: Num,
  pausedHours: Num,
})

export const TrendPointSchema = Type.Object({ date: DaySchema, kpis: KpisSchema })

export const OvertakeReasonSchema = literals(OVERTAKE_REASONS)

/** A KPI's name: every field of the KPIs but the day count. */
const KpiKeySchema = Type.Unsafe<KpiKey>(
  Type.Union(
    Object.keys(KpisSchema.properties)
      .filter((k) => k !== 'days')
      .map((k) => Type.Literal(k)),
  ),
)
const WeekSchema = Type.Object({ weekStart: DaySchema, kpis: KpisSchema })

export const RangeReportSchema = Type.Object({
  kind: Type.Literal('range'),
  version: Type.Literal(1),
  from: DaySchema,
  to: DaySchema,
  kpis: KpisSchema,
  daily: Type.Array(TrendPointSchema),
  weekly: Type.Array(WeekSchema),
  weekOverWeek: Type.Object({
    weekStart: DaySchema,
    previousWeekStart: DaySchema,
    through: DaySchema,
    previousThrough: DaySchema,
    partial: Type.Boolean(),
    thisWeek: KpisSchema,
    lastWeek: KpisSchema,
    changes: Type.Array(
      Type.Object({
        key: KpiKeySchema,
        perDay: Type.Boolean(),
        thisWeek: Maybe,
        lastWeek: Maybe,
        change: Maybe,
        verdict: Nullable(literals(['better', 'worse'])),
      }),
    ),
  }),
  hours: Type.Array(
    Type.Object({
      hour: Type.Integer({ minimum: 0 }),
      meanArrivals: Num,
      meanCountersOpen: Num,
      meanCountersAvailable: Num,
      waitMeanSec: Maybe,
      withinTargetShare: Maybe,
      sipp: Num,
      advised: Num,
      modifiedLoad: Num,
    }),
  ),
  meanHoldSec: Maybe,
  services: Type.Array(
    Type.Object({
      serviceId: ServiceIdSchema,
      issued: CountSchema,
      waitMeanSec: Maybe,
      withinTargetShare: Maybe,
      transactions: CountSchema,
      transactionMeanSec: Maybe,
      withinStandardShare: Maybe,
    }),
  ),
  staff: Type.Array(
    Type.Object({
      staffId: Nullable(StaffIdSchema),
      transactions: CountSchema,
      transactionMeanSec: Maybe,
      withinStandardShare: Maybe,
      ratings: CountSchema,
      ratingMean: Maybe,
    }),
  ),
  overtakesByReason: Type.Array(Type.Object({ reason: OvertakeReasonSchema, overtakes: CountSchema })),
  pausedByReason: Type.Array(Type.Object({ code: PauseReasonCodeSchema, sec: Num })),
})

export type DistributionAgrees = Agreed<Agrees<Static<typeof DistributionSchema>, Distribution>>
export type KpisAgrees = Agreed<Agrees<Static<typeof KpisSchema>, Kpis>>
export type TrendPointAgrees = Agreed<Agrees<Static<typeof TrendPointSchema>, TrendPoint>>
export type RangeReportAgrees = Agreed<Agrees<Static<typeof RangeReportSchema>, RangeReport>>
