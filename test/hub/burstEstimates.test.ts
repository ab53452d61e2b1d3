import { afterEach, describe, expect, it } from 'vitest'
import type { TicketReceipt } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('taps at the same moment (a burst at two kiosks)', () => {
  it('each is told the wait behind the ones before it, not the wait before the first', async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const manager = await f.manager()
    const kiosks = [await f.pair('kiosk', manager), await f.pair('kiosk', manager)]
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    // let the estimates settle on the empty line, as a quiet branch has them
    await f.hub.context.estimates.recompute()

    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => f?.issue(kiosks[i % 2] as string, `burst-tap-${i}`)),
    )
    const receipts = burst.map((r) => r?.body as TicketReceipt).sort((a, b) => a.issuedAt - b.issuedAt)
    expect(receipts.map((r) => r.peopleAhead)).toEqual(Array.from({ length: 12 }, (_, i) => i))
    const means = receipts.map((r) => r.estimate?.mean ?? Number.NaN)
    // each told at least what the one before was, and more while the line is short: the latest
    // estimates serve a tap while they miss at most one ticket in ten waiting (`forNewcomer`)
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThanOrEqual(means[i - 1] as number)
    for (let i = 1; i < 10; i++) expect(means[i]).toBeGreaterThan(means[i - 1] as number)
    // and the last one's mean is the one the estimator gives its ticket now, within that tenth
    // and the estimator's own drift of a moment
    const now = await f.hub.context.estimates.recompute()
    const last = receipts.at(-1) as TicketReceipt
    const fresh = now.tickets[last.ticketId]
    expect(fresh).toBeDefined()
    expect(last.estimate?.mean).toBeGreaterThan((fresh?.mean ?? 0) * 0.8)
  })
})
