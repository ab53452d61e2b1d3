import { Type, type Static } from 'typebox'
import type { BranchConfig, ClockStretch } from '../domain/branch'
import { clockMinutes } from '../util/clockMinutes'
import { CounterIdSchema, LocalizedTextSchema, PriorityClassIdSchema, ServiceIdSchema } from '../api/common'

/** The branch's queue configuration (`BranchConfig`), as it is written in the configuration file. */

export const ServiceConfigSchema = Type.Object(
  {
    id: ServiceIdSchema,
    prefix: Type.String({ pattern: '^[A-Z]{1,2}$', description: 'Ticket prefix, one or two capital letters' }),
    name: LocalizedTextSchema,
    targetWaitSec: Type.Integer({ minimum: 0, maximum: 86_400 }),
    standardSec: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      description: 'Transaction standard; 60 is the one-minute standard',
    }),
    documents: Type.Array(LocalizedTextSchema, { maxItems: 10 }),
    selfServiceCapable: Type.Boolean(),
  },
  { additionalProperties: false },
)

const ClockSchema = Type.String({
  pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$',
  errorMessage: 'must be a time of day, HH:MM (24:00 for midnight)',
})

export const ClockStretchSchema = Type.Object(
  { opens: ClockSchema, closes: ClockSchema },
  { additionalProperties: false },
)

/** The branch calendar as the screens are told it (`BranchCalendar`): holidays, 调休 days, opening hours. */
export const PublicCalendarSchema = Type.Object({
  holidays: Type.Array(Type.String()),
  workingWeekends: Type.Array(Type.String()),
  opening: Type.Optional(
    Type.Object({
      workingDays: Type.Array(ClockStretchSchema),
      weekends: Type.Array(ClockStretchSchema),
      holidays: Type.Array(ClockStretchSchema),
    }),
  ),
})

export const CounterConfigSchema = Type.Object(
  {
    id: CounterIdSchema,
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    services: Type.Array(ServiceIdSchema, { minItems: 1, description: 'Services served, most preferred first' }),
    hours: Type.Optional(
      Type.Array(ClockStretchSchema, {
        maxItems: 12,
        description: 'The roster: when the counter is staffed each day, in order (the wait estimates count on it)',
      }),
    ),
  },
  { additionalProperties: false },
)

export const PriorityClassConfigSchema = Type.Object(
  {
    id: PriorityClassIdSchema,
    name: LocalizedTextSchema,
    rate: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
    headStartSec: Type.Number({ minimum: 0, maximum: 86_400 }),
    establishedBy: Type.Optional(
      Type.Union([Type.Literal('declared'), Type.Literal('staff'), Type.Literal('idReader'), Type.Literal('booking')]),
    ),
  },
  { additionalProperties: false },
)

export const QueuePolicySchema = Type.Object(
  {
    recallsBeforeNoShow: Type.Integer({ minimum: 0, maximum: 10 }),
    recallIntervalSec: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 600,
        description: 'Seconds after each call before a recall or no-show is allowed (default 20)',
      }),
    ),
    parkedPromptSec: Type.Optional(
      Type.Integer({
        minimum: 30,
        maximum: 7_200,
        description: 'Seconds a parked customer may be away before their teller is prompted (default 300)',
      }),
    ),
    noShowGraceSec: Type.Integer({ minimum: 0, maximum: 86_400 }),
    rejoinBehind: Type.Integer({ minimum: 0, maximum: 100 }),
    waitCapSec: Type.Union([Type.Integer({ minimum: 60, maximum: 86_400 }), Type.Null()]),
  },
  { additionalProperties: false },
)

export const BranchConfigSchema = Type.Object(
  {
    name: LocalizedTextSchema,
    services: Type.Array(ServiceConfigSchema, { minItems: 1 }),
    counters: Type.Array(CounterConfigSchema, { minItems: 1 }),
    priorityClasses: Type.Array(PriorityClassConfigSchema),
    policy: QueuePolicySchema,
  },
  { additionalProperties: false },
)

/**
 * A validated configuration is a `BranchConfig`: this compiles only while the schema describes
 * every field the domain type requires, with the same types (the domain's arrays are readonly,
 * so the reverse direction is checked by the round-trip test instead).
 */
export const branchFromSchema = (parsed: Static<typeof BranchConfigSchema>): BranchConfig => parsed

/**
 * Checks what a schema cannot: ids and prefixes unique, counters serving known services.
 * Returns problems as `path: message`, the path naming the field.
 *
 * @example
 * branchConsistencyProblems({ ...DEMO_BRANCH, counters: [{ id: 'c1', number: 1, services: ['x'] }] })
 * //=> ["counters[0].services[0]: unknown service 'x'"]
 */
export function branchConsistencyProblems(branch: BranchConfig): string[] {
  const problems: string[] = []
  const dup = <T>(items: readonly T[], key: (t: T) => string | number, what: string, path: string) => {
    const seen = new Set<string | number>()
    items.forEach((item, i) => {
      const k = key(item)
      if (seen.has(k)) problems.push(`${path}[${i}]: duplicate ${what} '${k}'`)
      seen.add(k)
    })
  }
  dup(branch.services, (s) => s.id, 'service id', 'services')
  dup(branch.services, (s) => s.prefix, 'ticket prefix', 'services')
  dup(branch.counters, (c) => c.id, 'counter id', 'counters')
  dup(branch.counters, (c) => c.number, 'counter number', 'counters')
  dup(branch.priorityClasses, (p) => p.id, 'priority class id', 'priorityClasses')
  const known = new Set<string>(branch.services.map((s) => s.id))
  branch.counters.forEach((c, i) =>
    c.services.forEach((s, j) => {
      if (!known.has(s)) problems.push(`counters[${i}].services[${j}]: unknown service '${s}'`)
    }),
  )
  branch.counters.forEach((c, i) => problems.push(...stretchProblems(c.hours ?? [], `counters[${i}].hours`)))
  branch.services.forEach((s, i) => {
    if (!branch.counters.some((c) => c.services.includes(s.id))) {
      problems.push(`services[${i}]: no counter serves '${s.id}'`)
    }
  })
  return problems
}

/**
 * What is wrong with a day's stretches (a counter's hours, the doors' opening hours), each named
 * by `path`: one that closes before it opens, or opens before the one above it closes.
 *
 * @example
 * stretchProblems([{ opens: '12:00', closes: '09:00' }], 'hours') //=> ['hours[0]: closes at 09:00, not after it opens at 12:00']
 */
export function stretchProblems(stretches: readonly ClockStretch[], path: string): string[] {
  const problems: string[] = []
  let after = 0
  stretches.forEach((h, j) => {
    const opens = clockMinutes(h.opens)
    const closes = clockMinutes(h.closes)
    if (closes <= opens) problems.push(`${path}[${j}]: closes at ${h.closes}, not after it opens at ${h.opens}`)
    else if (opens < after) problems.push(`${path}[${j}]: opens at ${h.opens}, before the stretch above closes`)
    after = Math.max(after, closes)
  })
  return problems
}
