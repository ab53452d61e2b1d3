import { afterEach, describe, expect, it } from 'vitest'
import type { TicketReceipt } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('the first ticket after the first counter opens (the usual morning)', () => {
  it('is given a figure, not the "no estimate yet" of the menu a moment before', async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    // customers take tickets before any counter opens: nobody can say when they will be called
    const early = (await f.issue(kiosk, 'before-opening')).body as TicketReceipt
    expect(early.estimate).toBeNull()
    await f.hub.context.estimates.recompute()

    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    const next = (await f.issue(kiosk, 'right-after-opening')).body as TicketReceipt
    expect(next.estimate).not.toBeNull()
    expect(next.shown?.kind).not.toBe('none')
    // and it is the figure the estimator gives that ticket now, as every tap's is
    const now = await f.hub.context.estimates.recompute()
    expect(now.tickets[next.ticketId]?.mean).toBeGreaterThan(0)
  })
})
