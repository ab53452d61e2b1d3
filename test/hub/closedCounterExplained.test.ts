import { afterEach, describe, expect, it } from 'vitest'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

describe('a counter closing on a first day, people waiting (no history to say it is usually open)', () => {
  it('is explained at once, and the waiting customers may be told the longer wait', async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const kiosk = await f.pair('kiosk', await f.manager())
    const one = await f.teller(1)
    const two = await f.teller(2)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, one)).status).toBe(200)
    expect((await f.request('POST', '/api/v1/counters/c2/open', {}, two)).status).toBe(200)
    for (let i = 0; i < 6; i++) expect((await f.issue(kiosk, `before-close-${i}`)).status).toBe(200)
    const before = await f.hub.context.estimates.recompute()
    const last = Object.keys(before.tickets).at(-1) as string
    expect((await f.request('POST', '/api/v1/counters/c2/close', {}, two)).status).toBe(200)
    // the hub explains delays right after the events that cause them
    const explained = async (): Promise<unknown> => {
      for (let i = 0; i < 50; i++) {
        const d = f?.hub.context.host.current.delays['auto:counterClosed:c2']
        if (d !== undefined) return d
        await new Promise((r) => setTimeout(r, 50))
      }
      return undefined
    }
    expect(await explained()).toMatchObject({ endedAt: null })
    const after = await f.hub.context.estimates.recompute()
    // with the reason shown, the last customer's range may rise to the one-counter wait
    const shown = (v: typeof after) => v.shown.tickets[last]
    const high = (s: ReturnType<typeof shown>) => (s?.kind === 'range' ? s.highMin : 0)
    expect(high(shown(after))).toBeGreaterThan(high(shown(before)))
  })
})
