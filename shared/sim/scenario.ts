import { Type, type Static } from 'typebox'
import { literals } from '../api/common'
import { PAUSE_REASONS } from '../queue/counterState'

/**
 * The scenario file of the branch simulator (`npm run simulate -- --scenario f.json`), as a
 * TypeBox schema: validation with errors that name the field, and the TypeScript type, from one
 * definition. Times of day are "HH:MM" local time; durations are seconds. See docs/simulator.md.
 */

const strict = { additionalProperties: false } as const

/** An id as it appears in the file: letters, digits, '-' and '_'. */
const Id = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,32}$',
  description: 'an id of letters, digits, - and _',
  errorMessage: 'must be an id of 1–32 letters, digits, - or _',
})

/** "HH:MM", 24-hour clock. */
const Clock = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'a time of day, HH:MM',
  errorMessage: 'must be a time of day, HH:MM (24-hour)',
})

/**
 * What a bank branch can have, and what a what-if on the hub can afford: each field is bounded
 * where the branch file bounds the same thing (`shared/config/branchSchema.ts`: standards and
 * targets up to a day, rates up to 100, recalls every 600 s at most), the rest well past any
 * branch. A number beyond them is a mistake (a rate of 1e7 an hour), and the simulator would
 * spend minutes and gigabytes on it. The day as a whole is bounded too (`scenarioWork.ts`).
 * docs/simulator.md lists them.
 */
export const SCENARIO_LIMITS = {
  /** Seconds: a transaction, a patience, a target, a standard, a wait cap — up to a day. */
  durationSec: 86_400,
  /** A duration's coefficient of variation (generated days reach 2.5). */
  cv: 10,
  /** Customers an hour in one arrival stream: one every 3.6 s. */
  perHour: 1_000,
  services: 50,
  counters: 100,
  priorityClasses: 20,
  arrivalStreams: 500,
  /** A teller's pace against the standard: a quarter as fast to four times as fast. */
  speed: { min: 0.25, max: 4 },
  breaksPerCounter: 20,
  transfers: 100,
  breakMinutes: 480,
  walkSec: 3_600,
  recallIntervalSec: 600,
  priorityRate: 100,
} as const

const L = SCENARIO_LIMITS
/** Seconds above zero, up to a day. */
const Seconds = Type.Number({ exclusiveMinimum: 0, maximum: L.durationSec })
const Cv = Type.Number({ exclusiveMinimum: 0, maximum: L.cv })

export const ExpDistSchema = Type.Object({ dist: Type.Literal('exp'), meanSec: Seconds }, strict)
export const LognormalDistSchema = Type.Object({ dist: Type.Literal('lognormal'), meanSec: Seconds, cv: Cv }, strict)
export const GammaDistSchema = Type.Object({ dist: Type.Literal('gamma'), meanSec: Seconds, cv: Cv }, strict)
export const DetDistSchema = Type.Object(
  { dist: Type.Literal('det'), sec: Type.Number({ minimum: 0, maximum: L.durationSec }) },
  strict,
)

/**
 * A duration distribution: `{"dist":"exp","meanSec":180}`, `{"dist":"gamma","meanSec":180,"cv":0.4}`,
 * `{"dist":"lognormal","meanSec":240,"cv":0.8}`, `{"dist":"det","sec":60}`.
 */
export const DurationDistSchema = Type.Union([ExpDistSchema, GammaDistSchema, LognormalDistSchema, DetDistSchema])

const Names = Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, strict)

export const ScenarioServiceSchema = Type.Object(
  {
    id: Id,
    prefix: Type.String({
      pattern: '^[A-Z]{1,2}$',
      description: 'one or two capital letters',
      errorMessage: 'must be one or two capital letters',
    }),
    name: Type.Optional(Names),
    targetWaitSec: Seconds,
    standardSec: Seconds,
    serviceTime: DurationDistSchema,
  },
  strict,
)

export const ScenarioPriorityClassSchema = Type.Object(
  {
    id: Id,
    name: Type.Optional(Names),
    rate: Type.Number({ minimum: 1, maximum: L.priorityRate }),
    headStartSec: Type.Optional(Type.Number({ minimum: 0, maximum: L.durationSec })),
  },
  strict,
)

const PerHour = Type.Number({ minimum: 0, maximum: L.perHour })

export const ScenarioArrivalSchema = Type.Object(
  {
    service: Id,
    priority: Type.Optional(Id),
    /** Customers per hour: one rate for the whole day, or one per opening hour. */
    perHour: Type.Union([PerHour, Type.Array(PerHour, { minItems: 1, maxItems: 24 })], {
      errorMessage: `must be a rate per hour (0–${L.perHour}) or a list of them, one per opening hour`,
    }),
  },
  strict,
)

export const ScenarioCounterSchema = Type.Object(
  {
    id: Id,
    /** Services in preference order. */
    services: Type.Array(Id, { minItems: 1, maxItems: L.services }),
    open: Type.Optional(Clock),
    close: Type.Optional(Clock),
    /** Relative pace of the teller: 1.25 works 25 % faster (transaction time ÷ 1.25). */
    speed: Type.Optional(Type.Number({ minimum: L.speed.min, maximum: L.speed.max })),
    /**
     * Who works the counter that day (the staff id it is opened with), when tellers move between
     * counters from day to day; `speed` is then that teller's. Default: the counter's own teller.
     */
    staff: Type.Optional(Id),
    /**
     * Pauses the teller takes: from `at` (once the customer then at the counter is done) for
     * `minutes`, with the reason the counter screen is given (default "break"). Not in the
     * roster the estimator is given: it learns of a pause when the counter is paused.
     */
    breaks: Type.Optional(
      Type.Array(
        Type.Object(
          {
            at: Clock,
            minutes: Type.Number({ exclusiveMinimum: 0, maximum: L.breakMinutes }),
            reason: Type.Optional(literals(PAUSE_REASONS)),
          },
          strict,
        ),
        { maxItems: L.breaksPerCounter },
      ),
    ),
  },
  strict,
)

/**
 * A share of one service's customers whom the teller sends on to another service once their
 * transaction there is done (a lost card found at the personal desk): they queue again for the
 * other service and are served there too.
 */
export const ScenarioTransferSchema = Type.Object(
  { from: Id, to: Id, share: Type.Number({ minimum: 0, maximum: 1 }) },
  strict,
)

export const ScenarioSchema = Type.Object(
  {
    name: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    date: Type.Optional(
      Type.String({
        pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
        description: 'YYYY-MM-DD',
        errorMessage: 'must be a date, YYYY-MM-DD',
      }),
    ),
    /** Minutes east of UTC of the branch's clock (default 480, China). */
    utcOffsetMin: Type.Optional(Type.Integer({ minimum: -720, maximum: 840 })),
    hours: Type.Object({ open: Clock, close: Clock }, strict),
    services: Type.Array(ScenarioServiceSchema, { minItems: 1, maxItems: L.services }),
    priorityClasses: Type.Optional(Type.Array(ScenarioPriorityClassSchema, { maxItems: L.priorityClasses })),
    arrivals: Type.Array(ScenarioArrivalSchema, { maxItems: L.arrivalStreams }),
    counters: Type.Array(ScenarioCounterSchema, { minItems: 1, maxItems: L.counters }),
    /** Share of customers who leave before their call (the call becomes a no-show). Default 0. */
    noShowProbability: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Customers sent on to another service after their transaction (none when absent). */
    transfers: Type.Optional(Type.Array(ScenarioTransferSchema, { maxItems: L.transfers })),
    /** How long customers are prepared to wait before leaving (none when absent). */
    patience: Type.Optional(DurationDistSchema),
    /** Walking time from the call to the counter. Default 0. */
    walkSec: Type.Optional(Type.Number({ minimum: 0, maximum: L.walkSec })),
    /** Seconds between recalls of a customer who does not come. Default 20. */
    recallIntervalSec: Type.Optional(Type.Number({ minimum: 0, maximum: L.recallIntervalSec })),
    recallsBeforeNoShow: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    /** The declared wait cap (seconds), or null for none. Default none. */
    waitCapSec: Type.Optional(
      Type.Union([Seconds, Type.Null()], {
        errorMessage: `must be a positive number of seconds (at most ${L.durationSec}), or null`,
      }),
    ),
    /**
     * Customers who booked: a `share` of every stream's customers hold a slot, the first slot
     * boundary (every `slotMinutes` from opening) after they arrive, and check in on arrival; once
     * their slot has come they are called first within `graceSec`. None when absent.
     */
    bookings: Type.Optional(
      Type.Object(
        {
          share: Type.Number({ minimum: 0, maximum: 1 }),
          slotMinutes: Type.Integer({ minimum: 5, maximum: 120 }),
          graceSec: Type.Number({ minimum: 0, maximum: 3_600 }),
        },
        strict,
      ),
    ),
    seed: Type.Optional(Type.Integer()),
  },
  strict,
)

export type DurationDist = Static<typeof DurationDistSchema>
export type ScenarioService = Static<typeof ScenarioServiceSchema>
export type ScenarioPriorityClass = Static<typeof ScenarioPriorityClassSchema>
export type ScenarioArrival = Static<typeof ScenarioArrivalSchema>
export type ScenarioCounter = Static<typeof ScenarioCounterSchema>
export type ScenarioTransfer = Static<typeof ScenarioTransferSchema>
export type Scenario = Static<typeof ScenarioSchema>
