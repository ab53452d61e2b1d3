import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import type { TicketReceipt, TicketStatusView } from '../../../shared/api/views'
import type { TicketId } from '../../../shared/domain/ids'
import { peopleAhead } from '../../../shared/queue/peopleAhead'
import { getTicket } from '../../../shared/queue/state'
import { IdempotencyKeyReused } from '../../queue/queueHost'
import { PrintOutcomes } from '../../devices/printOutcomes'
import type { HubContext } from '../context'
import { fromCommandError, HttpError } from '../httpError'
import { on, runCommand, submitAs } from '../register'

const TICKET = ['ticketId']

/** The path of a ticket's live status page, with the key that lets its holder see it. */
export function statusPathFor(ticketId: TicketId, key: string): string {
  return `/#/status/${encodeURIComponent(ticketId)}?k=${key}`
}

export function registerTicketRoutes(app: FastifyInstance, ctx: HubContext): void {
  const prints = new PrintOutcomes()
  on(app, ctx, routes.issueTicket, async ({ body, principal }) => {
    const r = await submitAs(
      ctx,
      principal,
      {
        type: 'issueTicket',
        serviceId: body.serviceId,
        priorityClassId: body.priorityClassId,
        language: body.language,
        appointmentAt: body.appointmentAt,
      },
      body.idempotencyKey,
    ).catch((e: unknown) => {
      if (e instanceof IdempotencyKeyReused)
        throw new HttpError(422, 'idempotencyKeyReused', e.message, 'body.idempotencyKey')
      throw e
    })
    if (!r.ok) throw fromCommandError(r.error, [])
    const { event, state, repeated } = r.value
    if (event.type !== 'ticketIssued') throw new Error('issue answered with another event')
    const ticket = getTicket(state, event.ticketId)
    // The printer is on the path between the tap and the customer walking away, but a printer
    // problem never loses the ticket: the kiosk shows it on screen instead.
    const print = repeated
      ? await prints.of(event.ticketId)
      : await prints.print(event.ticketId, () => ctx.devices.printTicket(event.ticketId))
    const receipt: TicketReceipt = {
      ticketId: event.ticketId,
      number: event.number,
      serviceId: event.serviceId,
      priorityClassId: event.priorityClassId,
      language: event.language,
      issuedAt: event.at,
      peopleAhead: ticket === undefined ? 0 : peopleAhead(state, ctx.branch(), ticket, ctx.clock.now()),
      estimate: event.estimate,
      shown: ctx.estimates.shownFor(event.ticketId),
      statusPath: statusPathFor(event.ticketId, ctx.statusKey(event.ticketId)),
      statusUrl: ctx.statusUrl(event.ticketId),
      print,
      repeated,
    }
    return receipt
  })

  on(app, ctx, routes.ticketStatus, async ({ params, query }) => {
    const ticket = getTicket(ctx.host.current, params.ticketId)
    if (ticket === undefined || query.k !== ctx.statusKey(params.ticketId)) {
      // The same answer for an unknown ticket and a wrong key: the key is what protects it.
      throw new HttpError(404, 'unknownTicket', 'No such ticket today (or the link is incomplete)', 'params.ticketId')
    }
    const now = ctx.clock.now()
    const counter = ticket.counterId === null ? undefined : ctx.branch().counters.find((c) => c.id === ticket.counterId)
    const view: TicketStatusView = {
      ticketId: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      status: ticket.status,
      issuedAt: ticket.issuedAt,
      peopleAhead: peopleAhead(ctx.host.current, ctx.branch(), ticket, now),
      estimate: ticket.status === 'waiting' ? (ctx.estimates.current()?.tickets[ticket.id] ?? null) : null,
      shown: ticket.status === 'waiting' ? ctx.estimates.shownFor(ticket.id) : null,
      counterNumber: ticket.status === 'called' || ticket.status === 'serving' ? (counter?.number ?? null) : null,
      serverNow: now,
    }
    return view
  })

  on(app, ctx, routes.cancelTicket, async ({ params, principal }) => {
    return runCommand(ctx, principal, { type: 'cancel', ticketId: params.ticketId }, TICKET)
  })
  on(app, ctx, routes.rejoinTicket, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'rejoin', ticketId: params.ticketId }, TICKET),
  )
  on(app, ctx, routes.resumeTicket, async ({ params, principal }) => {
    return runCommand(ctx, principal, { type: 'resume', ticketId: params.ticketId }, TICKET)
  })
  on(app, ctx, routes.transferTicket, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      { type: 'transfer', ticketId: params.ticketId, toServiceId: body.toServiceId, toCounterId: body.toCounterId },
      TICKET,
    ),
  )
  on(app, ctx, routes.rateTicket, async ({ params, body, principal }) =>
    runCommand(ctx, principal, { type: 'rate', ticketId: params.ticketId, score: body.score }, TICKET),
  )
}
