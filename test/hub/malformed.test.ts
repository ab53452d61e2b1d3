import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
let manager: string
let kiosk: string
let teller: string

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  teller = await f.teller(1)
})
afterAll(async () => {
  await f.stop()
})

const good = {
  serviceId: 'personal',
  priorityClassId: null,
  language: 'zh-CN',
  appointmentAt: null,
  idempotencyKey: 'valid-key-1',
}

async function raw(
  method: string,
  path: string,
  body: string,
  contentType: string,
  token: string,
): Promise<{ status: number; body: ApiError }> {
  const res = await fetch(`${f.url}${path}`, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
  })
  return { status: res.status, body: (await res.json()) as ApiError }
}

describe('malformed requests', () => {
  const cases: [string, () => Promise<{ status: number; body: ApiError }>, number, string | undefined, RegExp][] = [
    [
      'invalid JSON',
      () => raw('POST', '/api/v1/tickets', '{"serviceId": "personal",', 'application/json', kiosk),
      400,
      undefined,
      /JSON/i,
    ],
    [
      'a form instead of JSON',
      () => raw('POST', '/api/v1/tickets', 'serviceId=personal', 'application/x-www-form-urlencoded', kiosk),
      415,
      undefined,
      /content-type/i,
    ],
    [
      'an unknown field',
      () => f.request('POST', '/api/v1/tickets', { ...good, vip: true }, kiosk),
      400,
      'body.vip',
      /unknown field/,
    ],
    [
      'a missing field',
      () => f.request('POST', '/api/v1/tickets', { ...good, language: undefined }, kiosk),
      400,
      'body.language',
      /is required/,
    ],
    [
      'a number sent as text',
      () => f.request('POST', '/api/v1/tickets/20261124-A001/rate', { score: '5' }, teller),
      400,
      'body.score',
      /integer/,
    ],
    [
      'a language not offered',
      () => f.request('POST', '/api/v1/tickets', { ...good, language: 'fr' }, kiosk),
      400,
      'body.language',
      /one of "zh-CN", "en"/,
    ],
    [
      'an idempotency key too short',
      () => f.request('POST', '/api/v1/tickets', { ...good, idempotencyKey: 'x' }, kiosk),
      400,
      'body.idempotencyKey',
      /fewer than 8/,
    ],
    [
      'an unknown service',
      () => f.request('POST', '/api/v1/tickets', { ...good, serviceId: 'mortgage' }, kiosk),
      422,
      'body.serviceId',
      /Unknown service 'mortgage'/,
    ],
    [
      'an unknown priority class',
      () => f.request('POST', '/api/v1/tickets', { ...good, priorityClassId: 'royal' }, kiosk),
      422,
      'body.priorityClassId',
      /royal/,
    ],
    [
      'an unknown ticket in the path',
      () => f.request('POST', '/api/v1/tickets/20261124-Z999/cancel', {}, teller),
      404,
      'params.ticketId',
      /Unknown ticket/,
    ],
    [
      'a path id with bad characters',
      () => f.request('POST', '/api/v1/tickets/a%20b/cancel', {}, teller),
      400,
      'params.ticketId',
      /pattern/,
    ],
    [
      'an unknown counter',
      () => f.request('POST', '/api/v1/counters/c99/call-next', {}, manager),
      404,
      'params.counterId',
      /Unknown counter/,
    ],
    [
      'a pause without a reason code',
      () => f.request('POST', '/api/v1/counters/c1/pause', { reason: { note: 'tea' } }, teller),
      400,
      'body.reason.code',
      /required/,
    ],
    [
      'an out-of-turn call with an empty reason',
      () => f.request('POST', '/api/v1/counters/c1/call-ticket', { ticketId: '20261124-A001', reason: '' }, teller),
      400,
      'body.reason',
      /must not be empty/,
    ],
    [
      'a rating out of range',
      () => f.request('POST', '/api/v1/tickets/20261124-A001/rate', { score: 9 }, teller),
      400,
      'body.score',
      /<= 5/,
    ],
    [
      'a body far too large',
      () =>
        f.request(
          'POST',
          '/api/v1/delays',
          { scope: { kind: 'branch' }, message: { 'zh-CN': 'x'.repeat(20_000), en: '' } },
          manager,
        ),
      413,
      undefined,
      /too large/i,
    ],
    [
      'a query that is not a number',
      () => f.request('GET', '/api/v1/events?since=yesterday', undefined, manager),
      400,
      'query.since',
      /number|integer/,
    ],
    [
      'a query on a route that takes none',
      () => f.request('GET', '/api/v1/queue?foo=1', undefined, manager),
      400,
      'query.foo',
      /unknown field/,
    ],
    [
      'a query on a command that takes none',
      () => f.request('POST', '/api/v1/counters/c1/open?x=1', {}, teller),
      400,
      'query.x',
      /unknown field/,
    ],
    [
      'a body on a route that takes none',
      () => f.request('DELETE', '/api/v1/delays/teller:complexBusiness:c1', { x: 1 }, manager),
      400,
      'body.x',
      /takes no body/,
    ],
    [
      'a bad body from a caller without a valid token',
      () => f.request('POST', '/api/v1/tickets', {}, `${kiosk}x`),
      401,
      undefined,
      /not valid/,
    ],
    [
      'an unknown route',
      () => f.request('GET', '/api/v1/nothing-here', undefined, manager),
      404,
      undefined,
      /No route GET/,
    ],
    [
      'a state conflict',
      () => f.request('POST', '/api/v1/counters/c1/start', {}, teller),
      409,
      undefined,
      /closed|not calling/,
    ],
  ]

  it.each(cases)('answers %s with a clear 4xx and changes nothing', async (_what, send, status, field, message) => {
    const before = (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
    const r = await send()
    expect(r.status).toBe(status)
    expect(r.body.statusCode).toBe(status)
    expect(r.body.message).toMatch(message)
    if (field !== undefined) expect(r.body.field).toBe(field)
    expect((await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq).toBe(before)
  })
})

describe('a refusal names only a field the caller sent', () => {
  it('names no body field when the hub filled the command in itself (the signed-in teller)', async () => {
    // t01 opens counter 1, then signs in again at counter 3 and tries to open it too
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    const elsewhere = await f.signIn('t01', '1111', 'c3')
    const r = await f.request<ApiError>('POST', '/api/v1/counters/c3/open', {}, elsewhere)
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('staffAtOtherCounter')
    expect(r.body.field).toBeUndefined()
    // a field the body has is still named
    const reason = await f.request<ApiError>('POST', '/api/v1/counters/c1/pause', { reason: { note: 'tea' } }, teller)
    expect(reason.body.field).toBe('body.reason.code')
  })
})
