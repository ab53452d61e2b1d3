import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiError } from '../../shared/api/views'
import type { FeedbackRecord } from '../../shared/feedback/feedback'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

/**
 * The audit's findings on feedback (docs/reports.md): a reply is recorded once, feedback names
 * only tickets the hub knows, and blank words are refused as the manager's forms refuse them.
 */
let f: HubFixture
let manager: string
let kiosk: string
beforeEach(async () => {
  // Friday 2026-11-27, 10:00 in Beijing
  f = await HubFixture.start({}, undefined, new FakeClock(Date.UTC(2026, 10, 27, 2)))
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
})
afterEach(async () => {
  await f.stop()
})

const list = async (): Promise<FeedbackRecord[]> =>
  (await f.request<{ records: FeedbackRecord[] }>('GET', '/api/v1/feedback', undefined, manager)).body.records

async function complaint(ticketId: string | null = null, text = 'slow'): Promise<FeedbackRecord> {
  const r = await f.request<FeedbackRecord>('POST', '/api/v1/feedback', { ticketId, kind: 'complaint', text }, kiosk)
  expect(r.status).toBe(200)
  return r.body
}

const resolve = (id: string, resolution: string) =>
  f.request<FeedbackRecord & ApiError>('POST', `/api/v1/feedback/${id}/resolve`, { resolution }, manager)

describe('resolving feedback', () => {
  it('refuses a second, different reply with 409 and keeps the first reply and its time', async () => {
    const c = await complaint()
    f.clock.advance(600)
    const first = await resolve(c.id, 'called back')
    expect(first.status).toBe(200)
    f.clock.advance(5 * 86_400) // past the deadline: moving resolvedAt here would make the reply late
    manager = await f.manager() // the first sign-in has expired by now
    const second = await resolve(c.id, 'something else')
    expect(second.status).toBe(409)
    expect(second.body).toMatchObject({ code: 'feedbackResolved', field: 'params.feedbackId' })
    // when it was answered (Beijing time) and what was said
    expect(second.body.message).toContain('2026-11-27 10:10:00')
    expect(second.body.message).toContain('called back')
    const [stored] = await list()
    expect(stored).toMatchObject({
      resolution: 'called back',
      resolvedAt: first.body.resolvedAt,
      status: 'resolvedOnTime',
    })
  })

  it('keeps who replied and when in the record, answers them, and still has them after a restart', async () => {
    const c = await complaint()
    expect(c).not.toHaveProperty('resolvedBy')
    f.clock.advance(900)
    const r = await resolve(c.id, 'called back')
    expect(r.body).toMatchObject({ resolvedBy: 'm01', resolvedAt: f.clock.now(), resolution: 'called back' })
    expect((await list())[0]).toMatchObject({ resolvedBy: 'm01', resolvedAt: f.clock.now() })
    const again = await resolve(c.id, 'something else')
    expect(again.body.message).toContain('by m01')
    await f.restart()
    manager = await f.manager()
    expect((await list())[0]).toMatchObject({ resolvedBy: 'm01', resolvedAt: r.body.resolvedAt })
  })

  it('answers the same reply sent again (a retry after a lost answer) with the record unchanged', async () => {
    const c = await complaint()
    const first = await resolve(c.id, 'called back')
    f.clock.advance(30)
    const retry = await resolve(c.id, 'called back')
    expect(retry.status).toBe(200)
    expect(retry.body).toEqual(first.body)
  })

  it('refuses a blank reply and leaves the record open', async () => {
    const c = await complaint()
    const blank = await resolve(c.id, ' \u3000\n ')
    expect(blank.status).toBe(400)
    expect(blank.body).toMatchObject({ code: 'resolutionRequired', field: 'body.resolution' })
    expect((await list())[0]).toMatchObject({ resolvedAt: null, resolution: null, status: 'open' })
  })
})

describe('submitting feedback', () => {
  const submit = (ticketId: string | null, text = 'slow') =>
    f.request<ApiError>('POST', '/api/v1/feedback', { ticketId, kind: 'complaint', text }, kiosk)

  it("refuses with 422 a ticket id the hub never issued, today's or another day's", async () => {
    const ticketId = (await f.issue(kiosk, 'feedback-tap-1')).body.ticketId
    expect(ticketId).toBe('20261127-A001')
    await complaint(ticketId)
    for (const [id, says] of [
      ['20261127-Z999', 'was issued on 2026-11-27'],
      ['20251207-A001', 'no journal of 2025-12-07'],
      ['20261130-A001', 'still to come'],
      ['not-a-ticket', 'is not a ticket id'],
    ] as const) {
      const r = await submit(id)
      expect(r.status, id).toBe(422)
      expect(r.body, id).toMatchObject({ code: 'unknownTicket', field: 'body.ticketId' })
      expect(r.body.message, id).toContain(says)
    }
    expect((await list()).map((r) => r.ticketId)).toEqual([ticketId])
  })

  it('takes feedback on a ticket of an earlier day whose journal the hub keeps', async () => {
    const ticketId = (await f.issue(kiosk, 'feedback-tap-1')).body.ticketId
    expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    f.clock.advance(3 * 86_400) // Monday: the customer phones in about Friday's visit
    manager = await f.manager()
    expect((await submit(ticketId)).status).toBe(200)
    expect((await submit('20261127-A002')).status).toBe(422)
    expect((await list()).map((r) => r.ticketId)).toEqual([ticketId])
  })

  it('refuses blank text and stores nothing', async () => {
    const r = await submit(null, '  \t ')
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ code: 'textRequired', field: 'body.text' })
    expect(await list()).toEqual([])
  })
})
