import Value from 'typebox/value'
import type { TSchema } from 'typebox'
import { err, ok, type Result } from '../util/result'
import {
  DetDistSchema,
  ExpDistSchema,
  GammaDistSchema,
  LognormalDistSchema,
  ScenarioSchema,
  type Scenario,
} from './scenario'

/** One thing wrong with a scenario file: the field (`services[1].serviceTime.cv`) and what. */
export interface ScenarioError {
  readonly field: string
  readonly message: string
}

/** `/services/1/serviceTime` → `services[1].serviceTime` */
function fieldName(pointer: string, extra?: string): string {
  const parts = pointer === '' ? [] : pointer.slice(1).split('/')
  if (extra !== undefined) parts.push(extra)
  let out = ''
  for (const p of parts) {
    const name = p.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^\d+$/.test(name) ? `[${name}]` : out === '' ? name : `.${name}`
  }
  return out === '' ? '(the scenario)' : out
}

function at(value: unknown, pointer: string): unknown {
  let v = value
  for (const p of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[p]
  }
  return v
}

const DISTS: Readonly<Record<string, TSchema>> = {
  exp: ExpDistSchema,
  gamma: GammaDistSchema,
  lognormal: LognormalDistSchema,
  det: DetDistSchema,
}

/** Errors of a value against a schema, in words, one per field. */
function schemaErrors(schema: TSchema, value: unknown, base: string): ScenarioError[] {
  const out: ScenarioError[] = []
  for (const e of Value.Errors(schema, value)) {
    // Sub-errors of a union are explained below by the union itself; "schema is false" repeats
    // the unknown-field error.
    if (e.schemaPath.includes('/anyOf/') || e.keyword === 'boolean') continue
    const pointer = base + e.instancePath
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? []
      for (const n of names) out.push({ field: fieldName(pointer, n), message: 'unknown field' })
    } else if (e.keyword === 'required') {
      const names = (e.params as { requiredProperties?: string[] }).requiredProperties ?? []
      for (const n of names) out.push({ field: fieldName(pointer, n), message: 'is required' })
    } else if (e.keyword === 'anyOf') {
      out.push(...unionError(at(value, e.instancePath), pointer))
    } else if (e.keyword === 'pattern') {
      out.push({ field: fieldName(pointer), message: patternMessage(pointer) })
    } else {
      out.push({ field: fieldName(pointer), message: e.message })
    }
  }
  return out
}

/** What each patterned field must look like, in words rather than a regular expression. */
function patternMessage(pointer: string): string {
  const last = pointer.slice(pointer.lastIndexOf('/') + 1)
  if (last === 'open' || last === 'close') return 'must be a time of day, HH:MM (24-hour)'
  if (last === 'prefix') return 'must be one or two capital letters'
  if (last === 'date') return 'must be a date, YYYY-MM-DD'
  return 'must be an id of 1–32 letters, digits, - or _'
}

/**
 * Each duration (service times, patience) checked against the variant its `dist` names, so the
 * error is about that variant's fields rather than "matches none of three".
 */
function durationErrors(json: unknown): ScenarioError[] {
  if (json === null || typeof json !== 'object') return []
  const out: ScenarioError[] = []
  const services = (json as { services?: unknown }).services
  if (Array.isArray(services)) {
    services.forEach((svc: unknown, i) => {
      const st = svc !== null && typeof svc === 'object' ? (svc as { serviceTime?: unknown }).serviceTime : undefined
      if (st !== undefined) out.push(...unionError(st, `/services/${i}/serviceTime`))
    })
  }
  const patience = (json as { patience?: unknown }).patience
  if (patience !== undefined) out.push(...unionError(patience, '/patience'))
  return out
}

/** The two unions of the file: durations (by their `dist`) and rates (number or list). */
function unionError(v: unknown, pointer: string): ScenarioError[] {
  if (pointer.endsWith('/perHour')) {
    return [
      { field: fieldName(pointer), message: 'must be a rate per hour (≥ 0) or a list of them, one per opening hour' },
    ]
  }
  if (pointer.endsWith('/waitCapSec')) {
    return [{ field: fieldName(pointer), message: 'must be a positive number of seconds, or null' }]
  }
  const dist = v !== null && typeof v === 'object' ? (v as { dist?: unknown }).dist : undefined
  const schema = typeof dist === 'string' ? DISTS[dist] : undefined
  if (schema === undefined) {
    return [
      {
        field: fieldName(pointer, 'dist'),
        message: 'must be "exp" (with meanSec), "gamma" or "lognormal" (with meanSec and cv) or "det" (with sec)',
      },
    ]
  }
  return schemaErrors(schema, v, pointer)
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/** Cross-field rules the schema cannot say: references, uniqueness, times inside the day. */
function meaningErrors(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = []
  const open = minutes(s.hours.open)
  const close = minutes(s.hours.close)
  if (close <= open) out.push({ field: 'hours.close', message: 'must be after hours.open' })
  const hours = Math.ceil((close - open) / 60)
  if (s.date !== undefined && Number.isNaN(Date.parse(`${s.date}T00:00:00Z`))) {
    out.push({ field: 'date', message: 'is not a calendar date' })
  }
  const services = new Set<string>()
  const prefixes = new Set<string>()
  s.services.forEach((x, i) => {
    if (services.has(x.id)) out.push({ field: `services[${i}].id`, message: `'${x.id}' is used twice` })
    if (prefixes.has(x.prefix)) out.push({ field: `services[${i}].prefix`, message: `'${x.prefix}' is used twice` })
    services.add(x.id)
    prefixes.add(x.prefix)
  })
  const classes = new Set<string>()
  ;(s.priorityClasses ?? []).forEach((p, i) => {
    if (classes.has(p.id)) out.push({ field: `priorityClasses[${i}].id`, message: `'${p.id}' is used twice` })
    classes.add(p.id)
  })
  s.arrivals.forEach((a, i) => {
    if (!services.has(a.service)) out.push({ field: `arrivals[${i}].service`, message: `no service '${a.service}'` })
    if (a.priority !== undefined && !classes.has(a.priority)) {
      out.push({ field: `arrivals[${i}].priority`, message: `no priority class '${a.priority}'` })
    }
    if (Array.isArray(a.perHour) && a.perHour.length !== hours) {
      out.push({
        field: `arrivals[${i}].perHour`,
        message: `has ${a.perHour.length} rates; the branch is open ${hours} hours (${s.hours.open}–${s.hours.close})`,
      })
    }
  })
  const counters = new Set<string>()
  s.counters.forEach((c, i) => {
    if (counters.has(c.id)) out.push({ field: `counters[${i}].id`, message: `'${c.id}' is used twice` })
    counters.add(c.id)
    c.services.forEach((x, j) => {
      if (!services.has(x)) out.push({ field: `counters[${i}].services[${j}]`, message: `no service '${x}'` })
    })
    const o = c.open === undefined ? open : minutes(c.open)
    if (o < open || o >= close) {
      out.push({
        field: `counters[${i}].open`,
        message: `must be within opening hours ${s.hours.open}–${s.hours.close}`,
      })
    }
    if (c.close !== undefined && minutes(c.close) <= o) {
      out.push({ field: `counters[${i}].close`, message: 'must be after the counter opens' })
    }
  })
  return out
}

/**
 * Checks a parsed JSON value against the scenario schema and its cross-field rules. Every
 * problem is reported with the field it is in, so a manager editing the file by hand can fix
 * them all at once.
 *
 * @example
 * parseScenario({ ...scenario, counters: [{ id: 'c1', services: ['x'], colour: 'red' }] })
 * //=> { ok: false, error: [{ field: 'counters[0].colour', message: 'unknown field' }, …] }
 */
export function parseScenario(json: unknown): Result<Scenario, ScenarioError[]> {
  const shape = [...schemaErrors(ScenarioSchema, json, ''), ...durationErrors(json)]
  const seen = new Set<string>()
  const unique = shape.filter((e) => {
    const k = `${e.field}\u0000${e.message}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  if (unique.length > 0) return err(unique)
  // TypeBox's error list can miss a union member's own fault; the check itself does not
  if (!Value.Check(ScenarioSchema, json))
    return err([{ field: '(the scenario)', message: 'does not match the scenario schema' }])
  const scenario = json as Scenario
  const meaning = meaningErrors(scenario)
  return meaning.length > 0 ? err(meaning) : ok(scenario)
}

/** "HH:MM" as minutes after midnight. */
export function clockMinutes(clock: string): number {
  return minutes(clock)
}
