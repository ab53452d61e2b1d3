import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck, QueueSnapshot, TicketReceipt } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/**
 * A kiosk's re-join over real HTTP, retried: the first answer lost, the same request again finds
 * the ticket back in the queue and is answered with that re-join — nothing decided or written
 * twice — while a re-join the engine must refuse is still refused.
 */
let f: HubFixture
let manager: string
let kiosk: string
let teller: string
let ticket: TicketReceipt

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
  teller = await f.teller(1)
  expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
  ticket = (await f.issue(kiosk, 'rejoin-retry-1')).body as TicketReceipt
})
afterAll(async () => {
  await f.stop()
})

const rejoin = () => f.request<CommandAck & ApiError>('POST', `/api/v1/tickets/${ticket.ticketId}/rejoin`, {}, kiosk)
const snapshot = async () => (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state

describe('a re-join retried', () => {
  it('answers the retry with the re-join already made, and writes nothing more', async () => {
    await f.missCall('c1', teller)
    const first = await rejoin()
    expect(first.status).toBe(200)
    expect(first.body.event).toMatchObject({ type: 'ticketRejoined', ticketId: ticket.ticketId })
    const seq = (await snapshot()).lastSeq
    const again = await rejoin()
    expect(again.status).toBe(200)
    expect(again.body.event).toEqual(first.body.event)
    const after = await snapshot()
    expect(after.lastSeq).toBe(seq)
    expect(after.open.find((t) => t.id === ticket.ticketId)).toMatchObject({ status: 'waiting', rejoins: 1 })
  })

  it('still refuses a re-join of a ticket that is being called, and changes nothing', async () => {
    expect((await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)).status).toBe(200)
    const seq = (await snapshot()).lastSeq
    const refused = await rejoin()
    expect(refused.status).toBe(409)
    expect(refused.body.code).toBe('ticketNotMissed')
    expect((await snapshot()).lastSeq).toBe(seq)
  })

  it('refuses a re-join of a ticket already served, or cancelled, with a code of its own', async () => {
    // The ticket being called at counter 1 (the test before) is served.
    expect((await f.request('POST', '/api/v1/counters/c1/start', {}, teller)).status).toBe(200)
    const done = await f.request('POST', '/api/v1/counters/c1/complete', { completedServiceId: null }, teller)
    expect(done.status).toBe(200)
    const other = (await f.issue(kiosk, 'rejoin-retry-cancelled')).body as TicketReceipt
    expect((await f.request('POST', `/api/v1/tickets/${other.ticketId}/cancel`, {}, manager)).status).toBe(200)
    const seq = (await snapshot()).lastSeq
    const served = await rejoin()
    expect(served.status).toBe(409)
    expect(served.body).toMatchObject({ code: 'ticketAlreadyServed', field: 'params.ticketId' })
    expect(served.body.message).toMatch(/already served/u)
    const cancelled = await f.request<ApiError>('POST', `/api/v1/tickets/${other.ticketId}/rejoin`, {}, kiosk)
    expect(cancelled.status).toBe(409)
    expect(cancelled.body.code).toBe('ticketAlreadyCancelled')
    expect((await snapshot()).lastSeq).toBe(seq)
  })
})
