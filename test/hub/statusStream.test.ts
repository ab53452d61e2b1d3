import { afterEach, describe, expect, it } from 'vitest'
import type { TicketStatusView } from '../../shared/api/views'
import { ticketStatusStreamPath } from '../../shared/api/live'
import { HubFixture } from './support/hubFixture'

let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

/** Reads Server-Sent Events from a real HTTP response, one `data:` message at a time. */
async function* messages(body: ReadableStream<Uint8Array>): AsyncGenerator<TicketStatusView> {
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true })
    let cut: number
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 2)
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n')
      if (data !== '') yield JSON.parse(data) as TicketStatusView
    }
  }
}

describe('the live status stream', () => {
  it('pushes a ticket’s view at once and again when it is called, in the ticket’s language', async () => {
    f = await HubFixture.start()
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const receipt = (await f.issue(kiosk, 'stream-tap-1', { language: 'zh-CN' })).body
    const key = receipt.statusPath.split('k=')[1] as string
    const controller = new AbortController()
    const res = await fetch(`${f.url}${ticketStatusStreamPath(receipt.ticketId, key)}`, { signal: controller.signal })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const stream = messages(res.body!)
    const first = (await stream.next()).value as TicketStatusView
    expect(first).toMatchObject({ number: receipt.number, status: 'waiting', language: 'zh-CN', calls: 0 })
    const teller = await f.teller(1)
    await f.request('POST', '/api/v1/counters/c1/open', {}, teller)
    await f.request('POST', '/api/v1/counters/c1/call-next', {}, teller)
    let next = (await stream.next()).value as TicketStatusView
    while (next.status === 'waiting') next = (await stream.next()).value as TicketStatusView
    expect(next).toMatchObject({ status: 'called', counterNumber: 1, calls: 1 })
    // A recall waits the branch's interval since the call (20 s by default).
    f.clock.advance(20)
    expect((await f.request('POST', '/api/v1/counters/c1/recall', {}, teller)).status).toBe(200)
    expect((await stream.next()).value).toMatchObject({ status: 'called', calls: 2 })
    controller.abort()
  })

  it('answers an unknown ticket or a wrong key with the same 404 and no stream', async () => {
    f = await HubFixture.start()
    const kiosk = await f.pair('kiosk', await f.manager())
    const receipt = (await f.issue(kiosk, 'stream-tap-2')).body
    const wrong = await fetch(`${f.url}${ticketStatusStreamPath(receipt.ticketId, 'wrongwrongwrong1')}`)
    expect(wrong.status).toBe(404)
    expect(await wrong.json()).toMatchObject({ code: 'unknownTicket' })
    const bad = await fetch(`${f.url}${ticketStatusStreamPath(receipt.ticketId, 'x')}`)
    expect(bad.status).toBe(400)
  })
})
