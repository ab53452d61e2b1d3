import { err, ok, type Result } from '../util/result'
import { clockMinutes, type ScenarioError } from './parseScenario'
import type { Scenario } from './scenario'

/** One real customer of a past day: when they came, for what, and how long their transaction took. */
export interface TraceRow {
  /** Seconds after opening. */
  readonly atSec: number
  readonly service: string
  readonly priority: string | null
  readonly durationSec: number
  /** They left before their call (optional column; default no). */
  readonly noShow: boolean
  /** How long they were prepared to wait (optional column): called any later, they have left. */
  readonly patienceSec: number | null
}

const COLUMNS = ['time', 'service', 'priority', 'durationSec'] as const

function parseTime(text: string, openMin: number): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/.exec(text)
  if (m === null) return null
  return (Number(m[1]) * 60 + Number(m[2]) - openMin) * 60 + Number(m[3] ?? 0)
}

/**
 * Reads a trace CSV: a header `time,service,priority,durationSec[,noShow][,patienceSec]`, then one customer
 * per line. `time` is a time of day (`09:03:12`) or seconds after opening; `priority` may be
 * empty (ordinary). Every bad line is reported with its number and field.
 *
 * @example
 * parseTrace('time,service,priority,durationSec\n09:00:30,personal,,75\n', scenario)
 * //=> { ok: true, value: [{ atSec: 30, service: 'personal', priority: null, durationSec: 75, noShow: false, patienceSec: null }] }
 */
export function parseTrace(text: string, scenario: Scenario): Result<TraceRow[], ScenarioError[]> {
  const lines = text.split(/\r?\n/)
  const header = (lines[0] ?? '').split(',').map((h) => h.trim())
  const errors: ScenarioError[] = []
  const col = new Map(header.map((h, i) => [h, i]))
  for (const c of COLUMNS) {
    if (!col.has(c)) errors.push({ field: 'trace line 1', message: `needs a '${c}' column (${COLUMNS.join(',')})` })
  }
  for (const h of header) {
    if (h !== '' && !(COLUMNS as readonly string[]).includes(h) && h !== 'noShow' && h !== 'patienceSec') {
      errors.push({ field: 'trace line 1', message: `unknown column '${h}'` })
    }
  }
  if (errors.length > 0) return err(errors)
  const services = new Set(scenario.services.map((s) => s.id))
  const classes = new Set((scenario.priorityClasses ?? []).map((p) => p.id))
  const openMin = clockMinutes(scenario.hours.open)
  const closeSec = (clockMinutes(scenario.hours.close) - openMin) * 60
  const rows: TraceRow[] = []
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return
    const cells = line.split(',').map((c) => c.trim())
    const cell = (name: string): string => cells[col.get(name) ?? -1] ?? ''
    const where = `trace line ${i + 1}`
    const at = parseTime(cell('time'), openMin)
    if (at === null) errors.push({ field: `${where}: time`, message: 'must be HH:MM[:SS] or seconds after opening' })
    else if (at < 0 || at >= closeSec) {
      errors.push({
        field: `${where}: time`,
        message: `is outside opening hours ${scenario.hours.open}–${scenario.hours.close}`,
      })
    }
    const service = cell('service')
    if (!services.has(service))
      errors.push({ field: `${where}: service`, message: `no service '${service}' in the scenario` })
    const priority = cell('priority')
    if (priority !== '' && !classes.has(priority)) {
      errors.push({ field: `${where}: priority`, message: `no priority class '${priority}' in the scenario` })
    }
    const duration = Number(cell('durationSec'))
    if (cell('durationSec') === '' || !Number.isFinite(duration) || duration < 0) {
      errors.push({ field: `${where}: durationSec`, message: 'must be a number of seconds ≥ 0' })
    }
    const ns = cell('noShow').toLowerCase()
    if (!['', '0', '1', 'true', 'false'].includes(ns)) {
      errors.push({ field: `${where}: noShow`, message: 'must be 1/0 or true/false' })
    }
    const patienceText = cell('patienceSec')
    const patience = patienceText === '' ? null : Number(patienceText)
    if (patience !== null && (!Number.isFinite(patience) || patience < 0)) {
      errors.push({ field: `${where}: patienceSec`, message: 'must be empty or a number of seconds ≥ 0' })
    }
    rows.push({
      atSec: at ?? 0,
      service,
      priority: priority === '' ? null : priority,
      durationSec: duration,
      noShow: ns === '1' || ns === 'true',
      patienceSec: patience,
    })
  })
  return errors.length > 0 ? err(errors) : ok(rows)
}
