import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QueueEvent } from '../../shared/queue/events'
import type { QueueSnapshot } from '../../shared/api/views'
import { ticketId } from '../../shared/domain/ids'
import { IdempotencyKeyReused, IssueLedger } from '../../hub/tickets/issueLedger'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

describe('issuing a ticket', () => {
  it('journals the estimate the menu showed, and tells the customer that range and no other', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    expect((await f.issue(kiosk, 'desk-tap-1')).status).toBe(200)
    // The estimator folds events on its own thread: read the menu once it has seen the first ticket.
    const { events: soFar } = (
      await f.request<{ events: QueueEvent[] }>('GET', '/api/v1/events?since=0', undefined, manager)
    ).body
    const firstSeq = Math.max(...soFar.map((e) => e.seq))
    const menu = await vi.waitFor(
      async () => {
        const now = (await f!.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.estimates
        if (!now || now.seq < firstSeq) throw new Error(`estimates still at seq ${now?.seq ?? 'none'} < ${firstSeq}`)
        return now
      },
      { timeout: 5000, interval: 20 },
    )
    const receipt = (await f.issue(kiosk, 'desk-tap-2')).body
    // The second customer was shown the menu's figure for a personal ticket with one ahead …
    expect(receipt.estimate).toEqual(menu?.newTicket['personal']?.['ordinary'])
    expect(receipt.shown).toEqual(menu?.shown.newTicket['personal']?.['ordinary'])
    expect(receipt.peopleAhead).toBe(1)
    // … and that is the estimate the journal keeps for the honesty report.
    const { events } = (await f.request<{ events: QueueEvent[] }>('GET', '/api/v1/events?since=0', undefined, manager))
      .body
    const issued = events.find((e) => e.type === 'ticketIssued' && e.ticketId === receipt.ticketId)
    expect(issued).toMatchObject({ estimate: receipt.estimate })
  })

  it('answers a retried tap with the same ticket, and what its status page says matches the receipt', async () => {
    f = await HubFixture.start()
    const kiosk = await f.pair('kiosk', await f.manager())
    const first = (await f.issue(kiosk, 'desk-tap-3')).body
    const again = (await f.issue(kiosk, 'desk-tap-3')).body
    expect(again).toMatchObject({ ticketId: first.ticketId, repeated: true, print: first.print })
    const key = first.statusPath.split('k=')[1] as string
    const status = await f.request<{ peopleAhead: number; shown: unknown }>(
      'GET',
      `/api/v1/tickets/${encodeURIComponent(first.ticketId)}/status?k=${key}`,
    )
    expect(status.body.peopleAhead).toBe(first.peopleAhead)
  })
})

describe('IssueLedger', () => {
  const day = (date: string): QueueEvent => ({ type: 'dayOpened', date, seq: 1, at: 0 })
  const issued = (id: string): QueueEvent => ({
    type: 'ticketIssued',
    ticketId: ticketId(id),
    number: 'A001',
    issueSeq: 1,
    serviceId: 'personal' as never,
    priorityClassId: null,
    language: 'en',
    appointmentAt: null,
    estimate: null,
    seq: 2,
    at: 1,
  })
  const command = {
    type: 'issueTicket',
    serviceId: 'personal' as never,
    priorityClassId: null,
    language: 'en',
    appointmentAt: null,
    estimate: null,
  } as const
  const actor = { kind: 'system', reason: 'test' } as const

  it('knows the keys of the day it was told, and forgets them when a new day opens', () => {
    const ledger = new IssueLedger()
    ledger.record({ e: day('2026-11-24'), m: { actor } })
    ledger.record({ e: issued('t1'), m: { actor, key: 'k1' } })
    expect(ledger.earlier('k1', command)).toMatchObject({ ticketId: 't1' })
    expect(ledger.earlier('k2', command)).toBeNull()
    expect(ledger.earlier(undefined, command)).toBeNull()
    ledger.record({ e: day('2026-11-25'), m: { actor } })
    expect(ledger.earlier('k1', command)).toBeNull()
  })

  it('refuses a key reused for another request', () => {
    const ledger = new IssueLedger()
    ledger.record({ e: issued('t1'), m: { actor, key: 'k1' } })
    expect(() => ledger.earlier('k1', { ...command, language: 'zh-CN' })).toThrow(IdempotencyKeyReused)
    // The estimate shown may differ between a tap and its retry: still the same request.
    expect(ledger.earlier('k1', { ...command, estimate: { mean: 1, p10: 0, p50: 1, p90: 2 } })).not.toBeNull()
  })

  it('prints once and tells a retry how that print went', async () => {
    const ledger = new IssueLedger()
    let prints = 0
    const outcome = await ledger.print(ticketId('t1'), async () => {
      prints++
      return { kind: 'failed', problem: 'paperOut', detail: 'paper out' }
    })
    expect(outcome).toEqual({ kind: 'failed', problem: 'paperOut', detail: 'paper out' })
    expect(await ledger.printOf(ticketId('t1'))).toEqual(outcome)
    expect(prints).toBe(1)
  })
})
