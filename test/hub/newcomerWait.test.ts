import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import { FakeClock } from './support/fakeClock'
import { HubFixture, type FixtureOptions } from './support/hubFixture'

/**
 * What the hub tells every screen of a ticket taken now (`estimates.shown.newcomers`, with the
 * figures it goes with) outside the branch's hours: the demo branch opens 09:00–17:00 on working
 * days; Monday 2026-12-07 in Beijing.
 */
const beijing = (hour: number, minute = 0, date = 7) => Date.UTC(2026, 11, date, hour - 8, minute)

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

/** The estimates once they were made after every event so far and `ready` holds of them. */
async function estimatesNow(
  hub: HubFixture,
  manager: string,
  ready: (e: NonNullable<QueueSnapshot['estimates']>) => boolean = () => true,
): Promise<NonNullable<QueueSnapshot['estimates']>> {
  return vi.waitFor(
    async () => {
      const snap = (await hub.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body
      if (snap.estimates === null || snap.estimates.seq < snap.state.lastSeq || !ready(snap.estimates))
        throw new Error('estimates not caught up yet')
      return snap.estimates
    },
    { timeout: 10_000, interval: 20 },
  )
}

async function startAt(at: number, over: FixtureOptions = {}): Promise<{ hub: HubFixture; manager: string }> {
  f = await HubFixture.start(over, undefined, new FakeClock(at))
  return { hub: f, manager: await f.manager() }
}

describe('the wait for a ticket taken now, outside opening hours', () => {
  it('is no range at 05:00 with every counter shut, only when the branch opens', async () => {
    // the hub's own estimator: the one that said "about 60–630 min" before opening
    const { hub, manager } = await startAt(beijing(5), { estimator: 'branch' })
    const e = await estimatesNow(hub, manager)
    expect(e.shown.newcomers).toEqual({ kind: 'opensLater', opensAt: beijing(9), clock: '09:00' })
    expect(e.newTicket).toEqual({})
    expect(e.shown.newTicket).toEqual({})
    expect(e.shown.closing.newTicket).toEqual({})
  })

  it('is estimated as usual once a teller is at a counter before opening, and the ticket gets it', async () => {
    const { hub, manager } = await startAt(beijing(5), { estimator: 'branch' })
    const kiosk = await hub.pair('kiosk', manager)
    expect((await hub.request('POST', '/api/v1/counters/c1/open', {}, await hub.teller(1))).status).toBe(200)
    const e = await estimatesNow(hub, manager)
    expect(e.shown.newcomers).toEqual({ kind: 'estimated' })
    expect(e.shown.newTicket['personal']?.['ordinary']).toBeDefined()
    const receipt = (await hub.issue(kiosk, 'five-with-a-teller')).body as TicketReceipt
    expect(receipt.estimate).not.toBeNull()
    expect(receipt.shown).not.toBeNull()
  })

  it('says closed for the day after the doors shut with nobody at a counter, naming the next opening', async () => {
    const { hub, manager } = await startAt(beijing(18))
    const e = await estimatesNow(hub, manager)
    expect(e.shown.newcomers).toEqual({ kind: 'closedForDay', opensAt: beijing(9, 0, 8) })
    expect(e.newTicket).toEqual({})
    expect(e.shown.newTicket).toEqual({})
  })

  it('says closed for the day once the manager closes the day in opening hours', async () => {
    const { hub, manager } = await startAt(beijing(15))
    expect((await estimatesNow(hub, manager)).shown.newcomers).toEqual({ kind: 'estimated' })
    expect((await hub.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    const e = await estimatesNow(hub, manager, (x) => x.shown.newcomers.kind !== 'estimated')
    expect(e.shown.newcomers).toEqual({ kind: 'closedForDay', opensAt: beijing(9, 0, 8) })
    expect(e.shown.newTicket).toEqual({})
  })

  it('gives a walk-in who taps the moment the doors open a wait, before the minute tick re-estimates', async () => {
    const { hub, manager } = await startAt(beijing(8, 59))
    const kiosk = await hub.pair('kiosk', manager)
    expect((await estimatesNow(hub, manager)).shown.newcomers.kind).toBe('opensLater')
    // 09:00:05: the doors are open, and nothing has happened since the last estimates
    hub.clock.set(beijing(9) + 5_000)
    const r = await hub.issue(kiosk, 'first-through-the-door')
    expect(r.status).toBe(200)
    const receipt = r.body as TicketReceipt
    expect(receipt.estimate).not.toBeNull()
    expect(receipt.shown).not.toBeNull()
  })

  it('tells every screen a wait within a second of the doors opening, not at the next minute tick', async () => {
    const { hub, manager } = await startAt(beijing(8, 59) + 50_000)
    const display = await hub.live(await hub.pair('display', manager), null)
    expect((await estimatesNow(hub, manager)).shown.newcomers.kind).toBe('opensLater')
    // 09:00:01, nothing has happened since: the minute tick is up to 30 s away
    hub.clock.set(beijing(9) + 1_000)
    const opened = Date.now()
    await display.until(
      (m) => m.some((x) => x.type === 'estimates' && x.estimates.shown.newcomers.kind === 'estimated'),
      'a wait',
    )
    expect(Date.now() - opened).toBeLessThan(3_000)
    expect((await estimatesNow(hub, manager)).shown.newcomers).toEqual({ kind: 'estimated' })
    display.close()
  })

  it('says closed for the day within a second of the doors shutting with nobody at a counter', async () => {
    const { hub, manager } = await startAt(beijing(16, 59) + 50_000)
    expect((await estimatesNow(hub, manager)).shown.newcomers.kind).toBe('estimated')
    hub.clock.set(beijing(17) + 1_000)
    const shut = Date.now()
    const e = await estimatesNow(hub, manager, (x) => x.shown.newcomers.kind !== 'estimated')
    expect(Date.now() - shut).toBeLessThan(3_000)
    expect(e.shown.newcomers).toEqual({ kind: 'closedForDay', opensAt: beijing(9, 0, 8) })
  })
})
