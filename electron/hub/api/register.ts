import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { BodyOf, ParamsOf, QueryOf, RouteDef } from '../../../shared/api/route'
import type { Command } from '../../../shared/queue/commands'
import type { CommandAck } from '../../../shared/api/views'
import type { Principal } from '../auth/principal'
import type { Actor } from '../persistence/journalRecord'
import { authorize } from './access'
import type { HubContext } from './context'
import { fromCommandError } from './httpError'

export interface Call<D> {
  readonly params: ParamsOf<D>
  readonly body: BodyOf<D>
  readonly query: QueryOf<D>
  readonly principal: Principal | null
  readonly request: FastifyRequest
  readonly reply: FastifyReply
}

/**
 * Registers one route of the shared contract: its schemas (validation, OpenAPI), its access
 * rule, and a handler that gets typed params, body and query and the caller.
 */
export function on<D extends RouteDef>(
  app: FastifyInstance,
  ctx: HubContext,
  def: D,
  handler: (call: Call<D>) => Promise<unknown>,
): void {
  app.route({
    method: def.method,
    url: def.path,
    schema: {
      summary: def.summary,
      tags: [...def.tags],
      ...(def.params === undefined ? {} : { params: def.params }),
      ...(def.body === undefined ? {} : { body: def.body }),
      ...(def.query === undefined ? {} : { querystring: def.query }),
      ...(def.access.includes('public') ? {} : { security: [{ bearer: [] }] }),
    },
    handler: async (request, reply) => {
      const principal = authorize(ctx, request, def.access)
      return handler({
        params: request.params as ParamsOf<D>,
        body: request.body as BodyOf<D>,
        query: request.query as QueryOf<D>,
        principal,
        request,
        reply,
      })
    },
  })
}

/** Who the journal says did it. */
export function actorOf(p: Principal | null): Actor {
  if (p === null) return { kind: 'system', reason: 'public request' }
  if (p.staffId !== null) return { kind: 'staff', staffId: p.staffId, counterId: p.counterId }
  return { kind: 'device', deviceId: p.deviceId ?? 'unknown' }
}

/** Runs an engine command for a caller and answers the event, or the refusal as HTTP. */
export async function runCommand(
  ctx: HubContext,
  principal: Principal | null,
  command: Command,
  pathParams: readonly string[],
): Promise<CommandAck> {
  const r = await ctx.host.submit(command, actorOf(principal))
  if (!r.ok) throw fromCommandError(r.error, pathParams)
  return { event: r.value.event }
}
