import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import { delayId } from '../../../shared/domain/ids'
import { strandedByClosing } from '../../../shared/estimate/strandedByClosing'
import { shownDelay } from '../../../shared/queue/shownDelay'
import type { HubContext } from '../context'
import { fromCommandError, HttpError } from '../httpError'
import { on, runCommand, submitAs } from '../register'

const COUNTER = ['counterId']

export function registerCounterRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.openCounter, async ({ params, principal }) => {
    if (principal?.staffId == null) throw new HttpError(403, 'forbidden', 'Only a signed-in teller opens a counter')
    return runCommand(
      ctx,
      principal,
      { type: 'openCounter', counterId: params.counterId, staffId: principal.staffId },
      COUNTER,
    )
  })
  on(app, ctx, routes.pauseCounter, async ({ params, body, principal }) =>
    runCommand(ctx, principal, { type: 'pauseCounter', counterId: params.counterId, reason: body.reason }, COUNTER),
  )
  on(app, ctx, routes.resumeCounter, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'resumeCounter', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.closeCounter, async ({ params, principal }) => {
    const r = await submitAs(ctx, principal, { type: 'closeCounter', counterId: params.counterId })
    if (!r.ok) throw fromCommandError(r.error, COUNTER)
    // Whom the close left with no open counter, by the decision the counter screen confirmed.
    return { event: r.value.event, stranded: strandedByClosing(r.value.state, ctx.branch(), params.counterId) }
  })
  on(app, ctx, routes.callNext, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'callNext', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.recall, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'recall', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.startService, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'startService', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.markNoShow, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'markNoShow', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.park, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'park', counterId: params.counterId }, COUNTER),
  )
  on(app, ctx, routes.completeService, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      { type: 'completeService', counterId: params.counterId, completedServiceId: body.completedServiceId },
      COUNTER,
    ),
  )
  on(app, ctx, routes.addTransaction, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      { type: 'addTransaction', counterId: params.counterId, serviceId: body.serviceId, quantity: body.quantity ?? 1 },
      COUNTER,
    ),
  )
  on(app, ctx, routes.callTicket, async ({ params, body, principal }) =>
    runCommand(
      ctx,
      principal,
      { type: 'callSpecific', counterId: params.counterId, ticketId: body.ticketId, reason: body.reason },
      COUNTER,
    ),
  )
  on(app, ctx, routes.explainCounter, async ({ params, principal }) => {
    const counter = ctx.branch().counters.find((c) => c.id === params.counterId)
    if (counter === undefined)
      throw new HttpError(404, 'unknownCounter', `Unknown counter '${params.counterId}'`, 'params.counterId')
    // One explanation per counter at a time; the teller's tap is idempotent while it is shown:
    // tapped again (or retried after a lost answer), it answers the announcement on the lobby.
    const id = delayId(`teller:complexBusiness:${counter.id}`)
    return runCommand(
      ctx,
      principal,
      {
        type: 'announceDelay',
        delayId: id,
        scope: { kind: 'counter', counterId: counter.id },
        // The manager's floor offers the same tap; the report credits whoever made it.
        source: principal?.role === 'manager' ? 'manager' : 'teller',
        kind: 'complexBusiness',
        message: {
          'zh-CN': `${counter.number} 号窗口正在办理较复杂的业务,请您耐心等候,谢谢。`,
          en: `A complex transaction is in progress at counter ${counter.number}. Thank you for your patience.`,
        },
      },
      COUNTER,
      { earlier: (state) => shownDelay(state, ctx.host.todaysEvents(), id) },
    )
  })
}
