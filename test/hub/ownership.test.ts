import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck } from '../../shared/api/views'
import { DEMO_STAFF } from '../../hub/config/demoBranchFile'
import { untilLogged } from './support/hubLogFile'
import { HubFixture } from './support/hubFixture'

/**
 * The audit's scene: t02 opens counter 2 and calls a customer; t01 tries to work counter 2 with
 * t01's own PIN. A teller acts only on their own counter and the tickets at it, whichever
 * command it is; a manager may take a counter over, and that is logged.
 */
let f: HubFixture
let manager: string
let kiosk: string
let t02: string
/** t01, signed in at counter 2 before t02 opened it (the sign-in was allowed then). */
let earlyAtC2: string
/** t01 at their own counter 1, open. */
let t01: string
let calledAtC2 = ''
let waitingForC2 = ''
let waitingForAnyone = ''
let servedAtC2 = ''
const staff = (n: number) => DEMO_STAFF[n - 1] as { id: string; pin: string }

let taps = 0
const issue = async (serviceId = 'personal'): Promise<string> =>
  (await f.issue(kiosk, `own-tap-${++taps}`, { serviceId })).body.ticketId
const seq = async () => (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  earlyAtC2 = await f.signIn(staff(1).id, staff(1).pin, 'c2')
  t02 = await f.teller(2)
  t01 = await f.teller(1)
  expect((await f.request('POST', '/api/v1/counters/c2/open', {}, t02)).status).toBe(200)
  expect((await f.request('POST', '/api/v1/counters/c1/open', {}, t01)).status).toBe(200)
  // Served at counter 2 (for the rating), then one called there, one sent there, one for anyone.
  servedAtC2 = await issue()
  await f.request('POST', '/api/v1/counters/c2/call-next', {}, t02)
  await f.request('POST', '/api/v1/counters/c2/start', {}, t02)
  await f.request('POST', '/api/v1/counters/c2/complete', { completedServiceId: null }, t02)
  calledAtC2 = await issue()
  const call = await f.request<CommandAck>('POST', '/api/v1/counters/c2/call-next', {}, t02)
  expect(call.body.event).toMatchObject({ type: 'ticketCalled', ticketId: calledAtC2 })
  waitingForC2 = await issue()
  const sent = await f.request(
    'POST',
    `/api/v1/tickets/${waitingForC2}/transfer`,
    { toServiceId: null, toCounterId: 'c2' },
    manager,
  )
  expect(sent.status).toBe(200)
  waitingForAnyone = await issue('business')
  expect((await f.request('POST', '/api/v1/counters/c2/explain', { kind: 'complexBusiness' }, t02)).status).toBe(200)
})
afterAll(async () => {
  await f.stop()
})

describe('a teller and a colleague’s counter', () => {
  it('refuses a sign-in at a counter a colleague has open, saying whose it is', async () => {
    const r = await f.request<ApiError>('POST', '/api/v1/sessions', {
      staffId: staff(3).id,
      pin: staff(3).pin,
      counterId: 'c2',
    })
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'counterHeld', field: 'body.counterId' })
    expect(r.body.message).toMatch(/open under t02/)
    // The holder signs in again at their own counter (a second screen, a reload) as before.
    expect(
      (await f.request('POST', '/api/v1/sessions', { staffId: staff(2).id, pin: staff(2).pin, counterId: 'c2' }))
        .status,
    ).toBe(200)
  })

  const asEarly: [string, string, string, () => unknown][] = [
    ['cancels the customer waiting for counter 2', 'POST', 'tickets/WAITING_C2/cancel', () => ({})],
    [
      'transfers the customer called to counter 2',
      'POST',
      'tickets/CALLED_C2/transfer',
      () => ({ toServiceId: 'business', toCounterId: null }),
    ],
    ['announces a delay at counter 2', 'POST', 'counters/c2/explain', () => ({ kind: 'complexBusiness' })],
    ['clears counter 2’s delay', 'DELETE', 'delays/teller:complexBusiness:c2', () => undefined],
    ['rates counter 2’s customer', 'POST', 'tickets/SERVED_C2/rate', () => ({ score: 1 })],
    ['calls at counter 2', 'POST', 'counters/c2/call-next', () => ({})],
    ['recalls at counter 2', 'POST', 'counters/c2/recall', () => ({})],
    ['starts at counter 2', 'POST', 'counters/c2/start', () => ({})],
    ['parks at counter 2', 'POST', 'counters/c2/park', () => ({})],
    ['pauses counter 2', 'POST', 'counters/c2/pause', () => ({ reason: { code: 'break', note: '' } })],
    ['closes counter 2', 'POST', 'counters/c2/close', () => ({})],
    [
      'calls a customer out of turn at counter 2',
      'POST',
      'counters/c2/call-ticket',
      () => ({ ticketId: waitingForAnyone, reason: 'test' }),
    ],
  ]
  const at = (path: string) =>
    `/api/v1/${path.replace('WAITING_C2', waitingForC2).replace('CALLED_C2', calledAtC2).replace('SERVED_C2', servedAtC2)}`

  it.each(asEarly)('refuses a teller signed in at a colleague’s counter who %s', async (_what, method, path, body) => {
    const before = await seq()
    const r = await f.request<ApiError>(method, at(path), body(), earlyAtC2)
    expect(r.status).toBe(403)
    expect(r.body.message).toMatch(/open under t02/)
    expect(await seq()).toBe(before)
  })

  const fromC1: [string, string, string, () => unknown, RegExp][] = [
    [
      'cancels the customer waiting for counter 2',
      'POST',
      'tickets/WAITING_C2/cancel',
      () => ({}),
      /not at your counter/,
    ],
    [
      'transfers the customer called to counter 2',
      'POST',
      'tickets/CALLED_C2/transfer',
      () => ({ toServiceId: null, toCounterId: 'c1' }),
      /not at your counter/,
    ],
    ['resumes the customer called to counter 2', 'POST', 'tickets/CALLED_C2/resume', () => ({}), /not at your counter/],
    ['clears counter 2’s delay', 'DELETE', 'delays/teller:complexBusiness:c2', () => undefined, /own counter/],
    ['rates counter 2’s customer', 'POST', 'tickets/SERVED_C2/rate', () => ({ score: 1 }), /not at your counter/],
    [
      'explains a delay at counter 2',
      'POST',
      'counters/c2/explain',
      () => ({ kind: 'complexBusiness' }),
      /own counter/,
    ],
  ]
  it.each(fromC1)('refuses a teller at their own counter who %s', async (_what, method, path, body, message) => {
    const before = await seq()
    const r = await f.request<ApiError>(method, at(path), body(), t01)
    expect(r.status).toBe(403)
    expect(r.body.message).toMatch(message)
    expect(await seq()).toBe(before)
  })

  it('answers the ticket’s state, not a colleague’s counter, to a resume of a customer waiting for no counter', async () => {
    const before = await seq()
    const r = await f.request<ApiError>('POST', `/api/v1/tickets/${waitingForAnyone}/resume`, {}, t01)
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'ticketNotParked' })
    expect(r.body.message).toMatch(/is waiting, not parked/)
    expect(await seq()).toBe(before)
  })

  it('lets any teller cancel a customer waiting in the lobby for no counter in particular', async () => {
    const r = await f.request<CommandAck>('POST', `/api/v1/tickets/${waitingForAnyone}/cancel`, {}, t01)
    expect(r.status).toBe(200)
  })

  it('lets a manager take a counter over, and logs who did what at whose counter', async () => {
    f.clock.advance(20)
    const r = await f.request<CommandAck>('POST', '/api/v1/counters/c2/recall', {}, manager)
    expect(r.status).toBe(200)
    const line = await untilLogged(f.dataDir, (l) => l.event === 'counter.takenOver', 'the take-over')
    expect(line).toMatchObject({ counterId: 'c2', heldBy: 't02', by: 'm01', command: 'recall' })
    // Closed by the manager, the counter is free for a colleague to sign in at.
    await f.request('POST', '/api/v1/counters/c2/start', {}, manager)
    await f.request('POST', '/api/v1/counters/c2/complete', { completedServiceId: null }, manager)
    await f.request('POST', `/api/v1/tickets/${waitingForC2}/cancel`, {}, manager)
    expect((await f.request('POST', '/api/v1/counters/c2/close', {}, manager)).status).toBe(200)
    expect(
      (await f.request('POST', '/api/v1/sessions', { staffId: staff(3).id, pin: staff(3).pin, counterId: 'c2' }))
        .status,
    ).toBe(200)
  })
})
