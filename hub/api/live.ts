import type { FastifyInstance } from 'fastify'
import type { WebSocket } from 'ws'
import { Compile } from 'typebox/compile'
import { LiveHelloSchema, type LiveMessage } from '../../shared/api/live'
import { principalOf } from './access'
import type { HubContext } from './context'
import { snapshot } from './routes/systemRoutes'

const checkHello = Compile(LiveHelloSchema)
const HELLO_TIMEOUT_MS = 5000
/** A terminal this far behind is cut off; it reconnects and resyncs from its last seq. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState !== socket.OPEN) return
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(4008, 'too far behind; reconnect to resync')
    return
  }
  socket.send(text)
}

/**
 * `/api/v1/live`: after a valid hello, the terminal gets what it missed since its last seq when
 * that seq is in this hub's journal (`resumed`, then the events), or else a snapshot, then every committed event, fresh estimates and device status. Resync and
 * joining the broadcast happen in one turn of the event loop, so no event can fall between
 * them. Each broadcast message is serialised once for all terminals.
 */
export function registerLive(app: FastifyInstance, ctx: HubContext, heartbeatMs = 15_000): void {
  /** Each terminal, its token, the seq it was resynced to, and whether it answered the last ping. */
  const terminals = new Map<WebSocket, { token: string; joinedAt: number; alive: boolean }>()
  // Pushes go out after the current turn, so the answer to the command that caused them is
  // written first: the teller who pressed the key is not kept waiting by 60 screens.
  let outbox: { text: string; seq: number | null }[] = []
  const flush = (): void => {
    const items = outbox
    outbox = []
    for (const [socket, t] of terminals) {
      // A terminal that said hello after an event was committed already had it in its resync.
      for (const item of items) if (item.seq === null || item.seq > t.joinedAt) sendText(socket, item.text)
    }
  }
  const broadcast = (m: LiveMessage): void => {
    if (terminals.size === 0) return
    if (outbox.length === 0) setImmediate(flush)
    outbox.push({ text: JSON.stringify(m), seq: m.type === 'event' ? m.event.seq : null })
  }
  /**
   * Closes the channel of every terminal whose token no longer holds (signed out, revoked,
   * expired), saying why; nothing broadcast after this reaches it.
   */
  const cutOff = (): void => {
    for (const [socket, t] of terminals) {
      if (principalOf(ctx, t.token) !== null) continue
      sendText(
        socket,
        JSON.stringify({
          type: 'error',
          code: 'unauthenticated',
          message: 'This session or terminal is no longer valid',
        } satisfies LiveMessage),
      )
      terminals.delete(socket)
      socket.close(4001, 'unauthenticated')
    }
  }
  // Every 15 s: drop terminals that stopped answering pings (a half-open connection after a
  // power cut) and those whose session expired, and tell the rest we are here.
  const heartbeat = setInterval(() => {
    cutOff()
    const tick = JSON.stringify({ type: 'tick', serverNow: ctx.clock.now() } satisfies LiveMessage)
    for (const [socket, t] of terminals) {
      if (!t.alive) {
        terminals.delete(socket)
        socket.terminate()
        continue
      }
      t.alive = false
      socket.ping()
      sendText(socket, tick)
    }
  }, heartbeatMs)
  heartbeat.unref()
  let lastShown = ''
  const stops = [
    ctx.host.subscribe((event) => broadcast({ type: 'event', event })),
    ctx.estimates.onChange((e) => {
      // Most re-estimates change nothing a customer sees; those are not pushed.
      const shown = JSON.stringify(e.shown)
      if (shown === lastShown) return
      lastShown = shown
      broadcast({ type: 'estimates', estimates: { seq: e.seq, shown: e.shown } })
    }),
    ctx.devices.onChange((devices) => broadcast({ type: 'devices', devices })),
    // A sign-out or a revocation cuts the channel at once, not at the next heartbeat.
    ctx.sessions.onEnd(cutOff),
    ctx.paired.onRevoke(cutOff),
  ]
  app.addHook('onClose', async () => {
    clearInterval(heartbeat)
    for (const stop of stops) stop()
  })

  // When many terminals (re)connect together — after a hub restart, say — they share one
  // serialised snapshot: the day's state is large, and it is the same for all of them.
  let snapshotText: { key: string; text: string } | null = null
  const snapshotFor = (): string => {
    const key = `${ctx.host.current.lastSeq}:${Math.floor(ctx.clock.now() / 1000)}`
    if (snapshotText?.key !== key)
      snapshotText = { key, text: JSON.stringify({ type: 'snapshot', snapshot: snapshot(ctx) }) }
    return snapshotText.text
  }

  app.get('/api/v1/live', { websocket: true, schema: { hide: true } }, (socket: WebSocket) => {
    const send = (m: LiveMessage): void => sendText(socket, JSON.stringify(m))
    const refuse = (code: string, message: string): void => {
      send({ type: 'error', code, message })
      socket.close(4001, code)
    }
    const timer = setTimeout(() => refuse('noHello', 'Say hello with a token within 5 s'), HELLO_TIMEOUT_MS)
    socket.once('message', (raw) => {
      clearTimeout(timer)
      let hello: unknown
      try {
        hello = JSON.parse(String(raw))
      } catch {
        refuse('badHello', 'The first message must be JSON: {"type":"hello","token":…,"lastSeq":…}')
        return
      }
      if (!checkHello.Check(hello)) {
        refuse(
          'badHello',
          'The first message must be {"type":"hello","token":string|null,"lastSeq":number|null,"journal":string|null}',
        )
        return
      }
      const token = hello.token
      if (token === null || principalOf(ctx, token) === null) {
        refuse('unauthenticated', 'Sign in or pair this terminal first')
        return
      }
      // The position is (journal, seq): a seq alone may name an event the hub lost in a power
      // cut and has since reused. Whether it resumes is the host's decision (`eventsSince`).
      const missed = hello.lastSeq === null ? null : ctx.host.eventsSince(hello.journal ?? null, hello.lastSeq)
      if (missed === null) sendText(socket, snapshotFor())
      else {
        send({ type: 'resumed', journal: ctx.host.journalId })
        for (const event of missed) send({ type: 'event', event })
      }
      const estimates = ctx.estimates.current()
      if (estimates !== null) send({ type: 'estimates', estimates: { seq: estimates.seq, shown: estimates.shown } })
      send({ type: 'devices', devices: ctx.devices.statuses() })
      const entry = { token, joinedAt: ctx.host.current.lastSeq, alive: true }
      terminals.set(socket, entry)
      socket.on('pong', () => {
        entry.alive = true
      })
      socket.on('message', () => {
        // Terminals only listen after hello; anything else is ignored.
      })
    })
    socket.on('close', () => {
      clearTimeout(timer)
      terminals.delete(socket)
    })
    socket.on('error', () => socket.terminate())
  })
}
