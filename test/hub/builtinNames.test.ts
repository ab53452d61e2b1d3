import type { TSchema } from 'typebox'
import Value from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillPath } from '../../shared/api/route'
import { routes, type RouteName } from '../../shared/api/routes'
import type { ApiError, TicketReceipt } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * Ids that are names every JavaScript object already has. Looked up in a plain object they find
 * Object.prototype's members instead of nothing: the audit got a 500 from
 * `DELETE /api/v1/delays/__proto__`. Every path parameter and every id-valued body field of
 * every route, for every role, must answer them with a clear 4xx (or a plain success where the
 * name is a harmless value), and a refusal must change nothing.
 */
const BUILTIN_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'] as const

let f: HubFixture
const tokens: Record<string, string | null> = { nobody: null }
let ticketId = ''

beforeAll(async () => {
  f = await HubFixture.start()
  tokens.manager = await f.manager()
  tokens.kiosk = await f.pair('kiosk', tokens.manager)
  tokens.display = await f.pair('display', tokens.manager)
  tokens.teller = await f.teller(1)
  await f.request('POST', '/api/v1/counters/c1/open', {}, tokens.teller)
  const r = await f.request<TicketReceipt>(
    'POST',
    '/api/v1/tickets',
    { serviceId: 'personal', priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: 'builtin-1' },
    tokens.kiosk,
  )
  ticketId = r.body.ticketId
  await f.request('POST', '/api/v1/counters/c1/call-next', {}, tokens.teller)
})
afterAll(async () => {
  await f.stop()
})

/** A valid value for each path parameter, so the one replaced is the only thing wrong. */
const pathValue = (name: string): string =>
  ({
    ticketId,
    counterId: 'c1',
    delayId: 'teller:complexBusiness:c1',
    date: '2026-11-24',
    deviceId: 'kiosk-printer',
    terminalId: 'no-such-terminal',
    feedbackId: 'no-such-feedback',
  })[name] ?? 'x'

/** A valid body for every route that takes one (checked against its schema below). */
const SAMPLE_BODIES: Partial<Record<RouteName, unknown>> = {
  signIn: { staffId: 't02', pin: '2222', counterId: 'c2' },
  createPairingCode: { role: 'kiosk', name: 'Spare kiosk' },
  pair: { code: '000000' },
  testDevice: {},
  submitFeedback: { ticketId: null, kind: 'suggestion', text: 'More chairs' },
  resolveFeedback: { resolution: 'Called back' },
  whatIf: { scenario: {}, seed: 1 },
  issueTicket: {
    serviceId: 'personal',
    priorityClassId: 'elderly',
    language: 'zh-CN',
    appointmentAt: null,
    idempotencyKey: 'builtin-sample-1',
  },
  cancelTicket: {},
  rejoinTicket: {},
  resumeTicket: {},
  transferTicket: { toServiceId: 'business', toCounterId: 'c2' },
  rateTicket: { score: 5 },
  changePriority: { priorityClassId: 'elderly', reason: 'Showed ID' },
  openCounter: {},
  pauseCounter: { reason: { code: 'break', note: '' } },
  resumeCounter: {},
  closeCounter: {},
  callNext: {},
  recall: {},
  startService: {},
  markNoShow: {},
  park: {},
  completeService: { completedServiceId: 'personal' },
  addTransaction: { serviceId: 'personal', quantity: 2 },
  callTicket: { ticketId: 'x', reason: 'appointment' },
  explainCounter: { kind: 'complexBusiness' },
  announceDelay: { scope: { kind: 'counter', counterId: 'c1' }, message: { 'zh-CN': '稍候', en: 'Please wait' } },
  closeDay: {},
  reportSpeech: { available: true, voices: { 'zh-CN': true, en: true }, lastOutcome: null },
  book: { serviceId: 'wealth', day: '2026-11-25', time: '10:00', language: 'en' },
  moveAppointment: { day: '2026-11-25', time: '10:30' },
  cancelAppointment: {},
  checkIn: { language: 'en' },
}

const SAMPLE_QUERIES: Partial<Record<RouteName, Record<string, string>>> = {
  events: { since: '0' },
  dayReportCsv: { kind: 'kpis', lang: 'en' },
  rangeReport: { from: '2026-11-01', to: '2026-11-24' },
  ticketStatus: { k: 'abcdefghijklmnop' },
  appointmentSlots: { serviceId: 'wealth', day: '2026-11-25' },
  dayAppointments: { day: '2026-11-24' },
}

/** The schema of one property of an object schema, looking into unions for the variant the value fits. */
function propertySchema(schema: TSchema, value: unknown, key: string): TSchema | undefined {
  const s = schema as { properties?: Record<string, TSchema>; anyOf?: TSchema[] }
  if (s.properties !== undefined) return s.properties[key]
  const variant = s.anyOf?.find((v) => Value.Check(v, value))
  return variant === undefined ? undefined : propertySchema(variant, value, key)
}

/** The paths of string fields whose schema has a pattern: ids, codes and keys, never free text. */
function idFields(schema: TSchema, value: unknown, at: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => {
    const sub = propertySchema(schema, value, key)
    if (sub === undefined) return []
    if (typeof v === 'string') {
      const leaf = (sub as { anyOf?: TSchema[] }).anyOf?.find((x) => Value.Check(x, v)) ?? sub
      return (leaf as { pattern?: string }).pattern === undefined ? [] : [[...at, key]]
    }
    return idFields(sub, v, [...at, key])
  })
}

function withValue(body: unknown, path: readonly string[], value: string): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  const copy = { ...(body as Record<string, unknown>) }
  // defineProperty, so a field named like a built-in is sent as a field, not a prototype.
  Object.defineProperty(copy, head, {
    value: withValue(copy[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  })
  return copy
}

interface Case {
  readonly what: string
  readonly path: string
  readonly body: unknown
}

function casesFor(name: RouteName): Case[] {
  const def = routes[name]
  const paramNames = def.params === undefined ? [] : Object.keys((def.params as { properties: object }).properties)
  const params = Object.fromEntries(paramNames.map((p) => [p, pathValue(p)]))
  const query = SAMPLE_QUERIES[name]
  const at = (p: Record<string, string>) =>
    `${fillPath(def.path, p)}${query === undefined ? '' : `?${new URLSearchParams(query).toString()}`}`
  const body = SAMPLE_BODIES[name]
  const out: Case[] = []
  for (const evil of BUILTIN_NAMES) {
    for (const p of paramNames) out.push({ what: `params.${p} = ${evil}`, path: at({ ...params, [p]: evil }), body })
    if (def.body !== undefined && body !== undefined) {
      for (const field of idFields(def.body, body)) {
        out.push({ what: `body.${field.join('.')} = ${evil}`, path: at(params), body: withValue(body, field, evil) })
      }
    }
  }
  return out
}

const ROUTE_NAMES = Object.keys(routes) as RouteName[]

describe('ids named like built-in properties', () => {
  it('has a valid sample body for every route that takes one', () => {
    for (const name of ROUTE_NAMES) {
      const def = routes[name]
      if (def.body === undefined) continue
      expect(SAMPLE_BODIES[name], name).toBeDefined()
      expect(Value.Check(def.body, SAMPLE_BODIES[name]), name).toBe(true)
    }
  })

  const covered = ROUTE_NAMES.filter((n) => casesFor(n).length > 0 || routes[n].params !== undefined)
  it('reaches every path parameter of the API', () => {
    expect(covered.filter((n) => routes[n].params !== undefined)).toEqual(
      ROUTE_NAMES.filter((n) => routes[n].params !== undefined),
    )
  })

  it.each(covered)('%s answers them for every role with a clear answer, never a 500', async (name) => {
    const def = routes[name]
    const problems: string[] = []
    for (const c of casesFor(name)) {
      for (const [role, token] of Object.entries(tokens)) {
        const before = (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
        const r = await f.request<ApiError | null>(def.method, c.path, c.body, token)
        const after = (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
        if (r.status >= 500) problems.push(`${role} ${c.what}: ${r.status}`)
        else if (r.status >= 400 && (typeof r.body?.message !== 'string' || r.body.statusCode !== r.status))
          problems.push(`${role} ${c.what}: ${r.status} without a reason`)
        else if (r.status >= 400 && after !== before) problems.push(`${role} ${c.what}: refused, yet changed the queue`)
      }
    }
    expect(problems).toEqual([])
  })
})
