import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { routes } from '../../../../shared/api/routes'
import { delayId } from '../../../../shared/domain/ids'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'
import { on, runCommand } from '../register'

export function registerDelayRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.announceDelay, async ({ body, principal }) =>
    runCommand(
      ctx,
      principal,
      {
        type: 'announceDelay',
        delayId: delayId(`manager:${randomUUID()}`),
        scope: body.scope,
        source: 'manager',
        kind: 'manager',
        message: body.message,
      },
      [],
    ),
  )
  on(app, ctx, routes.clearDelay, async ({ params, principal }) => {
    const d = ctx.host.current.delays[params.delayId]
    if (principal?.role === 'teller' && (d?.scope.kind !== 'counter' || d.scope.counterId !== principal.counterId)) {
      throw new HttpError(403, 'otherCounter', 'A teller clears only the explanations of their own counter')
    }
    return runCommand(ctx, principal, { type: 'clearDelay', delayId: params.delayId }, ['delayId'])
  })
  on(app, ctx, routes.closeDay, async ({ principal }) => runCommand(ctx, principal, { type: 'closeDay' }, []))
}
