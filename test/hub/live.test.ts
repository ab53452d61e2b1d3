import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LiveMessage } from '../../shared/api/live'
import type { QueueSnapshot } from '../../shared/api/views'
import { applyEvent } from '../../shared/queue/applyEvent'
import type { QueueState } from '../../shared/queue/state'
import { HubFixture } from './support/hubFixture'

let f: HubFixture
let manager: string
let kiosk: string

beforeEach(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
})
afterEach(async () => {
  await f.stop()
})

let taps = 0
const issue = () => f.issue(kiosk, `live-tap-${++taps}`)
const seqNow = async () => (await f.request<{ seq: number }>('GET', '/api/v1/health')).body.seq

/** What a terminal does: start from the snapshot and fold every event with the shared engine. */
function fold(messages: readonly LiveMessage[], from: QueueState | null): QueueState | null {
  let state = from
  for (const m of messages) {
    if (m.type === 'snapshot') state = m.snapshot.state
    if (m.type === 'event' && state !== null) state = applyEvent(state, m.event)
  }
  return state
}

/** The journal a terminal's seq is in: its snapshot's, or the last `resumed` message's. */
function journalOf(messages: readonly LiveMessage[]): string | null {
  let journal: string | null = null
  for (const m of messages) {
    if (m.type === 'snapshot') journal = m.snapshot.journal
    if (m.type === 'resumed') journal = m.journal
  }
  return journal
}

describe('the live channel', () => {
  it('starts a fresh terminal from a snapshot, then pushes every event, estimates and device status', async () => {
    const live = await f.live(kiosk, null)
    await live.until((ms) => ms.some((m) => m.type === 'snapshot'), 'snapshot')
    expect(live.messages.map((m) => m.type).slice(0, 3)).toEqual(['snapshot', 'estimates', 'devices'])
    await issue()
    await issue()
    await live.until((ms) => ms.filter((m) => m.type === 'event').length === 2, 'two events')
    await live.until(
      (ms) => ms.some((m) => m.type === 'estimates' && Object.keys(m.estimates.shown.tickets).length === 2),
      'estimates of both',
    )
    const hub = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(fold(live.messages, null)).toEqual(hub.body.state)
    live.close()
  })

  it('resyncs a reconnecting terminal with exactly the events it missed', async () => {
    const first = await f.live(kiosk, null)
    await issue()
    await first.until((ms) => ms.some((m) => m.type === 'event'), 'an event')
    const seen = first.eventSeqs()
    const state = fold(first.messages, null)
    const journal = journalOf(first.messages)
    first.close()

    await issue()
    await issue()
    await issue()
    const lastSeen = seen[seen.length - 1] as number
    const again = await f.live(kiosk, lastSeen, journal)
    const target = await seqNow()
    await again.until((ms) => ms.some((m) => m.type === 'event' && m.event.seq === target), 'the missed events')
    expect(again.messages.some((m) => m.type === 'snapshot')).toBe(false)
    expect(again.eventSeqs()).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3])
    await issue()
    await again.until((ms) => ms.some((m) => m.type === 'event' && m.event.seq === target + 1), 'a live event')
    expect(again.eventSeqs()).toEqual([lastSeen + 1, lastSeen + 2, lastSeen + 3, lastSeen + 4])
    const hub = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(fold(again.messages, state)).toEqual(hub.body.state)
    again.close()
  })

  it('sends a snapshot when the terminal’s seq is not in today’s events (another day, another hub)', async () => {
    await issue()
    const live = await f.live(kiosk, 10_000)
    await live.until((ms) => ms.some((m) => m.type === 'snapshot'), 'snapshot')
    expect(live.eventSeqs()).toEqual([])
    live.close()
  })

  it('survives a clean hub restart: the terminal reconnects and resyncs from its seq, under the new journal', async () => {
    const live = await f.live(kiosk, null)
    await issue()
    await live.until((ms) => ms.some((m) => m.type === 'event'), 'an event')
    const lastSeen = Math.max(...live.eventSeqs())
    const before = journalOf(live.messages)
    await f.restart()
    await issue()
    const again = await f.live(kiosk, lastSeen, before)
    await again.until((ms) => ms.some((m) => m.type === 'event'), 'the event after restart')
    expect(again.messages[0]?.type).toBe('resumed')
    expect(again.eventSeqs()).toEqual([lastSeen + 1])
    // The next reconnection names this run's journal: the old one was handed on only up to its end.
    const after = journalOf(again.messages)
    expect(after).not.toBe(before)
    expect(after).toBe((await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.journal)
    again.close()
  })

  it('sends a snapshot to a terminal whose seq the hub lost in a power cut and has committed again since', async () => {
    const live = await f.live(kiosk, null)
    await issue()
    await issue()
    await live.until(() => live.eventSeqs().length === 2, 'two events')
    const lastSeen = Math.max(...live.eventSeqs())
    const journal = journalOf(live.messages)
    live.close()
    await f.cutPower(2)
    // The hub numbers its new events with the lost seqs, and goes past them.
    await issue()
    await issue()
    await issue()
    expect(await seqNow()).toBe(lastSeen + 1)
    const again = await f.live(kiosk, lastSeen, journal)
    await again.until((ms) => ms.some((m) => m.type === 'snapshot'), 'a snapshot')
    expect(again.eventSeqs()).toEqual([])
    const hub = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(fold(again.messages, null)).toEqual(hub.body.state)
    expect(journalOf(again.messages)).toBe(hub.body.journal)
    again.close()
  })

  it('refuses the events route a seq of a journal the hub lost in a power cut, naming query.journal', async () => {
    await issue()
    await issue()
    const before = await f.request<{ journal: string; events: { seq: number }[] }>(
      'GET',
      '/api/v1/events?since=0',
      undefined,
      manager,
    )
    expect(before.status).toBe(200)
    const lastSeen = before.body.events.at(-1)?.seq as number
    const read = (journal: string) =>
      f.request<{ journal: string; field?: string; code?: string; message: string }>(
        'GET',
        `/api/v1/events?since=${lastSeen}&journal=${journal}`,
        undefined,
        manager,
      )
    expect((await read(before.body.journal)).body).toEqual({ journal: before.body.journal, events: [] })
    await f.cutPower(2)
    await issue()
    await issue()
    await issue()
    const after = await read(before.body.journal)
    // Gone for good (410, not 404): the answer names where to start again, the hub's snapshot.
    expect(after.status).toBe(410)
    const now = await f.request<{ journal: string; state: { lastSeq: number } }>(
      'GET',
      '/api/v1/queue',
      undefined,
      manager,
    )
    expect(after.body).toMatchObject({
      code: 'eventsGone',
      field: 'query.journal',
      resyncFrom: { path: '/api/v1/queue', journal: now.body.journal, seq: now.body.state.lastSeq },
    })
    expect(after.body.message).toContain(`read the snapshot at /api/v1/queue (journal '${now.body.journal}'`)
    // The answer's journal is the one to name next time.
    expect((await read(now.body.journal)).status).toBe(200)
  })

  it('sends a snapshot after a clean stop when the journal no longer ends where it stopped (a restored backup)', async () => {
    const live = await f.live(kiosk, null)
    await issue()
    await issue()
    await live.until(() => live.eventSeqs().length === 2, 'two events')
    const lastSeen = Math.max(...live.eventSeqs())
    const journal = journalOf(live.messages)
    live.close()
    await f.cutPower(1, { clean: true })
    await issue()
    await issue()
    const again = await f.live(kiosk, lastSeen, journal)
    await again.until((ms) => ms.some((m) => m.type === 'snapshot'), 'a snapshot')
    expect(again.eventSeqs()).toEqual([])
    again.close()
  })

  it('sends a snapshot to a hello that names a seq without its journal (an older terminal)', async () => {
    await issue()
    const live = await f.live(kiosk, await seqNow())
    await live.until((ms) => ms.some((m) => m.type === 'snapshot'), 'a snapshot')
    live.close()
  })

  it.each([
    ['no token', JSON.stringify({ type: 'hello', token: null, lastSeq: null }), 'unauthenticated'],
    ['a wrong token', JSON.stringify({ type: 'hello', token: 'x'.repeat(43), lastSeq: null }), 'unauthenticated'],
    ['a hello that is not JSON', 'hello?', 'badHello'],
    ['a hello of the wrong shape', JSON.stringify({ type: 'hi', lastSeq: 'x' }), 'badHello'],
  ])('refuses %s and closes', async (_what, hello, code) => {
    const { default: WebSocket } = await import('ws')
    const ws = new WebSocket(`${f.url.replace('http', 'ws')}/api/v1/live`)
    const got: string[] = []
    const closed = new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)))
    ws.on('message', (m) => got.push(String(m)))
    ws.on('open', () => ws.send(hello))
    expect(await closed).toBe(4001)
    expect(JSON.parse(got[0] as string)).toMatchObject({ type: 'error', code })
  })
})

describe('cutting a terminal off (the heartbeat every 15 s plays no part)', () => {
  /** Revokes or signs out, then keeps the queue moving: nothing of it may reach the old channel. */
  async function cutOff(live: Awaited<ReturnType<HubFixture['live']>>, revoke: () => Promise<number>) {
    await live.until((ms) => ms.some((m) => m.type === 'snapshot'), 'the snapshot')
    const before = live.messages.length
    expect(await revoke()).toBe(200)
    const revokedAt = Date.now()
    for (let i = 0; i < 3; i++) expect((await issue()).status).toBe(200)
    await live.until(() => live.closed !== null, 'the channel to close')
    expect(live.closed?.code).toBe(4001)
    // Within a second, as the README promises (the audit saw 11–14 s and a dozen events more).
    expect(Date.now() - revokedAt).toBeLessThan(1000)
    const after = live.messages.slice(before)
    expect(after).toEqual([
      { type: 'error', code: 'unauthenticated', message: 'This session or terminal is no longer valid' },
    ])
  }

  it('closes a revoked kiosk’s channel at once; no event after the revocation reaches it', async () => {
    const live = await f.live(kiosk, null)
    const list = await f.request<{ terminals: { id: string; revokedAt: number | null }[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    const spare = list.body.terminals.find((t) => t.revokedAt === null)
    await cutOff(live, async () => {
      const r = await f.request('DELETE', `/api/v1/paired-terminals/${spare?.id}`, undefined, manager)
      // The revoked kiosk was the one issuing: the tests issue as a second kiosk from here on.
      kiosk = await f.pair('kiosk', manager)
      return r.status
    })
  })

  it('closes a signed-out teller’s channel at once', async () => {
    const teller = await f.teller(1)
    const live = await f.live(teller, null)
    await cutOff(live, async () => (await f.request('DELETE', '/api/v1/sessions/current', undefined, teller)).status)
  })
})

describe('the live channel’s heartbeat', () => {
  beforeEach(async () => {
    // A fast heartbeat (the hub's default is 15 s) on a hub of its own.
    await f.stop()
    f = await HubFixture.start({ liveHeartbeatMs: 100 })
    manager = await f.manager()
    kiosk = await f.pair('kiosk', manager)
  })

  it('tells every terminal the hub’s time, so screens count waits on the hub’s clock', async () => {
    const live = await f.live(kiosk, null)
    await live.until((ms) => ms.filter((m) => m.type === 'tick').length >= 3, 'three ticks')
    const tick = live.messages.find((m) => m.type === 'tick')
    expect(tick).toEqual({ type: 'tick', serverNow: f.clock.now() })
    // The terminal answered every ping, so it is still connected.
    expect(live.closed).toBeNull()
    live.close()
  })

  it('closes the channel of a terminal revoked while connected, saying why', async () => {
    const live = await f.live(kiosk, null)
    await live.until((ms) => ms.some((m) => m.type === 'tick'), 'a tick')
    const list = await f.request<{ terminals: { id: string; revokedAt: number | null }[] }>(
      'GET',
      '/api/v1/paired-terminals',
      undefined,
      manager,
    )
    const target = list.body.terminals.find((t) => t.revokedAt === null)
    expect((await f.request('DELETE', `/api/v1/paired-terminals/${target?.id}`, undefined, manager)).status).toBe(200)
    await live.until(() => live.closed !== null, 'the channel to close')
    expect(live.closed?.code).toBe(4001)
    expect(live.messages.at(-1)).toMatchObject({ type: 'error', code: 'unauthenticated' })
    // Nothing committed after the revocation reaches it.
    const before = live.messages.length
    await issue()
    await new Promise((r) => setTimeout(r, 300))
    expect(live.messages).toHaveLength(before)
  })

  it('closes the channel of a teller who signed out on another screen', async () => {
    const teller = await f.teller(1)
    const live = await f.live(teller, null)
    await live.until((ms) => ms.some((m) => m.type === 'snapshot'), 'the snapshot')
    expect((await f.request('DELETE', '/api/v1/sessions/current', undefined, teller)).status).toBe(200)
    await live.until(() => live.closed !== null, 'the channel to close')
    expect(live.closed?.code).toBe(4001)
  })
})
