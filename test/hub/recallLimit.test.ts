import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, QueueSnapshot, TicketStatusView } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * The recalls a branch declares (`policy.recallsBeforeNoShow`, 2 on the demo branch) bound the
 * recalls over real HTTP: the customer is told "called 3 times, then a no-show", so a third
 * recall is refused with `recallsUsedUp` and changes nothing, and the customer's call count
 * stays within the rule.
 */
let f: HubFixture
let manager: string
let teller: string
let statusPath: string

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  teller = await f.teller(1)
  await f.request('POST', '/api/v1/counters/c1/open', {}, teller)
  const receipt = (await f.issue(kiosk, 'recall-limit-1')).body
  const key = receipt.statusPath.split('k=')[1] as string
  statusPath = `/api/v1/tickets/${encodeURIComponent(receipt.ticketId)}/status?k=${key}`
  expect((await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)).status).toBe(200)
})
afterAll(async () => {
  await f.stop()
})

async function lastSeq(): Promise<number> {
  return (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.lastSeq
}

describe('recall limit', () => {
  it('takes the declared recalls, then refuses another with 409 recallsUsedUp and changes nothing', async () => {
    for (let i = 0; i < 2; i++) {
      f.clock.advance(20)
      expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, teller)).status).toBe(200)
    }
    f.clock.advance(20)
    const before = await lastSeq()
    const r = await f.request<ApiError>('POST', '/api/v1/counters/c1/recall', {}, teller)
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('recallsUsedUp')
    expect(r.body.message).toMatch(/mark a no-show/)
    expect(await lastSeq()).toBe(before)
  })

  it('leaves the customer at the last call the rule announces', async () => {
    const s = await f.request<TicketStatusView>('GET', statusPath)
    expect(s.body.calls).toBe(3)
  })

  it('takes the no-show next', async () => {
    expect((await f.request('POST', '/api/v1/counters/c1/no-show', {}, teller)).status).toBe(200)
  })
})
