import type { FastifyInstance } from 'fastify'
import type { WebSocket } from 'ws'
import { Compile } from 'typebox/compile'
import { LiveHelloSchema, type LiveMessage } from '../../../shared/api/live'
import { principalOf } from './access'
import type { HubContext } from './context'
import { snapshot } from './routes/systemRoutes'

const checkHello = Compile(LiveHelloSchema)
const HELLO_TIMEOUT_MS = 5000
/** A terminal this far behind is cut off; it reconnects and resyncs from its last seq. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

/**
 * `/api/v1/live`: after a valid hello, the terminal gets what it missed since its last seq
 * (or a snapshot), then every committed event, fresh estimates and device status. All of it
 * happens in one turn of the event loop, so no event can fall between resync and subscription.
 */
export function registerLive(app: FastifyInstance, ctx: HubContext): void {
  app.get('/api/v1/live', { websocket: true, schema: { hide: true } }, (socket: WebSocket) => {
    const cleanups: (() => void)[] = []
    const send = (m: LiveMessage): void => {
      if (socket.readyState !== socket.OPEN) return
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.close(4008, 'too far behind; reconnect to resync')
        return
      }
      socket.send(JSON.stringify(m))
    }
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
        refuse('badHello', 'The first message must be {"type":"hello","token":string|null,"lastSeq":number|null}')
        return
      }
      const principal = principalOf(ctx, hello.token)
      if (principal === null) {
        refuse('unauthenticated', 'Sign in or pair this terminal first')
        return
      }
      const missed = hello.lastSeq === null ? null : ctx.host.eventsSince(hello.lastSeq)
      if (missed === null) send({ type: 'snapshot', snapshot: snapshot(ctx) })
      else for (const event of missed) send({ type: 'event', event })
      const estimates = ctx.estimates.current()
      if (estimates !== null) send({ type: 'estimates', estimates })
      send({ type: 'devices', devices: ctx.devices.statuses() })
      cleanups.push(
        ctx.host.subscribe((event) => send({ type: 'event', event })),
        ctx.estimates.onChange((e) => send({ type: 'estimates', estimates: e })),
        ctx.devices.onChange((devices) => send({ type: 'devices', devices })),
      )
      socket.on('message', () => {
        // Terminals only listen after hello; anything else is ignored.
      })
    })
    socket.on('close', () => {
      clearTimeout(timer)
      for (const c of cleanups) c()
    })
    socket.on('error', () => socket.terminate())
  })
}
