import { afterEach, describe, expect, it } from 'vitest'
import { DemoActivity, demoActivityOptions } from '../../hub/demo/demoActivity'
import { demoHoursLine } from '../../hub/demo/demoLinks'
import { DEMO_CALENDAR } from '../../hub/config/demoBranchFile'
import { doorsOpenAt } from '../../shared/demo/demoHours'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { HubFixture } from './support/hubFixture'

describe("the demo's simulated morning", () => {
  it('sends no more customers than its simulated tellers can serve', () => {
    const o = demoActivityOptions(DEMO_BRANCH, { now: () => 0 })
    expect(o.counters).toEqual(['c3', 'c4', 'c5', 'c6'])
    // A simulated teller's customer: a walk of 8–20 s, the service's standard + 10 % (a service
    // picked at random), a pause of 2–8 s before the next call.
    const standards = DEMO_BRANCH.services.map((s) => s.standardSec)
    const perCustomer = 14 + (1.1 * standards.reduce((a, b) => a + b, 0)) / standards.length + 5
    const load = perCustomer / o.arrivalEverySec / o.counters.length
    // busy, and kept up with (at a customer every 25 s it was 2.4: the queue grew all morning)
    expect(load).toBeGreaterThan(0.7)
    expect(load).toBeLessThan(0.9)
  })
})

/** 01:20 in Beijing on Monday 2026-12-07, when the demo branch's doors are shut. */
const NIGHT = Date.UTC(2026, 11, 6, 17, 20)
/** 10:00 in Beijing the same Monday, doors open. */
const MORNING = Date.UTC(2026, 11, 7, 2, 0)

describe("the demo's simulated customers and tellers keep the branch's opening hours", () => {
  let f: HubFixture | null = null
  let activity: DemoActivity | null = null
  afterEach(async () => {
    activity?.stop()
    await f?.stop()
  })

  it('brings nobody in and opens no counter at night, and starts when the doors open', async () => {
    f = await HubFixture.start()
    const { host, desk, config, clock } = f.hub.context
    f.clock.set(NIGHT)
    // A customer every 50 ms: at night none may come all the same.
    const options = { counters: demoActivityOptions(DEMO_BRANCH, clock).counters, arrivalEverySec: 0.05, seed: 7 }
    activity = new DemoActivity(
      host,
      desk,
      () => config.data.branch,
      options,
      () => doorsOpenAt(config.data.calendar, clock.now(), config.data.utcOffsetMinutes),
    )
    await activity.start()
    await new Promise((r) => setTimeout(r, 2500))
    expect(host.current.open).toEqual([])
    for (const c of options.counters) expect(host.current.counters[c]?.status ?? 'closed').toBe('closed')

    f.clock.set(MORNING)
    // The door looks at the clock again a minute on; a new activity at opening time stands for it.
    activity.stop()
    activity = new DemoActivity(
      host,
      desk,
      () => config.data.branch,
      options,
      () => doorsOpenAt(config.data.calendar, clock.now(), config.data.utcOffsetMinutes),
    )
    await activity.start()
    const until = performance.now() + 15_000
    while (performance.now() < until && host.current.open.length === 0) await new Promise((r) => setTimeout(r, 100))
    expect(host.current.open.length).toBeGreaterThan(0)
    expect(host.current.counters.c3?.status).not.toBe('closed')
  }, 60_000)

  it('tells the person starting the demo at night when the lobby comes to life', () => {
    const counters = DEMO_BRANCH.counters.slice(2)
    const night = demoHoursLine({ calendar: DEMO_CALENDAR, utcOffsetMinutes: 480 }, counters, NIGHT)
    expect(night).toMatch(
      /opening hours \(09:00–17:00 on working days, 10:00–16:00 at weekends, branch time UTC\+08:00\)/,
    )
    expect(night).toMatch(/It is 01:20 there now: the lobby is quiet until 12-07 09:00/)
    expect(demoHoursLine({ calendar: DEMO_CALENDAR, utcOffsetMinutes: 480 }, counters, MORNING)).toMatch(
      /The branch is open now \(10:00 there\)/,
    )
  })
})

describe("the demo's simulated tellers leave a person's counter alone", () => {
  let f: HubFixture | null = null
  let activity: DemoActivity | null = null
  afterEach(async () => {
    activity?.stop()
    await f?.stop()
  })

  const simulate = (fx: HubFixture): DemoActivity => {
    const { host, desk, config, clock } = fx.hub.context
    // no simulated customers: only the person's tickets are in the lobby
    const options = { counters: demoActivityOptions(DEMO_BRANCH, clock).counters, arrivalEverySec: 1e6, seed: 7 }
    return new DemoActivity(
      host,
      desk,
      () => config.data.branch,
      options,
      () => doorsOpenAt(config.data.calendar, clock.now(), config.data.utcOffsetMinutes),
    )
  }

  it('neither calls nor serves at a counter a person opened before the doors open', async () => {
    f = await HubFixture.start()
    f.clock.set(NIGHT)
    const kiosk = await f.pair('kiosk', await f.manager())
    // counter 4 is one the simulation works in opening hours; a person opens it at 01:20
    const t04 = await f.teller(4)
    expect((await f.request('POST', '/api/v1/counters/c4/open', {}, t04)).status).toBe(200)
    expect((await f.issue(kiosk, 'night-ticket-1', { serviceId: 'business' })).status).toBe(200)
    activity = simulate(f)
    await activity.start()
    // counter 4's simulated teller looks at it 3 s after the start, and every few seconds on
    await new Promise((r) => setTimeout(r, 5000))
    const { host } = f.hub.context
    expect(host.current.counters.c4).toMatchObject({ status: 'idle', staffId: 't04', ticketId: null })
    expect(host.current.open.map((t) => t.status)).toEqual(['waiting'])
  }, 30_000)

  it('does not take over a counter a person signed in at in opening hours', async () => {
    f = await HubFixture.start()
    f.clock.set(MORNING)
    const kiosk = await f.pair('kiosk', await f.manager())
    const t04 = await f.teller(4)
    expect((await f.request('POST', '/api/v1/counters/c4/open', {}, t04)).status).toBe(200)
    for (const k of [1, 2, 3, 4, 5, 6])
      expect((await f.issue(kiosk, `morning-ticket-${k}`, { serviceId: 'business' })).status).toBe(200)
    activity = simulate(f)
    await activity.start()
    const { host } = f.hub.context
    const until = performance.now() + 15_000
    while (performance.now() < until && host.current.open.every((t) => t.status === 'waiting'))
      await new Promise((r) => setTimeout(r, 100))
    // the simulated tellers of 3, 5 and 6 call; counter 4 stays the person's, idle
    expect(host.current.open.some((t) => t.status !== 'waiting')).toBe(true)
    await new Promise((r) => setTimeout(r, 4000))
    expect(host.current.counters.c4).toMatchObject({ status: 'idle', staffId: 't04', ticketId: null })
  }, 40_000)

  it('goes on working the counters it opened after the hub restarts', async () => {
    f = await HubFixture.start()
    f.clock.set(MORNING)
    activity = simulate(f)
    await activity.start()
    // counter 3's simulated teller opens it about a second after the start
    const opened = performance.now() + 10_000
    while (performance.now() < opened && f.hub.context.host.current.counters.c3?.status !== 'idle')
      await new Promise((r) => setTimeout(r, 100))
    expect(f.hub.context.host.current.counters.c3).toMatchObject({ status: 'idle', staffId: 't03' })
    activity.stop()
    await f.restart()
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'after-restart', { serviceId: 'cards' })).status).toBe(200)
    activity = simulate(f)
    await activity.start()
    const { host } = f.hub.context
    const until = performance.now() + 15_000
    while (performance.now() < until && host.current.open.every((t) => t.status === 'waiting'))
      await new Promise((r) => setTimeout(r, 100))
    // the simulation's own counter 3 (cards first) calls the customer
    expect(host.current.open.find((t) => t.status !== 'waiting')?.visits.at(-1)?.counterId).toBe('c3')
  }, 60_000)
})
