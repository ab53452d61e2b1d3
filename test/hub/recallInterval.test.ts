import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck, QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * Recalls and no-shows over real HTTP: the hub refuses them until the called customer has had
 * the branch's recall interval (20 s on the demo branch, the default) since the last call.
 */
let f: HubFixture
let manager: string
let teller: string

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  teller = await f.teller(1)
  await f.request('POST', '/api/v1/counters/c1/open', {}, teller)
  await f.issue(kiosk, 'recall-interval-1')
  const called = await f.request<CommandAck>('POST', '/api/v1/counters/c1/call-next', {}, teller)
  expect(called.status).toBe(200)
})
afterAll(async () => {
  await f.stop()
})

async function lastSeq(): Promise<number> {
  return (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.lastSeq
}

async function refusedTooSoon(path: string): Promise<ApiError> {
  const before = await lastSeq()
  const r = await f.request<ApiError>('POST', `/api/v1/counters/c1/${path}`, {}, teller)
  expect(r.status).toBe(409)
  expect(r.body.code).toBe('callTooRecent')
  expect(await lastSeq()).toBe(before)
  return r.body
}

describe('recall interval', () => {
  it('refuses a recall 3 s after the call, saying how long is left, and changes nothing', async () => {
    f.clock.advance(3)
    const e = await refusedTooSoon('recall')
    expect(e.message).toMatch(/wait 17 s before recalling/)
  })

  it('allows the recall once the interval has passed, and runs the interval again from it', async () => {
    f.clock.advance(17)
    expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, teller)).status).toBe(200)
    f.clock.advance(10)
    await refusedTooSoon('recall')
    f.clock.advance(10)
    expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, teller)).status).toBe(200)
  })

  it('refuses the no-show until the interval after the last recall, then takes it', async () => {
    f.clock.advance(19)
    const e = await refusedTooSoon('no-show')
    expect(e.message).toMatch(/wait 1 s before marking a no-show/)
    f.clock.advance(1)
    expect((await f.request('POST', '/api/v1/counters/c1/no-show', {}, teller)).status).toBe(200)
  })
})
