import Value from 'typebox/value'
import { clockMinutes } from '../util/clockMinutes'
import { err, ok, type Result } from '../util/result'
import { schemaProblems } from '../util/schemaProblems'
import { ScenarioSchema, type Scenario } from './scenario'
import { dayWorkProblems } from './scenarioWork'

/**
 * One thing wrong with a scenario file: the field (`services[1].serviceTime.cv`) and what, worded
 * as every configuration problem is (`shared/util/schemaProblems`). The whole file is
 * `(the scenario)` (`WHOLE_SCENARIO`): a reader of the file is shown that, an API names the
 * field the scenario came in (`scenarioField`).
 */
export interface ScenarioError {
  readonly field: string
  readonly message: string
}

export const WHOLE_SCENARIO = '(the scenario)'

/**
 * The path of a scenario problem's field inside what carried the scenario: `base` itself for the
 * whole scenario, else the field under it.
 *
 * @example
 * scenarioField('body.scenario', 'counters[0].open') //=> 'body.scenario.counters[0].open'
 * scenarioField('body.scenario', '(the scenario)') //=> 'body.scenario'
 */
export function scenarioField(base: string, field: string): string {
  return field === WHOLE_SCENARIO ? base : `${base}.${field}`
}

/** Cross-field rules the schema cannot say: references, uniqueness, times inside the day. */
function meaningErrors(s: Scenario): ScenarioError[] {
  const out: ScenarioError[] = []
  const open = clockMinutes(s.hours.open)
  const close = clockMinutes(s.hours.close)
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
  ;(s.transfers ?? []).forEach((t, i) => {
    if (!services.has(t.from)) out.push({ field: `transfers[${i}].from`, message: `no service '${t.from}'` })
    if (!services.has(t.to)) out.push({ field: `transfers[${i}].to`, message: `no service '${t.to}'` })
    else if (t.to === t.from) out.push({ field: `transfers[${i}].to`, message: 'must be another service than from' })
  })
  const counters = new Set<string>()
  s.counters.forEach((c, i) => {
    if (counters.has(c.id)) out.push({ field: `counters[${i}].id`, message: `'${c.id}' is used twice` })
    counters.add(c.id)
    c.services.forEach((x, j) => {
      if (!services.has(x)) out.push({ field: `counters[${i}].services[${j}]`, message: `no service '${x}'` })
    })
    const o = c.open === undefined ? open : clockMinutes(c.open)
    if (o < open || o >= close) {
      out.push({
        field: `counters[${i}].open`,
        message: `must be within opening hours ${s.hours.open}–${s.hours.close}`,
      })
    }
    if (c.close !== undefined && clockMinutes(c.close) <= o) {
      out.push({ field: `counters[${i}].close`, message: 'must be after the counter opens' })
    }
    const until = c.close === undefined ? close : clockMinutes(c.close)
    ;(c.breaks ?? []).forEach((b, j) => {
      const at = clockMinutes(b.at)
      if (at < o || at >= until) {
        out.push({
          field: `counters[${i}].breaks[${j}].at`,
          message: `must be while the counter is open (${c.open ?? s.hours.open}–${c.close ?? s.hours.close})`,
        })
      }
    })
  })
  return out
}

/**
 * Checks a parsed JSON value against the scenario schema (each field within what a branch can
 * have), its cross-field rules, and then the day as a whole (`dayWorkProblems`: not more
 * customers or counter time than a simulator takes on). Every problem is reported with the
 * field it is in, so a manager editing the file by hand can fix them all at once.
 *
 * @example
 * parseScenario({ ...scenario, counters: [{ id: 'c1', services: ['x'], colour: 'red' }] })
 * //=> { ok: false, error: [{ field: 'counters[0].colour', message: 'unknown field' }, …] }
 */
export function parseScenario(json: unknown): Result<Scenario, ScenarioError[]> {
  const shape = schemaProblems(ScenarioSchema, json).map((p) => ({
    field: p.path === '' ? WHOLE_SCENARIO : p.path,
    message: p.message,
  }))
  if (shape.length > 0) return err(shape)
  // TypeBox's error list can miss a union member's own fault; the check itself does not
  if (!Value.Check(ScenarioSchema, json))
    return err([{ field: WHOLE_SCENARIO, message: 'does not match the scenario schema' }])
  const scenario = json as Scenario
  const meaning = meaningErrors(scenario)
  if (meaning.length > 0) return err(meaning)
  // Only a day whose parts make sense is added up: its streams name services that exist.
  const work = dayWorkProblems(scenario)
  return work.length > 0 ? err(work) : ok(scenario)
}

export { clockMinutes }
