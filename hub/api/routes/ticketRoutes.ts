import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import { CHECK_IN_KEY_PREFIX } from '../../appointments/bookingDesk'
import { IdempotencyKeyReused } from '../../tickets/issueLedger'
import { ticketStatusView } from '../../tickets/ticketStatus'
import { registerStatusStream } from './statusStream'
import type { HubContext } from '../context'
import type { TicketId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'
import { getTicket, type QueueState } from '../../../shared/queue/state'
import { lobbyHours } from '../../../shared/domain/lobbyHours'
import { localDateTime } from '../../../shared/domain/localTime'
import { fromCommandError, HttpError } from '../httpError'
import { on, runCommand, submitAs } from '../register'

const TICKET = ['ticketId']

export function registerTicketRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.issueTicket, async ({ body, principal }) => {
    if (body.idempotencyKey?.startsWith(CHECK_IN_KEY_PREFIX) === true)
      throw new HttpError(
        400,
        'reservedIdempotencyKey',
        `Idempotency keys starting "${CHECK_IN_KEY_PREFIX}" are the hub's own, for booked customers' check-ins; choose another`,
        'body.idempotencyKey',
      )
    refuseOutsideHours(ctx)
    const r = await ctx.desk
      .issue(
        body,
        (command, options) => submitAs(ctx, principal, command, options),
        principal?.role === 'kiosk' ? principal.name : null,
      )
      .catch((e: unknown) => {
        if (e instanceof IdempotencyKeyReused)
          throw new HttpError(422, 'idempotencyKeyReused', e.message, 'body.idempotencyKey')
        throw e
      })
    if (!r.ok) throw fromCommandError(r.error, [])
    return r.value
  })

  on(app, ctx, routes.ticketStatus, async ({ params, query }) => {
    const view = ticketStatusView(ctx, params.ticketId, query.k)
    if (view === undefined) {
      throw new HttpError(404, 'unknownTicket', 'No such ticket today (or the link is incomplete)', 'params.ticketId')
    }
    return view
  })
  registerStatusStream(app, ctx)

  on(app, ctx, routes.cancelTicket, async ({ params, principal }) => {
    return runCommand(ctx, principal, { type: 'cancel', ticketId: params.ticketId }, TICKET)
  })
  // A retry whose first answer was lost (the kiosk's, or a tap twice) finds the ticket already
  // back in the queue: answered with that re-join, not refused as "not missed".
  // Answered with the wait the customer is told, as a tap is: no ticket without an estimate.
  on(app, ctx, routes.rejoinTicket, async ({ params, principal }) => {
    const ack = await runCommand(ctx, principal, { type: 'rejoin', ticketId: params.ticketId }, TICKET, {
      earlier: (state) => rejoinedAlready(state, ctx.host.todaysEvents(), params.ticketId),
    })
    await ctx.estimates.forReturning()
    const facts = ctx.desk.factsOf(ctx.host.current, params.ticketId)
    return { ...ack, peopleAhead: facts?.peopleAhead ?? 0, shown: facts?.shown ?? null }
  })
  on(app, ctx, routes.resumeTicket, async ({ params, principal }) => {
    return runCommand(ctx, principal, { type: 'resume', ticketId: params.ticketId }, TICKET)
  })
  on(app, ctx, routes.transferTicket, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      {
        type: 'transfer',
        ticketId: params.ticketId,
        toServiceId: body.toServiceId,
        toCounterId: body.toCounterId,
        ...(body.seenStatus === undefined ? {} : { seenStatus: body.seenStatus }),
      },
      TICKET,
    ),
  )
  on(app, ctx, routes.changePriority, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      {
        type: 'changePriority',
        ticketId: params.ticketId,
        priorityClassId: body.priorityClassId,
        reason: body.reason,
        by: 'staff',
      },
      TICKET,
    ),
  )
  on(app, ctx, routes.rateTicket, async ({ params, body, principal }) =>
    runCommand(ctx, principal, { type: 'rate', ticketId: params.ticketId, score: body.score }, TICKET),
  )
}

/**
 * The re-join that put a ticket back in the queue, while it is still waiting from it; null when
 * the ticket is not waiting after a re-join (a first request, or one the engine must refuse).
 */
function rejoinedAlready(state: QueueState, events: readonly QueueEvent[], ticketId: TicketId): QueueEvent | null {
  const ticket = getTicket(state, ticketId)
  if (ticket === undefined || ticket.status !== 'waiting' || ticket.rejoins === 0) return null
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as QueueEvent
    if (e.type === 'ticketRejoined' && e.ticketId === ticketId) return e
  }
  return null
}

/**
 * No walk-in ticket while the doors are shut and nobody is at a counter (`lobbyHours`): the kiosk
 * says when the branch opens instead, and a tap that reaches the hub all the same is told so.
 */
function refuseOutsideHours(ctx: HubContext): void {
  const file = ctx.config.data
  const now = ctx.clock.now()
  const hours = lobbyHours(ctx.host.current, file.calendar, now, file.utcOffsetMinutes)
  // A closed day is the engine's to refuse (dayNotOpen), as it always was.
  if (hours.kind !== 'beforeOpening' && !(hours.kind === 'ended' && ctx.host.current.day !== null)) return
  const opens =
    hours.opensAt === null ? '' : ` It opens at ${localDateTime(hours.opensAt, file.utcOffsetMinutes).slice(0, 16)}.`
  throw new HttpError(
    409,
    'doorsClosed',
    `The branch's doors are shut and no counter is open, so no ticket is issued now.${opens}`,
  )
}
