import { Type, type Static, type TSchema } from 'typebox'
import { ServiceIdSchema, StaffIdSchema } from '../api/common'
import { PAUSE_REASONS } from '../queue/counterState'
import type { DailySummary } from '../reports/dailySummary'
import { DURATION_EDGES, WAIT_EDGES } from '../reports/histogram'
import { OVERTAKE_REASONS } from '../reports/overtakes'

/**
 * A branch's daily summary (`shared/reports/dailySummary.ts`) as it is shipped to headquarters,
 * which merges them into cross-branch and trend views: checked field by field at the door.
 */
const strict = { additionalProperties: false } as const
const count = Type.Integer({ minimum: 0 })
const num = Type.Number()
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Tally = Type.Object({ judged: count, within: count }, strict)
const byKey = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, num])) as Record<K, typeof num>, strict)

export const DailySummarySchema = Type.Object(
  {
    version: Type.Literal(1),
    // Absent in summaries of hubs before rules were versioned (rules 1), and the two fields after it.
    rulesVersion: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    utcOffsetMinutes: Type.Integer({ minimum: -720, maximum: 840 }),
    autoClosed: Type.Optional(nullable(Type.Union([Type.Literal('endOfDay'), Type.Literal('afterOutage')]))),
    issued: count,
    served: count,
    noShows: count,
    cancelled: count,
    removedAtClose: count,
    dayEnded: Type.Optional(count),
    transferred: count,
    wait: Type.Object(
      {
        n: count,
        sum: num,
        max: nullable(num),
        median: nullable(num),
        p90: nullable(num),
        // One count per bin of `WAIT_EDGES` at most (a wait over 1 h 45 min already needs more than 100).
        hist: Type.Array(count, { maxItems: WAIT_EDGES.length }),
        target: Tally,
      },
      strict,
    ),
    guaranteed: Tally,
    response: Tally,
    appointment: Tally,
    transactions: Type.Object({ n: count, sum: num, standard: Tally }, strict),
    hold: Type.Object(
      { n: count, sum: num, overflowSum: num, hist: Type.Array(count, { maxItems: DURATION_EDGES.length }) },
      strict,
    ),
    // `ranged`: of `n`, those shown a range, not "soon" (`judgeShownWait`); absent in summaries written before it (all `n`).
    estimate: Type.Object(
      { n: count, sumErr: num, sumSqErr: num, inside: count, ranged: Type.Optional(count) },
      strict,
    ),
    fairness: Type.Object(
      {
        overtakes: byKey(OVERTAKE_REASONS),
        fcfsExceptions: count,
        unexplained: count,
        maxOrdinaryOvertakenWaitSec: nullable(num),
        raqfmSumSq: num,
        customers: count,
        servedSum: num,
        servedCustomers: count,
      },
      strict,
    ),
    ratings: Type.Object({ n: count, sum: num, counts: Type.Array(count, { maxItems: 10 }) }, strict),
    counterSec: num,
    pausedSec: num,
    pausedByReason: byKey(PAUSE_REASONS),
    hours: Type.Array(
      Type.Object(
        {
          hour: Type.Integer({ minimum: 0, maximum: 47 }),
          arrivals: count,
          reached: count,
          waitN: count,
          waitSum: num,
          target: Tally,
          counterSec: num,
          availableSec: num,
        },
        strict,
      ),
      { maxItems: 48 },
    ),
    services: Type.Array(
      Type.Object(
        {
          serviceId: ServiceIdSchema,
          targetWaitSec: nullable(num),
          issued: count,
          reached: count,
          waitN: count,
          waitSum: num,
          target: Tally,
          txN: count,
          txSum: num,
          standard: Tally,
        },
        strict,
      ),
      { maxItems: 200 },
    ),
    staff: Type.Array(
      Type.Object(
        {
          staffId: nullable(StaffIdSchema),
          txN: count,
          txSum: num,
          standard: Tally,
          ratingN: count,
          ratingSum: num,
        },
        strict,
      ),
      { maxItems: 500 },
    ),
  },
  strict,
)

/** Compiles only while the schema gives every field of `DailySummary` its type. */
export const summaryFromSchema = (parsed: Static<typeof DailySummarySchema>): DailySummary => parsed
