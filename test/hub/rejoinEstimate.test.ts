import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiError, RejoinReceipt, TicketReceipt, TicketStatusView } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * No ticket without an estimate, a re-joined one too: the kiosk's re-join is answered with the
 * people ahead and the ticket's own range (an estimation made after the re-join), so the dialog
 * tells the customer a wait at once rather than "no estimate yet" until the live estimates come.
 */
let f: HubFixture
let kiosk: string
let teller: string
beforeEach(async () => {
  f = await HubFixture.start()
  const manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  teller = await f.teller(1)
})
afterEach(async () => {
  await f.stop()
})

const counter = async (step: string) =>
  expect((await f.request('POST', `/api/v1/counters/c1/${step}`, {}, teller)).status).toBe(200)

describe('a missed ticket re-joined at the kiosk', () => {
  it('is answered with its people ahead and its own estimated range', async () => {
    const missed = (await f.issue(kiosk, 'rejoin-estimate-1')).body as TicketReceipt
    await counter('open')
    await counter('call-next')
    for (const step of ['recall', 'recall', 'no-show']) {
      f.clock.advance(60)
      await counter(step)
    }
    // Three customers came meanwhile; the re-joined ticket goes in behind some of them.
    for (let i = 2; i <= 4; i++) await f.issue(kiosk, `rejoin-estimate-${i}`)
    // The estimates settled before the re-join: none of them is the missed ticket's.
    await f.hub.context.estimates.recompute()
    expect(f.hub.context.estimates.current()?.shown.tickets[missed.ticketId]).toBeUndefined()

    const r = await f.request<RejoinReceipt & ApiError>('POST', `/api/v1/tickets/${missed.ticketId}/rejoin`, {}, kiosk)
    expect(r.status).toBe(200)
    expect(r.body.event).toMatchObject({ type: 'ticketRejoined', ticketId: missed.ticketId })
    expect(r.body.shown).toMatchObject({ kind: 'range' })
    // What the status page and the live estimates tell the customer too.
    const key = new URLSearchParams(missed.statusPath.split('?')[1]).get('k') ?? ''
    const status = await f.request<TicketStatusView>(
      'GET',
      `/api/v1/tickets/${encodeURIComponent(missed.ticketId)}/status?k=${key}`,
    )
    expect(status.status).toBe(200)
    expect(r.body.peopleAhead).toBe(status.body.peopleAhead)
    expect(r.body.peopleAhead).toBeGreaterThan(0)
    expect(r.body.shown).toEqual(status.body.shown)
    expect(r.body.shown).toEqual(f.hub.context.estimates.current()?.shown.tickets[missed.ticketId])
  })
})
