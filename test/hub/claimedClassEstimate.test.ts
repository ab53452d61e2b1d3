import { afterEach, describe, expect, it } from 'vitest'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe("a kiosk tap for a class staff must confirm (the demo's military class)", () => {
  it("is told the ordinary wait it will have until confirmed, not the class's shorter one", async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const kiosk = await f.pair('kiosk', await f.manager())
    const teller = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
    for (let i = 0; i < 8; i++) expect((await f.issue(kiosk, `ordinary-${i}`)).status).toBe(200)
    const all = await f.hub.context.estimates.recompute()
    const menu = all.newTicket.personal
    const ordinary = menu?.ordinary
    const military = menu?.military
    if (ordinary === undefined || military === undefined) throw new Error('no menu estimates')
    // the class would be served sooner once confirmed: the two differ
    expect(military.mean).toBeLessThan(ordinary.mean)

    const tap = await f.issue(kiosk, 'military-tap', { priorityClassId: 'military' })
    expect(tap.status).toBe(200)
    expect(tap.body).toMatchObject({ priorityClassId: null, priorityClaim: 'military' })
    // what the customer was told, as journaled with the ticket
    expect(tap.body.estimate).toEqual(ordinary)

    // a declared class waits in its class from the start: told its own
    const care = menu?.care
    const careTap = await f.issue(kiosk, 'care-tap', { priorityClassId: 'care' })
    expect(careTap.body.priorityClassId).toBe('care')
    expect(care).toBeDefined()
    expect(careTap.body.estimate).not.toEqual(ordinary)
  })
})
