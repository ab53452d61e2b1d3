import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
let manager: string
let lastSeq = 0
beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  const kiosk = await f.pair('kiosk', manager)
  await f.issue(kiosk, 'since-tap-1')
  await f.issue(kiosk, 'since-tap-2')
  lastSeq = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.lastSeq
})
afterAll(async () => {
  await f.stop()
})

const events = (since: number) =>
  f.request<{ events: { seq: number }[] } & ApiError>('GET', `/api/v1/events?since=${since}`, undefined, manager)

describe('GET /api/v1/events', () => {
  it('answers the events after a seq, and none after the last one', async () => {
    expect((await events(lastSeq - 1)).body.events.map((e) => e.seq)).toEqual([lastSeq])
    const none = await events(lastSeq)
    expect(none.status).toBe(200)
    expect(none.body.events).toEqual([])
  })

  it.each([1, 5])(
    'answers a seq the hub has not reached (%i past its last) as ahead of its journal, not gone',
    async (past) => {
      const r = await events(lastSeq + past)
      expect(r.status).toBe(409)
      expect(r.body).toMatchObject({ code: 'eventsAhead', field: 'query.since' })
      expect(r.body.message).toContain(`journal ends at seq ${lastSeq}`)
      expect(r.body.message).toMatch(/take a snapshot \(GET \/api\/v1\/queue\)/)
    },
  )
})
