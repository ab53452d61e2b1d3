import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { BodyOf, ParamsOf, QueryOf, RouteDef } from '../../../shared/api/route'
import type { Command } from '../../../shared/queue/commands'
import type { CommandAck } from '../../../shared/api/views'
import type { Principal } from '../auth/principal'
import type { Actor } from '../persistence/journalRecord'
import type { QueueState } from '../../../shared/queue/state'
import { authorize } from './access'
import { HttpError } from './httpError'
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
  guard?: (state: QueueState) => void,
): Promise<CommandAck> {
  const r = await ctx.host.submit(command, actorOf(principal), undefined, (state) => {
    tellerOwnsCounter(principal, command, state)
    guard?.(state)
  })
  if (!r.ok) throw fromCommandError(r.error, pathParams)
  return { event: r.value.event }
}

/**
 * A teller works only the counter they opened: signed in at c2 while a colleague has c2 open,
 * they may open nothing and do nothing there (the visit would be credited to the colleague).
 */
function tellerOwnsCounter(principal: Principal | null, command: Command, state: QueueState): void {
  if (principal?.role !== 'teller' || command.type === 'openCounter' || !('counterId' in command)) return
  const live = state.counters[command.counterId]
  if (live !== undefined && live.status !== 'closed' && live.staffId !== principal.staffId) {
    throw new HttpError(
      403,
      'otherTeller',
      `Counter ${command.counterId} is open under ${live.staffId ?? 'another teller'}`,
    )
  }
}
