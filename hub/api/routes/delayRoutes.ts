import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import { delayId } from '../../../shared/domain/ids'
import type { HubContext } from '../context'
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
  on(app, ctx, routes.clearDelay, async ({ params, principal }) =>
    runCommand(ctx, principal, { type: 'clearDelay', delayId: params.delayId }, ['delayId']),
  )
  on(app, ctx, routes.closeDay, async ({ principal }) => runCommand(ctx, principal, { type: 'closeDay' }, []))
}
