import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck } from '../../shared/api/views'
import type { QueueEvent } from '../../shared/queue/events'
import { hubLogLines, untilLogged } from './support/hubLogFile'
import { HubFixture } from './support/hubFixture'

/**
 * The audit's race (stop 36): the manager opens 取消号 on a waiting customer, the teller at
 * counter 4 calls them, the manager confirms. The call wins: the cancel (or a transfer picked
 * from the waiting list) is refused with 409 `ticketAlreadyCalled` and the journal is untouched.
 * A manager's action on a ticket a teller's open counter owns is a take-over, and logged.
 */
let f: HubFixture
let manager: string
let kiosk: string
let t04: string
let taps = 0
const issue = async (serviceId = 'business'): Promise<string> =>
  (await f.issue(kiosk, `cancel-race-${++taps}`, { serviceId })).body.ticketId
const events = async (): Promise<QueueEvent[]> =>
  (await f.request<{ events: QueueEvent[] }>('GET', '/api/v1/events?since=0', undefined, manager)).body.events
const finishAtC4 = async () => {
  await f.request('POST', '/api/v1/counters/c4/start', {}, t04)
  expect((await f.request('POST', '/api/v1/counters/c4/complete', { completedServiceId: null }, t04)).status).toBe(200)
}

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  t04 = await f.teller(4)
  expect((await f.request('POST', '/api/v1/counters/c4/open', {}, t04)).status).toBe(200)
})
afterAll(async () => {
  await f.stop()
})

describe('a manager’s cancel racing a teller’s call', () => {
  it('refuses the cancel of a customer just called, and changes nothing', async () => {
    const b = await issue()
    const call = await f.request<CommandAck>('POST', '/api/v1/counters/c4/call-next', {}, t04)
    expect(call.body.event).toMatchObject({ type: 'ticketCalled', ticketId: b })
    const before = await events()
    const r = await f.request<ApiError>('POST', `/api/v1/tickets/${b}/cancel`, {}, manager)
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'ticketAlreadyCalled' })
    expect(r.body.message).toMatch(/has been called to counter 4/)
    expect(await events()).toEqual(before)
    const q = await f.request<{ state: { counters: Record<string, { status: string; ticketId: string | null }> } }>(
      'GET',
      '/api/v1/queue',
      undefined,
      manager,
    )
    expect(q.body.state.counters.c4).toMatchObject({ status: 'calling', ticketId: b })
    await finishAtC4()
  })

  it('refuses a transfer picked from the waiting list once the customer is called', async () => {
    const b = await issue()
    await f.request('POST', '/api/v1/counters/c4/call-next', {}, t04)
    const before = await events()
    const r = await f.request<ApiError>(
      'POST',
      `/api/v1/tickets/${b}/transfer`,
      { toServiceId: 'personal', toCounterId: null, seenStatus: 'waiting' },
      manager,
    )
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ code: 'ticketAlreadyCalled' })
    expect(await events()).toEqual(before)
    await finishAtC4()
  })

  it('lets exactly one of a simultaneous call and cancel land, never the cancel on the called customer', async () => {
    for (let round = 0; round < 6; round++) {
      const b = await issue()
      const [call, cancel] = await Promise.all([
        f.request<CommandAck>('POST', '/api/v1/counters/c4/call-next', {}, t04),
        f.request<ApiError>('POST', `/api/v1/tickets/${b}/cancel`, {}, manager),
      ])
      if (call.status === 200) {
        expect(call.body.event).toMatchObject({ ticketId: b })
        expect([cancel.status, cancel.body.code]).toEqual([409, 'ticketAlreadyCalled'])
        await finishAtC4()
      } else {
        expect([call.status, cancel.status]).toEqual([409, 200])
      }
    }
    const journal = await events()
    const calledThenCancelled = journal.filter(
      (e, i) =>
        e.type === 'ticketCancelled' &&
        journal.slice(0, i).some((c) => c.type === 'ticketCalled' && c.ticketId === e.ticketId),
    )
    expect(calledThenCancelled).toEqual([])
  })
})

describe('a manager acting on a ticket a teller’s open counter owns', () => {
  it('logs the cancel of a customer parked at counter 4 as a take-over', async () => {
    const b = await issue()
    await f.request('POST', '/api/v1/counters/c4/call-next', {}, t04)
    expect((await f.request('POST', '/api/v1/counters/c4/park', {}, t04)).status).toBe(200)
    expect((await f.request('POST', `/api/v1/tickets/${b}/cancel`, {}, manager)).status).toBe(200)
    const line = await untilLogged(
      f.dataDir,
      (l) => l.event === 'counter.takenOver' && l.command === 'cancel',
      'the take-over by cancel',
    )
    expect(line).toMatchObject({ counterId: 'c4', heldBy: 't04', by: 'm01' })
  })

  it('logs no take-over for a customer waiting for no counter in particular, nor for a refused cancel', async () => {
    const waiting = await issue()
    expect((await f.request('POST', `/api/v1/tickets/${waiting}/cancel`, {}, manager)).status).toBe(200)
    const called = await issue()
    await f.request('POST', '/api/v1/counters/c4/call-next', {}, t04)
    expect((await f.request('POST', `/api/v1/tickets/${called}/cancel`, {}, manager)).status).toBe(409)
    await finishAtC4()
    // Written before the answer (the log is asynchronous): a later line proves the earlier ones are in.
    const pause = { reason: { code: 'break', note: '' } }
    expect((await f.request('POST', '/api/v1/counters/c4/pause', pause, manager)).status).toBe(200)
    await untilLogged(f.dataDir, (l) => l.command === 'pauseCounter', 'the marker line')
    await f.request('POST', '/api/v1/counters/c4/resume', {}, manager)
    const cancels = (await hubLogLines(f.dataDir)).filter(
      (l) => l.event === 'counter.takenOver' && l.command === 'cancel',
    )
    expect(cancels).toHaveLength(1)
  })
})
