import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { WebSocketServer } from 'ws'
import type { AddressInfo } from 'node:net'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { QueueSnapshot } from '../../../shared/api/views'
import type { TicketId } from '../../../shared/domain/ids'
import { getTicket, type QueueState } from '../../../shared/queue/state'
import { useQueueStore } from '../../../renderer/src/stores/queue'
import { HubFixture } from '../../hub/support/hubFixture'
import { Cable } from './support/cable'
import { asPage, leavePage, until } from './support/page'

let store: ReturnType<typeof useQueueStore> | null = null
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  store?.disconnect()
  store = null
  leavePage()
})

describe('the queue store against a real hub', () => {
  let f: HubFixture
  beforeEach(async () => {
    f = await HubFixture.start()
  })
  afterEach(async () => {
    await f.stop()
  })

  it('starts from the snapshot and folds every committed event to the hub’s own state', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    asPage(f.url)
    store = useQueueStore()
    store.connect(() => manager)
    await until('the snapshot', () => store?.state != null)
    expect(store.status).toBe('online')
    for (let i = 0; i < 5; i++) await f.issue(kiosk, `store-tap-${i}`)
    const hub = await f.request<{ state: { lastSeq: number } }>('GET', '/api/v1/queue', undefined, manager)
    await until('the last event', () => store?.state?.lastSeq === hub.body.state.lastSeq)
    expect(store.state).toEqual(hub.body.state)
  })

  it('takes the snapshot of a hub whose journal ends before what it folded (after a power cut)', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    asPage(f.url)
    store = useQueueStore()
    store.connect(() => manager)
    for (let i = 0; i < 3; i++) await f.issue(kiosk, `cut-tap-${i}`)
    const before = (await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)).body.state.lastSeq
    await until('the last event', () => store?.state?.lastSeq === before)

    // The cut took the journal's last two lines; the hub comes back on the same address.
    const port = Number(new URL(f.url).port)
    await f.hub.close()
    const days = (await readdir(join(f.dataDir, 'journal'))).filter((n) => n.endsWith('.jsonl')).sort()
    const journal = join(f.dataDir, 'journal', days.at(-1) ?? '')
    const lines = (await readFile(journal, 'utf8')).split('\n').filter((l) => l !== '')
    await writeFile(journal, `${lines.slice(0, -2).join('\n')}\n`)
    await f.restart({ port })

    await until('the hub’s snapshot', () => store?.state?.lastSeq === before - 2)
    const hub = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    expect(store.state).toEqual(hub.body.state)
    // And it follows on from there.
    await f.issue(kiosk, 'cut-tap-after')
    const after = await f.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
    await until('the next event', () => store?.state?.lastSeq === after.body.state.lastSeq)
    expect(store.state).toEqual(after.body.state)
  })

  it('takes a snapshot after a power cut that cost the hub events it has numbered again since', async () => {
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    const cable = await Cable.to(f.url)
    try {
      asPage(cable.url)
      store = useQueueStore()
      store.connect(() => kiosk)
      await until('the snapshot', () => store?.state != null)
      for (let i = 0; i < 3; i++) await f.issue(kiosk, `cut-tap-${i}`)
      expect((await f.request('POST', '/api/v1/counters/c1/open', {}, teller)).status).toBe(200)
      const call = await f.request<{ event: { seq: number; ticketId: string } }>(
        'POST',
        '/api/v1/counters/c1/call-next',
        {},
        teller,
      )
      expect(call.status).toBe(200)
      const seen = call.body.event.seq
      await until('the call', () => store?.state?.lastSeq === seen)

      // The power cut: the terminal loses the hub, which never stops cleanly, and its journal loses
      // its last two lines (the counter's opening and the call the terminal has folded).
      cable.pull()
      await f.cutPower(2)

      // Before the terminal is back, the hub commits the lost seqs again and goes past them.
      for (let i = 3; i < 6; i++) await f.issue(kiosk, `cut-tap-${i}`)
      const hub = await f.request<{ state: QueueState }>('GET', '/api/v1/queue', undefined, manager)
      expect(hub.body.state.lastSeq).toBe(seen + 1)
      // The hub no longer knows the call: that ticket waits again.
      const called = call.body.event.ticketId as TicketId
      expect(getTicket(hub.body.state, called)?.status).toBe('waiting')
      expect(getTicket(store.state as QueueState, called)?.status).toBe('called')
      cable.plug(f.url)

      await until('the hub’s state', () => store?.state?.lastSeq === hub.body.state.lastSeq, 15_000)
      expect(store.state).toEqual(hub.body.state)
    } finally {
      await cable.close()
    }
  }, 30_000)
})

describe('the queue store against a hub that skips or damages a message', () => {
  let server: WebSocketServer
  let hellos: { lastSeq: number | null }[]
  let script: (socket: WebSocket, helloIndex: number) => void
  const snapshot = (lastSeq: number) => ({
    type: 'snapshot',
    snapshot: { serverNow: Date.now(), journal: 'j1', estimates: null, state: { ...EMPTY, lastSeq } },
  })
  const EMPTY = { date: '2026-12-05', dayOpen: true, tickets: {}, order: [], counters: {}, delays: {}, issueSeq: {} }
  const cleared = (seq: number) => ({
    type: 'event',
    event: { type: 'delayCleared', seq, at: Date.now(), delayId: 'd1' },
  })

  beforeEach(async () => {
    hellos = []
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        const hello = JSON.parse(String(data)) as { lastSeq: number | null }
        hellos.push(hello)
        script(socket, hellos.length - 1)
      })
    })
    await new Promise<void>((r) => server.once('listening', () => r()))
    asPage(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  })
  afterEach(async () => {
    for (const c of server.clients) c.terminate()
    await new Promise<void>((r) => server.close(() => r()))
  })

  it('never folds over a gap: it reconnects and says hello with the last seq it folded', async () => {
    script = (socket, i) => {
      if (i === 0) {
        socket.send(JSON.stringify(snapshot(10)))
        // 12 after 10: event 11 never arrived
        socket.send(JSON.stringify(cleared(12)))
      } else socket.send(JSON.stringify(snapshot(12)))
    }
    store = useQueueStore()
    store.connect(() => 'token')
    await until('the second hello', () => hellos.length >= 2)
    expect(hellos[0]?.lastSeq).toBeNull()
    expect(hellos[1]?.lastSeq).toBe(10)
    await until('the fresh snapshot', () => store?.state?.lastSeq === 12)
  })

  it('drops a damaged message without folding it, and folds the next good one', async () => {
    script = (socket) => {
      socket.send(JSON.stringify(snapshot(3)))
      socket.send(JSON.stringify({ type: 'event', event: { type: 'delayCleared', seq: 4, at: 1 } }))
      socket.send('{"type":')
      socket.send(JSON.stringify({ type: 'tick', serverNow: Date.now() }))
    }
    const errors: string[] = []
    const original = console.error
    console.error = (m: unknown) => errors.push(String(m))
    try {
      store = useQueueStore()
      store.connect(() => 'token')
      await until('the two problems to be logged', () => errors.length >= 2)
    } finally {
      console.error = original
    }
    expect(store.state?.lastSeq).toBe(3)
    expect(errors[0]).toMatch(/event\.delayId: is required/)
    expect(errors[1]).toMatch(/not JSON/)
    // The damaged event left a gap, so the next event (4 again, whole this time) is folded.
    const socket = [...server.clients][0] as WebSocket
    socket.send(JSON.stringify(cleared(4)))
    await until('the good event', () => store?.state?.lastSeq === 4)
  })
})
