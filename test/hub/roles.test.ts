import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, SessionView, TicketReceipt } from '../../shared/api/views'
import { DEMO_STAFF } from '../../hub/config/demoBranchFile'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
let manager: string
let kiosk: string
let display: string
let teller1: string
let teller2: string
/** A third teller signed in at counter 1 while teller 1 has it open. */
let colleagueAtC1: string
let ticketAtCounter1: string

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  display = await f.pair('display', manager)
  teller1 = await f.teller(1)
  teller2 = await f.teller(2)
  colleagueAtC1 = await f.signIn(DEMO_STAFF[2]!.id, DEMO_STAFF[2]!.pin, 'c1')
  await f.request('POST', '/api/v1/counters/c1/open', {}, teller1)
  const r = await f.issue(kiosk, 'roles-ticket-1')
  ticketAtCounter1 = r.body.ticketId
  await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller1)
})
afterAll(async () => {
  await f.stop()
})

type Who = 'nobody' | 'garbage' | 'short' | 'kiosk' | 'display' | 'teller1' | 'teller2' | 'colleagueAtC1'
const token = (who: Who): string | null =>
  ({
    nobody: null,
    garbage: 'not-a-real-token-0000000000',
    short: 'garbage',
    kiosk,
    display,
    teller1,
    teller2,
    colleagueAtC1,
  })[who]

describe('roles', () => {
  const refusals: [string, Who, string, string, unknown, number, RegExp][] = [
    ['no token for the queue', 'nobody', 'GET', '/api/v1/queue', undefined, 401, /no bearer token/],
    ['an unknown token', 'garbage', 'GET', '/api/v1/queue', undefined, 401, /not valid/],
    [
      'a token of no shape the hub gives out',
      'short',
      'GET',
      '/api/v1/queue',
      undefined,
      401,
      /not valid: not a token/,
    ],
    ['a kiosk calling next', 'kiosk', 'POST', '/api/v1/counters/c1/call-next', {}, 403, /a kiosk may not do this/],
    ['a kiosk closing the day', 'kiosk', 'POST', '/api/v1/day/close', {}, 403, /only a manager/],
    [
      'a display issuing a ticket',
      'display',
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'personal',
        priorityClassId: null,
        language: 'en',
        appointmentAt: null,
        idempotencyKey: 'display-tap-1',
      },
      403,
      /a lobby display may not/,
    ],
    [
      'a teller acting on another counter',
      'teller2',
      'POST',
      '/api/v1/counters/c1/recall',
      {},
      403,
      /signed in at counter c2, not c1/,
    ],
    [
      'a teller at a counter a colleague has open',
      'colleagueAtC1',
      'POST',
      '/api/v1/counters/c1/recall',
      {},
      403,
      /open under t01/,
    ],
    [
      'a teller transferring a ticket at another counter',
      'teller2',
      'POST',
      `/api/v1/tickets/TICKET/transfer`,
      { toServiceId: 'business', toCounterId: null },
      403,
      /not at your counter/,
    ],
    [
      'a teller posting a lobby-wide delay',
      'teller1',
      'POST',
      '/api/v1/delays',
      { scope: { kind: 'branch' }, message: { 'zh-CN': '系统维护', en: 'Maintenance' } },
      403,
      /only a manager/,
    ],
    [
      'a teller creating pairing codes',
      'teller1',
      'POST',
      '/api/v1/pairing-codes',
      { role: 'kiosk', name: 'x' },
      403,
      /only a manager/,
    ],
    ['a teller reading the event log', 'teller1', 'GET', '/api/v1/events?since=0', undefined, 403, /only a manager/],
    ['a kiosk reading the staff list', 'kiosk', 'GET', '/api/v1/staff', undefined, 403, /a kiosk may not do this/],
  ]

  it.each(refusals)('refuses %s, saying why', async (_what, who, method, path, body, status, message) => {
    const before = (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
    const r = await f.request<ApiError>(method, path.replace('TICKET', ticketAtCounter1), body, token(who))
    expect(r.status).toBe(status)
    expect(r.body.message).toMatch(message)
    expect((await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq).toBe(before)
  })

  it("checks a teller's right to a ticket when the command runs, not when it arrived", async () => {
    // Teller 5 cancels a waiting customer while teller 4 calls: whichever runs first wins, and
    // the cancel never lands on a customer already called to counter 4.
    const caller = await f.teller(4)
    const canceller = await f.teller(5)
    await f.request('POST', '/api/v1/counters/c4/open', {}, caller)
    for (let round = 0; round < 8; round++) {
      const issued = await f.request<TicketReceipt>(
        'POST',
        '/api/v1/tickets',
        {
          serviceId: 'business',
          priorityClassId: null,
          language: 'en',
          appointmentAt: null,
          idempotencyKey: `race-round-${round}`,
        },
        kiosk,
      )
      expect(issued.status).toBe(200)
      const [call, cancel] = await Promise.all([
        f.request<{ event: { ticketId?: string } }>('POST', '/api/v1/counters/c4/call-next', {}, caller),
        f.request('POST', `/api/v1/tickets/${issued.body.ticketId}/cancel`, {}, canceller),
      ])
      const called = call.status === 200
      if (called) expect(call.body.event.ticketId).toBe(issued.body.ticketId)
      expect([called, cancel.status]).toEqual(called ? [true, 403] : [false, 200])
      if (called) {
        await f.request('POST', '/api/v1/counters/c4/start', {}, caller)
        await f.request('POST', '/api/v1/counters/c4/complete', { completedServiceId: null }, caller)
      }
    }
  })

  it('names the staff for the staff screens, and never shows a PIN hash', async () => {
    const r = await f.request<{ staff: { id: string; name: string; role: string }[] }>(
      'GET',
      '/api/v1/staff',
      undefined,
      teller1,
    )
    expect(r.status).toBe(200)
    expect(r.body.staff).toContainEqual({ id: 't01', name: '王芳', role: 'teller' })
    expect(r.body.staff).toContainEqual({ id: 'm01', name: '赵主任', role: 'manager' })
    expect(JSON.stringify(r.body)).not.toContain('scrypt')
  })

  it('lets each role do its own work', async () => {
    expect((await f.request('GET', '/api/v1/queue', undefined, display)).status).toBe(200)
    // Each recall after the customer has had the declared 20 s to come.
    f.clock.advance(20)
    expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, teller1)).status).toBe(200)
    f.clock.advance(20)
    expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, manager)).status).toBe(200)
    expect((await f.request('GET', '/api/v1/events?since=0', undefined, manager)).status).toBe(200)
  })

  it('refuses a wrong PIN, then locks the id out after five', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await f.request<ApiError>('POST', '/api/v1/sessions', { staffId: 't03', pin: '0000', counterId: 'c3' })
      expect(r.status).toBe(401)
      expect(r.body).toMatchObject({ code: 'wrongPin', field: 'body.pin' })
    }
    const locked = await f.request<ApiError>('POST', '/api/v1/sessions', {
      staffId: 't03',
      pin: '3333',
      counterId: 'c3',
    })
    expect(locked.status).toBe(429)
    expect(locked.body.message).toMatch(/try again in \d+ s/)
    f.clock.advance(61)
    expect((await f.request('POST', '/api/v1/sessions', { staffId: 't03', pin: '3333', counterId: 'c3' })).status).toBe(
      200,
    )
  })

  it('refuses a teller signing in without a counter, and an unknown staff id like a wrong PIN', async () => {
    expect(
      (await f.request<ApiError>('POST', '/api/v1/sessions', { staffId: 't04', pin: '4444', counterId: null })).body,
    ).toMatchObject({
      statusCode: 400,
      field: 'body.counterId',
    })
    expect(
      (await f.request<ApiError>('POST', '/api/v1/sessions', { staffId: 'nobody', pin: '1234', counterId: null })).body
        .code,
    ).toBe('wrongPin')
  })

  it('refuses a manager signing in at a counter, naming the field, and signs nobody in', async () => {
    const at = await f.request<ApiError>('POST', '/api/v1/sessions', { staffId: 'm01', pin: '9999', counterId: 'c1' })
    expect(at.status).toBe(400)
    expect(at.body).toMatchObject({ code: 'managerNotAtCounter', field: 'body.counterId' })
    expect(at.body.message).toMatch(/manager does not sign in at a counter.*manager's screen/)
    expect(at.body).not.toHaveProperty('token')
    // On the manager's screen (no counter) the same PIN signs in as ever.
    const here = await f.request<SessionView>('POST', '/api/v1/sessions', {
      staffId: 'm01',
      pin: '9999',
      counterId: null,
    })
    expect(here.body).toMatchObject({ role: 'manager', counterId: null })
  })

  it('makes a pairing code single-use and lets a manager revoke nothing it did not issue', async () => {
    const code = await f.request<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role: 'display', name: 'TV 2' },
      manager,
    )
    expect((await f.request('POST', '/api/v1/pair', { code: code.body.code })).status).toBe(200)
    const again = await f.request<ApiError>('POST', '/api/v1/pair', { code: code.body.code })
    expect(again.status).toBe(401)
    expect(again.body.message).toMatch(/wrong, used or expired/)
  })

  it('limits sign-in attempts per address', async () => {
    const strict = await HubFixture.start({ authAttemptsPerMinute: 3 })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await strict.request('POST', '/api/v1/sessions', { staffId: 'm01', pin: '0000', counterId: null })).status,
        )
      }
      expect(statuses).toEqual([401, 401, 401, 429])
      const r = await strict.request<ApiError>('POST', '/api/v1/sessions', {
        staffId: 'm01',
        pin: '9999',
        counterId: null,
      })
      expect(r.body).toMatchObject({ statusCode: 429, code: 'rateLimited' })
    } finally {
      await strict.stop()
    }
  })

  it('lets a manager list and revoke paired terminals; a revoked token stops at once', async () => {
    const spare = await f.pair('kiosk', manager)
    const list = await f.request<{ terminals: { id: string; name: string; revokedAt: number | null }[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    expect(list.body.terminals.length).toBeGreaterThanOrEqual(3)
    const target = list.body.terminals.at(-1)
    expect((await f.request('DELETE', `/api/v1/paired-terminals/${target?.id}`, undefined, manager)).status).toBe(200)
    expect((await f.request('GET', '/api/v1/queue', undefined, spare)).status).toBe(401)
    // revoked once already: a conflict naming the terminal, not "unknown"
    const again = await f.request<ApiError>('DELETE', `/api/v1/paired-terminals/${target?.id}`, undefined, manager)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'terminalRevoked', field: 'params.terminalId' })
    expect((await f.request('DELETE', '/api/v1/paired-terminals/nope', undefined, manager)).status).toBe(404)
  })

  it('signs a teller out', async () => {
    const t = await f.teller(5)
    expect((await f.request('DELETE', '/api/v1/sessions/current', undefined, t)).status).toBe(200)
    expect((await f.request('GET', '/api/v1/sessions/current', undefined, t)).status).toBe(401)
  })
})
