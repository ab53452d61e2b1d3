import { afterEach, describe, expect, it } from 'vitest'
import type { QueueSnapshot, TicketStatusView } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('the phone status page when no counter that serves the ticket is open', () => {
  it('shows no range once the kiosk menu shows none for the service, not the range shown before', async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const one = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, one)).status).toBe(200)
    for (let i = 0; i < 6; i++) expect((await f.issue(kiosk, `before-close-${i}`)).status).toBe(200)
    const receipt = (await f.issue(kiosk, 'before-close-last')).body
    const status = async (): Promise<TicketStatusView> => {
      const key = receipt.statusPath.split('k=')[1] as string
      const r = await f!.request<TicketStatusView>('GET', `/api/v1/tickets/${receipt.ticketId}/status?k=${key}`)
      expect(r.status).toBe(200)
      return r.body
    }
    const menu = async () =>
      (await f!.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.estimates?.shown.newTicket
        .personal

    await f.hub.context.estimates.recompute()
    expect(await menu()).toBeDefined()
    expect((await status()).shown).toMatchObject({ kind: 'range' })

    // c1 was the only counter open for personal customers, and none is planned later today
    expect((await f.request('POST', '/api/v1/counters/c1/close', {}, one)).status).toBe(200)
    await f.hub.context.estimates.recompute()
    expect(await menu()).toBeUndefined()
    expect(await status()).toMatchObject({ status: 'waiting', estimate: null, shown: null })

    // a counter opening again brings a range back
    const two = await f.teller(2)
    expect((await f.request('POST', '/api/v1/counters/c2/open', {}, two)).status).toBe(200)
    await f.hub.context.estimates.recompute()
    expect((await status()).shown).toMatchObject({ kind: 'range' })
  })
})
