import { afterEach, describe, expect, it } from 'vitest'
import type { ApiError, TicketReceipt } from '../../shared/api/views'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

/** Monday 2026-12-07 in Beijing (the demo branch's doors: 09:00–17:00 on working days). */
const beijing = (hour: number) => Date.UTC(2026, 11, 7, hour - 8)

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('a walk-in before the doors open', () => {
  it('gets no ticket while nobody is at a counter, and is told when the branch opens', async () => {
    f = await HubFixture.start({ estimator: 'branch' }, undefined, new FakeClock(beijing(4)))
    const kiosk = await f.pair('kiosk', await f.manager())
    const r = await f.issue(kiosk, 'four-in-the-morning')
    expect(r.status).toBe(409)
    expect(r.body as unknown as ApiError).toMatchObject({ code: 'doorsClosed', message: /opens at 2026-12-07 09:00/ })
    // nothing was issued: the lobby is as empty as before the tap
    expect(f.hub.context.host.current.issued).toBe(0)
  })

  it('gets a ticket once a teller opens a counter, with no closing warning in an empty lobby', async () => {
    f = await HubFixture.start({ estimator: 'branch' }, undefined, new FakeClock(beijing(4)))
    const kiosk = await f.pair('kiosk', await f.manager())
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    const r = await f.issue(kiosk, 'four-with-a-teller')
    expect(r.status).toBe(200)
    const receipt = r.body as TicketReceipt
    expect(receipt.peopleAhead).toBe(0)
    expect(receipt.closing).toBeNull()
  })

  it('gets a ticket in opening hours as before', async () => {
    f = await HubFixture.start({}, undefined, new FakeClock(beijing(10)))
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'ten-in-the-morning')).status).toBe(200)
  })
})
