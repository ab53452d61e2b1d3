import { afterEach, describe, expect, it } from 'vitest'
import type { WaitEstimator } from '../../hub/estimation/estimator'
import { displayWait, roundWaitKindly } from '../../shared/estimate/displayWait'
import type { WaitEstimate } from '../../shared/queue/ticket'
import type { DayReport } from '../../shared/reports/dayReport'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

// What the demo hub's estimator gave two customers (seconds): the first was told "about 1–4 min",
// the second "soon".
const ONE_TO_FOUR: WaitEstimate = { mean: 110, p10: 8.1, p50: 95, p90: 218.5 }
const SOON: WaitEstimate = { mean: 40, p10: 5, p50: 30, p90: 98 }

/** A kiosk menu of ONE_TO_FOUR for the first ticket and SOON after, shown as the hub's own estimator shows. */
const fixedEstimator: WaitEstimator = {
  shown: displayWait,
  all: (state) => ({
    tickets: {},
    newTicket: { personal: { ordinary: state.issued === 0 ? ONE_TO_FOUR : SOON } },
  }),
}

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

describe('the day report judges the range the customer was shown', () => {
  it('counts a wait inside the minutes on the receipt as inside, and one told "soon" neither way', async () => {
    // Friday 2026-11-27, 10:00 in Beijing
    f = await HubFixture.start({ estimator: fixedEstimator }, undefined, new FakeClock(Date.UTC(2026, 10, 27, 2)))
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    await f.request('POST', '/api/v1/counters/c1/open', {}, teller)
    await f.hub.context.estimates.recompute()
    const first = await f.issue(kiosk, 'shown-1-4')
    await f.hub.context.estimates.recompute()
    const second = await f.issue(kiosk, 'shown-soon')
    expect(first.body.shown).toEqual({ kind: 'range', lowMin: 1, highMin: 4 })
    expect(second.body.shown).toEqual({ kind: 'soon' })

    // 3 min 49 s: longer than the estimate's top (218.5 s), inside "about 1–4 min"
    f.clock.advance(229)
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)
    await f.request('POST', '/api/v1/counters/c1/start', {}, teller)
    f.clock.advance(60)
    await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, teller)
    // 4 min 50 s for the one told "soon": late, but nobody was promised a range
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)

    const r = await f.request<DayReport>('GET', '/api/v1/reports/day/2026-11-27', undefined, manager)
    expect(r.status).toBe(200)
    const [a, b] = r.body.tickets
    // the journaled estimate is the one the receipt's minutes were rounded from
    expect(first.body.estimate).toEqual(ONE_TO_FOUR)
    expect(a?.estimate).toEqual(ONE_TO_FOUR)
    expect(roundWaitKindly(a?.estimate as WaitEstimate)).toEqual(first.body.shown)
    expect(roundWaitKindly(b?.estimate as WaitEstimate)).toEqual(second.body.shown)
    expect(a).toMatchObject({ number: first.body.number, waitSec: 229, estimateInRange: true })
    expect(b).toMatchObject({ number: second.body.number, waitSec: 289, estimateInRange: null })
    expect(r.body.estimates.overall).toMatchObject({ count: 2, insideRange: 1, aboveRange: 0, belowRange: 0 })
    expect(r.body.kpis.estimateInsideRangeShare).toBe(1)
  })
})
