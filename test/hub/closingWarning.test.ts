import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QueueSnapshot, TicketReceipt, TicketStatusView } from '../../shared/api/views'
import type { BranchFile } from '../../hub/config/branchFile'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import type { WaitEstimator } from '../../hub/estimation/estimator'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { FakeClock, TEN_AM } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'
import { peopleAheadEstimator } from './support/peopleAheadEstimator'

/**
 * A long queue late in the day: the kiosk's menu, the receipt and the status page say when the
 * wait may run past the counters' planned end. The test hub estimates one minute per person ahead
 * (p50), 1.5 minutes at p90; the demo branch's doors close at 17:00 on a working day.
 */
const at = (hh: number, mm: number): number => TEN_AM + ((hh - 10) * 60 + mm) * 60_000

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

/** The demo branch with the personal counters' planned hours, when given. */
async function hubWith(personalUntil: string | null, clock: FakeClock, estimator?: WaitEstimator): Promise<HubFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-hub-'))
  const file = await demoBranchFile()
  const counters = file.branch.counters.map((c) =>
    personalUntil !== null && c.services.includes('personal' as never)
      ? { ...c, hours: [{ opens: '09:00', closes: personalUntil }] }
      : c,
  )
  await writeFile(
    join(dir, 'branch.json'),
    JSON.stringify({ ...file, branch: { ...file.branch, counters } } satisfies BranchFile),
  )
  return HubFixture.start(estimator === undefined ? {} : { estimator }, dir, clock)
}

/** The menu once the estimates include every ticket issued so far. */
async function menuAfter(hub: HubFixture, manager: string, tickets: number): Promise<QueueSnapshot['estimates']> {
  return vi.waitFor(
    async () => {
      const snap = (await hub.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body
      const waiting = snap.state.open.filter((t) => t.status === 'waiting').length
      if (waiting !== tickets || snap.estimates === null || snap.estimates.seq < snap.state.lastSeq)
        throw new Error('estimates not caught up yet')
      return snap.estimates
    },
    { timeout: 5000, interval: 20 },
  )
}

async function issueMany(hub: HubFixture, kiosk: string, n: number, from = 0): Promise<TicketReceipt[]> {
  const out: TicketReceipt[] = []
  for (let i = from; i < from + n; i++) out.push((await hub.issue(kiosk, `closing-${i}`)).body)
  return out
}

describe('the closing warning', () => {
  it("warns on the menu, the receipt and the status page once the range runs past the doors' close", async () => {
    f = await hubWith(null, new FakeClock(at(16, 40)))
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    // 12 waiting: a newcomer's p90 is 13 × 90 s = 19.5 min, in time for 17:00
    await issueMany(f, kiosk, 12)
    expect((await menuAfter(f, manager, 12))?.shown.closing.newTicket['personal']).toBeUndefined()
    // 13 waiting: its p90 is 21 min, past 17:00; its median (13 min) is not
    await issueMany(f, kiosk, 1, 12)
    const menu = await menuAfter(f, manager, 13)
    const warning = { kind: 'mayNot', at: at(17, 0), clock: '17:00' }
    expect(menu?.shown.closing.newTicket['personal']?.['ordinary']).toEqual(warning)
    // the other services' queues are empty: no warning for them
    expect(menu?.shown.closing.newTicket['wealth']).toBeUndefined()
    const [receipt] = await issueMany(f, kiosk, 1, 13)
    expect(receipt?.closing).toEqual(warning)
    const key = receipt!.statusPath.split('k=')[1] as string
    const path = `/api/v1/tickets/${encodeURIComponent(receipt!.ticketId)}/status?k=${key}`
    expect((await f.request<TicketStatusView>('GET', path)).body.closing).toEqual(warning)
    // the live estimates carry the ticket's own warning too, the same one
    expect((await menuAfter(f, manager, 14))?.shown.closing.tickets[receipt!.ticketId]).toEqual(warning)
  })

  it("goes by the counters' planned hours, and says 'unlikely' once the median runs past them", async () => {
    // the personal counters stop at 16:50: 10 minutes from 16:40
    f = await hubWith('16:50', new FakeClock(at(16, 40)))
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    await issueMany(f, kiosk, 10)
    // 10 waiting: a newcomer's median is 11 min, past 16:50
    const menu = await menuAfter(f, manager, 10)
    expect(menu?.shown.closing.newTicket['personal']?.['ordinary']).toEqual({
      kind: 'unlikely',
      at: at(16, 50),
      clock: '16:50',
    })
  })

  it('says nothing at ten in the morning', async () => {
    f = await hubWith(null, new FakeClock(at(10, 0)))
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const receipts = await issueMany(f, kiosk, 14)
    expect(receipts.at(-1)?.closing).toBeNull()
    expect((await menuAfter(f, manager, 14))?.shown.closing).toEqual({ tickets: {}, newTicket: {} })
  })

  it('warns a booked customer checking in by their own figure, on the receipt as on the phone', async () => {
    // the personal counters stop at 10:40; the booked customer's own estimate has a 20-minute median
    const own = { mean: 1300, p10: 900, p50: 1200, p90: 2400 }
    const clock = new FakeClock(at(10, 0))
    // The estimator says the same of the booked customer's ticket once it waits, as the hub's own
    // does: the receipt and the phone then agree whether or not an estimation ran in between.
    const walkIns = peopleAheadEstimator(DEMO_BRANCH)
    f = await hubWith('10:40', clock, {
      ...walkIns,
      all: async (state, now) => {
        const raw = await walkIns.all(state, now)
        const booked = state.open.filter((t) => t.appointmentAt !== null).map((t) => [t.id, own] as const)
        return { ...raw, tickets: { ...raw.tickets, ...Object.fromEntries(booked) } }
      },
      quote: async () => ({ estimate: own, said: null }),
    })
    const kiosk = await f.pair('kiosk', await f.manager())
    const booked = await f.request<{ code: string }>('POST', '/api/v1/appointments', {
      serviceId: 'personal',
      day: '2026-11-24',
      time: '10:30',
      language: 'en',
    })
    expect(booked.status).toBe(200)
    clock.advance(30 * 60)
    const checkIn = await f.request<{ ticket: TicketReceipt }>(
      'POST',
      `/api/v1/appointments/${booked.body.code}/check-in`,
      { language: 'en' },
      kiosk,
    )
    expect(checkIn.status).toBe(200)
    const warning = { kind: 'unlikely', at: at(10, 40), clock: '10:40' }
    expect(checkIn.body.ticket.estimate).toEqual(own)
    expect(checkIn.body.ticket.closing).toEqual(warning)
    const key = checkIn.body.ticket.statusPath.split('k=')[1] as string
    const path = `/api/v1/tickets/${encodeURIComponent(checkIn.body.ticket.ticketId)}/status?k=${key}`
    expect((await f.request<TicketStatusView>('GET', path)).body.closing).toEqual(warning)
  })
})
