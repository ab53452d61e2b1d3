import type { FastifyInstance } from 'fastify'
import { TICKET_STATUS_STREAM } from '../../../shared/api/live'
import { routes } from '../../../shared/api/routes'
import type { TicketId } from '../../../shared/domain/ids'
import { ticketStatusView } from '../../tickets/ticketStatus'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'

/** A comment line now and then keeps proxies and phones from closing a quiet stream. */
const KEEPALIVE_MS = 20_000

/**
 * The phone's status page, pushed (issue 14: it polled every 10 s and heard of a call 6.5 s
 * after the lobby): Server-Sent Events, public and scoped by the ticket's link key like the
 * status route. The view is sent at once, then after every queue event and estimate update
 * that changes it, so a call reaches the phone as fast as it reaches the lobby display.
 */
export function registerStatusStream(app: FastifyInstance, ctx: HubContext): void {
  const open = new Set<() => void>()
  app.addHook('preClose', async () => {
    for (const end of [...open]) end()
  })
  app.get<{ Params: { ticketId: TicketId }; Querystring: { k: string } }>(
    TICKET_STATUS_STREAM,
    { schema: { params: routes.ticketStatus.params, querystring: routes.ticketStatus.query } },
    async (request, reply) => {
      const { ticketId } = request.params
      const key = request.query.k
      const first = ticketStatusView(ctx, ticketId, key)
      if (first === undefined) {
        throw new HttpError(404, 'unknownTicket', 'No such ticket today (or the link is incomplete)', 'params.ticketId')
      }
      reply.hijack()
      const res = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      })
      let last = ''
      const send = (): void => {
        const view = ticketStatusView(ctx, ticketId, key)
        if (view === undefined) return
        // serverNow changes every time: compare what the phone would show without it.
        const shown = JSON.stringify({ ...view, serverNow: 0 })
        if (shown === last) return
        last = shown
        res.write(`data: ${JSON.stringify(view)}\n\n`)
      }
      send()
      const stops = [ctx.host.subscribe(() => send()), ctx.estimates.onChange(() => send())]
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
      const end = (): void => {
        if (!open.delete(end)) return
        clearInterval(keepalive)
        for (const stop of stops) stop()
        res.end()
      }
      open.add(end)
      request.raw.on('close', end)
    },
  )
}
