import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiError, CommandAck } from '../../shared/api/views'
import type { QueueSnapshot } from '../../shared/api/views'
import { HubFixture } from './support/hubFixture'

/** Delay explanations posted over the API: both languages written, a counter's tap idempotent. */
let f: HubFixture
let manager: string
let teller: string
beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  teller = await f.teller(1)
  expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
})
afterAll(async () => {
  await f.stop()
})

const delays = async () =>
  Object.values((await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.delays)

describe('announcing a delay', () => {
  it('refuses a message blank in one language, naming that language, and posts nothing', async () => {
    const before = await delays()
    for (const [message, field] of [
      [{ 'zh-CN': '系统维护,请稍候', en: '' }, 'body.message.en'],
      [{ 'zh-CN': ' \u3000', en: 'System maintenance' }, 'body.message.zh-CN'],
      [{ 'zh-CN': ' ', en: ' ' }, 'body.message.zh-CN'],
    ] as const) {
      const r = await f.request<ApiError>('POST', '/api/v1/delays', { scope: { kind: 'branch' }, message }, manager)
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ code: 'reasonRequired', field })
    }
    expect(await delays()).toEqual(before)
  })
})

describe("a counter's explain tap", () => {
  it('answers a second tap with the explanation already shown, and shows it once', async () => {
    const first = await f.request<CommandAck>(
      'POST',
      '/api/v1/counters/c1/explain',
      { kind: 'complexBusiness' },
      teller,
    )
    expect(first.status).toBe(200)
    expect(first.body.event).toMatchObject({ type: 'delayAnnounced', delayId: 'teller:complexBusiness:c1' })
    f.clock.advance(30)
    const again = await f.request<CommandAck>(
      'POST',
      '/api/v1/counters/c1/explain',
      { kind: 'complexBusiness' },
      teller,
    )
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect((await delays()).filter((d) => d.id === 'teller:complexBusiness:c1')).toHaveLength(1)
  })

  it('posts the explanation anew once the earlier one was cleared', async () => {
    const cleared = await f.request('DELETE', '/api/v1/delays/teller:complexBusiness:c1', undefined, manager)
    expect(cleared.status).toBe(200)
    const r = await f.request<CommandAck>('POST', '/api/v1/counters/c1/explain', { kind: 'complexBusiness' }, teller)
    expect(r.status).toBe(200)
    expect(r.body.event.seq).toBeGreaterThan(0)
    const shown = (await delays()).find((d) => d.id === 'teller:complexBusiness:c1')
    expect(shown).toMatchObject({ endedAt: null, startedAt: r.body.event.at })
  })
})
