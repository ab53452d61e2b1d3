import { Type, type Static } from 'typebox'
import { Nullable } from '../../shared/api/common'
import { DailySummarySchema } from '../../shared/hq/summarySchema'
import type { DailySummary } from '../../shared/reports/dailySummary'
import { answerParser, parserOf, requestSchema } from '../workerCalls'
import type { DemoHistoryConfig, DemoMonthCarry } from './demoMonth'

/**
 * The demo history thread's messages (`demoHistory.ts` ↔ `demoHistoryWorker.ts`), described
 * once. The configuration is the hub's own, handed over in the same process: its envelope is
 * checked, not the branch inside it. The answer is checked whole: a summary is a few kilobytes,
 * the journal one string (half a megabyte), against the half second or more its day took.
 */

const Obj = Type.Object({})

/**
 * What a month carries to its next day (`DemoMonthCarry`), as kept in the seeding's plan: its
 * envelope is checked, the service times and calibration inside it are the hub's own.
 */
export const DemoMonthCarrySchema = Type.Unsafe<DemoMonthCarry>(
  Type.Object(
    {
      next: Type.Integer({ minimum: 0 }),
      seq: Type.Integer({ minimum: 0 }),
      days: Type.Array(
        Type.Object(
          {
            date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
            events: Type.Integer({ minimum: 0 }),
            serviceTimes: Obj,
          },
          { additionalProperties: false },
        ),
      ),
      calibration: Obj,
    },
    { additionalProperties: false },
  ),
)

export const DemoDayRequestSchema = Type.Object(
  {
    config: Type.Unsafe<DemoHistoryConfig>(
      Type.Object({ branch: Obj, staff: Type.Array(Obj), utcOffsetMinutes: Type.Number(), calendar: Obj }),
    ),
    /** The month is the `days` days before `today` (a local date, YYYY-MM-DD). */
    today: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    days: Type.Integer({ minimum: 1 }),
    /** Which day of the month: 0 is the earliest. */
    index: Type.Integer({ minimum: 0 }),
    /**
     * A seeding going on after a restart: where the month had got to, and the journals of the
     * days it learns from (`carry.days`, same order), which the thread reads itself.
     */
    resume: Type.Optional(Type.Object({ carry: DemoMonthCarrySchema, journals: Type.Array(Type.String()) })),
  },
  { additionalProperties: false },
)

/**
 * The day's date, and what is kept of it: null when the branch was closed; how many days it took;
 * and what the month carries to its next day, for the plan.
 */
export const DemoDayAnswerSchema = Type.Object(
  {
    date: Type.String(),
    /** How many days the thread simulated to answer: 1, more when it began the month from its start. */
    simulated: Type.Integer({ minimum: 0 }),
    /**
     * Why the thread began the month from its start although asked to go on from a carry (a
     * kept journal missing or changed, one unreadable), for the hub's log; null when it did not.
     */
    startedOver: Nullable(Type.String()),
    carry: DemoMonthCarrySchema,
    day: Nullable(
      Type.Object(
        { journal: Type.String(), summary: Type.Unsafe<DailySummary>(DailySummarySchema) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

export type DemoDayRequest = Static<typeof DemoDayRequestSchema>
export type DemoDayAnswer = Static<typeof DemoDayAnswerSchema>

export const parseDemoDayRequest = parserOf(requestSchema(DemoDayRequestSchema))
export const parseDemoDayAnswer = answerParser(DemoDayAnswerSchema)
