import { err, ok, type Result } from '../util/result'
import { typedClock } from '../util/typedClock'
import { clockMinutes } from './parseScenario'
import {
  SCENARIO_LIMITS,
  type DurationDist,
  type Scenario,
  type ScenarioArrival,
  type ScenarioCounter,
} from './scenario'
import { DAY_LIMITS, scenarioWork, withinDayLimits } from './scenarioWork'

/**
 * The manager's what-if form (docs/simulator.md): today's scenario with a few things changed —
 * which counters are open and when, how fast the tellers work per service, a surge by hour and
 * the mix of services. The form holds what its inputs hold (text); `scenarioOfForm` parses it,
 * field by field, into the scenario the simulator runs.
 */

/** A counter of the form: one of the branch's, or one the manager added. */
export interface WhatIfCounterRow {
  readonly id: string
  /** Services in preference order, as the scenario has them. */
  readonly services: readonly string[]
  readonly open: boolean
  /** `HH:MM`: when the counter opens. */
  readonly from: string
  /** `HH:MM`, or empty: the counter serves until the last customer has been served. */
  readonly to: string
  /** Added on the form (not one of the branch's counters): the manager may remove it. */
  readonly added: boolean
}

/** A service of the form: the tellers' speed and its share of the customers. */
export interface WhatIfServiceRow {
  readonly id: string
  /** Percent faster (+) or slower (−) than the scenario's transaction time: `10` takes ÷ 1.1. */
  readonly speedPct: string
  /** Percent of the day's customers who come for this service. */
  readonly sharePct: string
}

export interface WhatIfForm {
  readonly counters: readonly WhatIfCounterRow[]
  readonly services: readonly WhatIfServiceRow[]
  /** One multiplier of the arrivals per opening hour: `1.5` is half as many again. */
  readonly surge: readonly string[]
}

/** What is wrong with a field, for the screen to say in its language. */
export type WhatIfFormErrorCode =
  | 'number'
  | 'range'
  | 'time'
  | 'outsideHours'
  | 'toBeforeFrom'
  | 'noCounterOpen'
  | 'tooManyCounters'
  | 'sharesSum'
  | 'dayTooBig'

export interface WhatIfFormError {
  /** `counters.2.from`, `services.0.speedPct`, `services.1.sharePct`, `surge.3`, `counters`, `mix`, `surge`. */
  readonly field: string
  readonly code: WhatIfFormErrorCode
  readonly params: Readonly<Record<string, number | string>>
}

/** Bounds of the form's numbers. */
export const SPEED_PCT = { min: -50, max: 200 } as const
export const SURGE = { min: 0, max: 10 } as const
export const SHARE_PCT = { min: 0, max: 100 } as const
export const MAX_COUNTERS = 60
/** How far the shares may add up from 100 % (they are typed with one decimal). */
const SHARE_SLACK = 0.5

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/u

/** Opening hours of a scenario, one per rate of a `perHour` list: `['09:00', '10:00', …]`. */
export function openingHours(scenario: Scenario): string[] {
  const open = clockMinutes(scenario.hours.open)
  const hours = Math.ceil((clockMinutes(scenario.hours.close) - open) / 60)
  return Array.from({ length: Math.max(0, hours) }, (_, h) => clockText(open + h * 60))
}

/**
 * Today's scenario as the form starts: every counter open with its own hours, nobody faster or
 * slower, no surge, and each service's share of the day's customers as today has it.
 *
 * @example
 * whatIfFormOf(today).services
 * //=> [{ id: 'personal', speedPct: '0', sharePct: '62.5' }, { id: 'business', speedPct: '0', sharePct: '37.5' }]
 */
export function whatIfFormOf(scenario: Scenario): WhatIfForm {
  const hours = openingHours(scenario).length
  const totals = serviceTotals(scenario.arrivals, hours)
  const all = [...totals.values()].reduce((a, b) => a + b, 0)
  const n = scenario.services.length
  return {
    counters: scenario.counters.map((c) => ({
      id: c.id,
      services: [...c.services],
      open: true,
      from: c.open ?? scenario.hours.open,
      to: c.close ?? '',
      added: false,
    })),
    services: scenario.services.map((s) => ({
      id: s.id,
      speedPct: '0',
      sharePct: String(round(all === 0 ? 100 / n : (100 * (totals.get(s.id) ?? 0)) / all, 1)),
    })),
    surge: Array.from({ length: hours }, () => '1'),
  }
}

/**
 * A counter to add to the form: it serves every service, in the scenario's order, from opening.
 *
 * @example
 * addedCounter(today, form) //=> { id: 'new1', services: ['personal', 'business'], open: true, from: '09:00', to: '', added: true }
 */
export function addedCounter(scenario: Scenario, form: WhatIfForm): WhatIfCounterRow {
  const ids = new Set(form.counters.map((c) => c.id))
  let i = 1
  while (ids.has(`new${i}`)) i++
  return {
    id: `new${i}`,
    services: scenario.services.map((s) => s.id),
    open: true,
    from: scenario.hours.open,
    to: '',
    added: true,
  }
}

/**
 * The scenario the form asks for: `base` with its counters, transaction times and arrivals
 * changed as the form says — or every field that is wrong, with what is wrong with it. A form
 * left as `whatIfFormOf(base)` made it gives `base` back, so the changed day and today meet the
 * very same customers.
 *
 * @example
 * scenarioOfForm(today, { ...whatIfFormOf(today), surge: ['1', 'x'] })
 * //=> { ok: false, error: [{ field: 'surge.1', code: 'number', params: {} }] }
 */
export function scenarioOfForm(base: Scenario, form: WhatIfForm): Result<Scenario, WhatIfFormError[]> {
  const errors: WhatIfFormError[] = []
  const counters = formCounters(base, form.counters, errors)
  const speeds = form.services.map((s, i) => numberIn(s.speedPct, SPEED_PCT, `services.${i}.speedPct`, errors))
  const shares = form.services.map((s, i) => numberIn(s.sharePct, SHARE_PCT, `services.${i}.sharePct`, errors))
  const surge = form.surge.map((x, h) => numberIn(x, SURGE, `surge.${h}`, errors))
  if (shares.every((s) => s !== null)) {
    const sum = shares.reduce<number>((a, b) => a + (b ?? 0), 0)
    if (Math.abs(sum - 100) > SHARE_SLACK)
      errors.push({ field: 'mix', code: 'sharesSum', params: { sum: round(sum, 1) } })
  }
  if (errors.length > 0) return err(errors)
  const hours = openingHours(base).length
  const start = whatIfFormOf(base).services
  const mixChanged = form.services.some((s, i) => s.sharePct.trim() !== start[i]?.sharePct)
  const mixed = mixChanged ? withMix(base, form.services, shares as number[], hours) : base.arrivals
  // A surge may take no stream past the rate a scenario may have in an hour: its bound is said
  // as the most that hour may be multiplied by.
  ;(surge as number[]).forEach((x, h) => {
    const busiest = Math.max(0, ...mixed.map((a) => ratesOf(a, hours)[h] ?? 0))
    const most = Math.floor((SCENARIO_LIMITS.perHour / busiest) * 100) / 100
    if (busiest > 0 && x > most)
      errors.push({ field: `surge.${h}`, code: 'range', params: { min: SURGE.min, max: most } })
  })
  if (errors.length > 0) return err(errors)
  const scenario: Scenario = {
    ...base,
    services: base.services.map((s) => {
      const i = form.services.findIndex((row) => row.id === s.id)
      const pct = i < 0 ? 0 : (speeds[i] ?? 0)
      return pct === 0 ? s : { ...s, serviceTime: faster(s.serviceTime, 1 + pct / 100) }
    }),
    arrivals: withSurge(mixed, surge as number[], hours),
    counters,
  }
  // Every field in its bounds can still ask for more than a simulated day may have (ten times
  // today's customers, each twice as slow): said here, under the surge, before anything is sent.
  const work = scenarioWork(scenario)
  if (!withinDayLimits(work)) {
    const params = {
      customers: Math.ceil(work.customers),
      counterHours: Math.ceil(work.counterHours),
      maxCustomers: DAY_LIMITS.customers,
      maxCounterHours: DAY_LIMITS.counterHours,
    }
    return err([{ field: 'surge', code: 'dayTooBig', params }])
  }
  return ok(scenario)
}

/** The open counters, with their hours, checked against the branch's opening hours. */
function formCounters(base: Scenario, rows: readonly WhatIfCounterRow[], errors: WhatIfFormError[]): ScenarioCounter[] {
  const open = clockMinutes(base.hours.open)
  const close = clockMinutes(base.hours.close)
  const out: ScenarioCounter[] = []
  rows.forEach((row, i) => {
    if (!row.open) return
    // Typed as text on the screen's 24-hour clock (not the browser's), so `9:30` is `09:30`.
    const from = typedClock(row.from)
    const to = row.to.trim() === '' ? '' : typedClock(row.to)
    if (from === null) errors.push({ field: `counters.${i}.from`, code: 'time', params: {} })
    else if (clockMinutes(from) < open || clockMinutes(from) >= close) {
      errors.push({ field: `counters.${i}.from`, code: 'outsideHours', params: base.hours })
    }
    if (to === null) errors.push({ field: `counters.${i}.to`, code: 'time', params: {} })
    else if (to !== '' && from !== null && clockMinutes(to) <= clockMinutes(from)) {
      errors.push({ field: `counters.${i}.to`, code: 'toBeforeFrom', params: { from } })
    }
    // A wrong time is an error above; the counter is still counted as open.
    const opens = from ?? row.from
    const closes = to ?? row.to
    const was = base.counters.find((c) => c.id === row.id)
    out.push({
      id: row.id,
      services: [...(was?.services ?? row.services)],
      ...(was?.speed === undefined ? {} : { speed: was.speed }),
      ...(opens === base.hours.open && was?.open === undefined ? {} : { open: opens }),
      ...(closes === '' ? {} : { close: closes }),
    })
  })
  if (out.length === 0) errors.push({ field: 'counters', code: 'noCounterOpen', params: {} })
  if (out.length > MAX_COUNTERS)
    errors.push({ field: 'counters', code: 'tooManyCounters', params: { max: MAX_COUNTERS } })
  return out
}

/** A number typed into a field, within bounds; `null` (and an error) when it is not. */
function numberIn(
  text: string,
  bounds: { readonly min: number; readonly max: number },
  field: string,
  errors: WhatIfFormError[],
): number | null {
  const t = text.trim()
  if (!NUMBER.test(t)) {
    errors.push({ field, code: 'number', params: {} })
    return null
  }
  const x = Number(t)
  if (x < bounds.min || x > bounds.max) {
    errors.push({ field, code: 'range', params: { min: bounds.min, max: bounds.max } })
    return null
  }
  return x
}

/** A transaction-time distribution of tellers `factor` times as fast. */
function faster(d: DurationDist, factor: number): DurationDist {
  return d.dist === 'det' ? { ...d, sec: round(d.sec / factor, 2) } : { ...d, meanSec: round(d.meanSec / factor, 2) }
}

/** A stream's rate in each opening hour. */
const ratesOf = (a: ScenarioArrival, hours: number): number[] =>
  Array.from({ length: hours }, (_, h) => (Array.isArray(a.perHour) ? (a.perHour[h] ?? 0) : a.perHour))

/** Customers per day of each service. */
function serviceTotals(arrivals: readonly ScenarioArrival[], hours: number): Map<string, number> {
  const totals = new Map<string, number>()
  for (const a of arrivals) {
    totals.set(a.service, (totals.get(a.service) ?? 0) + ratesOf(a, hours).reduce((x, y) => x + y, 0))
  }
  return totals
}

/**
 * The day's customers shared out as the form says, as many as before: each service's streams
 * scaled to its new share, keeping the hours its customers come at; a service nobody came for
 * gets a stream shaped like the whole day.
 */
function withMix(
  base: Scenario,
  rows: readonly WhatIfServiceRow[],
  shares: readonly number[],
  hours: number,
): ScenarioArrival[] {
  const totals = serviceTotals(base.arrivals, hours)
  const day = [...totals.values()].reduce((a, b) => a + b, 0)
  const sum = shares.reduce((a, b) => a + b, 0)
  const shareOf = (service: string): number => {
    const i = rows.findIndex((r) => r.id === service)
    return i < 0 || sum === 0 ? 0 : (shares[i] ?? 0) / sum
  }
  const byHour = Array.from({ length: hours }, (_, h) =>
    base.arrivals.reduce((t, a) => t + (ratesOf(a, hours)[h] ?? 0), 0),
  )
  const out: ScenarioArrival[] = base.arrivals.map((a) => {
    const total = totals.get(a.service) ?? 0
    const factor = total === 0 ? 0 : (shareOf(a.service) * day) / total
    return { ...a, perHour: ratesOf(a, hours).map((r) => round(r * factor, 2)) }
  })
  for (const s of base.services) {
    if ((totals.get(s.id) ?? 0) > 0 || shareOf(s.id) === 0 || day === 0) continue
    out.push({ service: s.id, perHour: byHour.map((r) => round(r * shareOf(s.id), 2)) })
  }
  return out
}

/** Every stream's rate in each hour multiplied by that hour's surge. */
function withSurge(arrivals: readonly ScenarioArrival[], surge: readonly number[], hours: number): ScenarioArrival[] {
  if (surge.every((x) => x === 1)) return [...arrivals]
  return arrivals.map((a) => ({ ...a, perHour: ratesOf(a, hours).map((r, h) => round(r * (surge[h] ?? 1), 2)) }))
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits
}
