import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { BodyOf, ParamsOf, QueryOf, RouteDef } from '../../shared/api/route'
import type { Command } from '../../shared/queue/commands'
import type { CommandAck } from '../../shared/api/views'
import type { Principal } from '../auth/principal'
import type { Actor } from '../persistence/journalRecord'
import type { CommandError } from '../../shared/queue/errors'
import type { Result } from '../../shared/util/result'
import type { Committed, SubmitOptions } from '../queue/queueHost'
import { authorize } from './access'
import { checkCommandAccess, type TakeOver } from './commandAccess'
import type { HubContext } from './context'
import { fromCommandError, HttpError } from './httpError'
import { routeSchemaOf } from '../../server/routeSchema'
import type { TSchema } from 'typebox'

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
  const callers = new WeakMap<FastifyRequest, Principal | null>()
  app.route({
    method: def.method,
    url: def.path,
    schema: routeSchemaOf(def),
    // Who is calling is settled before the request is validated: a caller without a valid token
    // is told 401, not what the body should have looked like.
    preValidation: async (request) => {
      callers.set(request, authorize(ctx, request, def.access))
    },
    handler: async (request, reply) => {
      if (def.body === undefined) refuseUndeclaredBody(request.body)
      const principal = callers.get(request) ?? null
      return handler({
        params: request.params as ParamsOf<D>,
        body: request.body as BodyOf<D>,
        query: request.query as QueryOf<D>,
        principal,
        request,
        reply,
      }).catch((e: unknown) => {
        throw withFieldSent(e, def.body)
      })
    },
  })
}

/**
 * A refusal naming `body.x` where the route's body has no `x`: the engine named a field of the
 * command that the hub filled in itself (the signed-in teller's id, say). Answered without a
 * field, rather than pointing the caller at one it never sent.
 */
function withFieldSent(e: unknown, body: TSchema | undefined): unknown {
  if (!(e instanceof HttpError) || e.field === undefined || !e.field.startsWith('body.')) return e
  const top = e.field.slice('body.'.length).split('.')[0] ?? ''
  const properties = (body as { properties?: Record<string, unknown> } | undefined)?.properties
  if (properties !== undefined && Object.hasOwn(properties, top)) return e
  return new HttpError(e.statusCode, e.code, e.message)
}

/**
 * A route that declares no body takes none (a `DELETE` carries none): anything sent there but an
 * empty object is refused, naming the first field, as an unknown field of a declared body is.
 */
function refuseUndeclaredBody(body: unknown): void {
  if (body === undefined || body === null) return
  if (typeof body !== 'object' || Array.isArray(body))
    throw new HttpError(400, 'invalidRequest', 'body: this route takes no body', 'body')
  const [first] = Object.keys(body)
  if (first !== undefined)
    throw new HttpError(
      400,
      'invalidRequest',
      `body.${first}: is not a field of this route (it takes no body)`,
      `body.${first}`,
    )
}

/** Who the journal says did it. */
export function actorOf(p: Principal | null): Actor {
  if (p === null) return { kind: 'system', reason: 'public request' }
  if (p.staffId !== null) return { kind: 'staff', staffId: p.staffId, counterId: p.counterId }
  return { kind: 'device', deviceId: p.deviceId ?? 'unknown' }
}

/**
 * Submits a command for a caller: the one path from the API into the queue. Who may send it is
 * checked inside the command queue (`checkCommandAccess`), against the state it will be decided
 * on; a manager acting at a teller's open counter is logged as a take-over.
 */
export async function submitAs(
  ctx: HubContext,
  principal: Principal | null,
  command: Command,
  options: Omit<SubmitOptions, 'guard'> = {},
): Promise<Result<Committed, CommandError>> {
  let takeOvers: readonly TakeOver[] = []
  const r = await ctx.host.submit(command, actorOf(principal), {
    ...options,
    guard: (state) => {
      takeOvers = checkCommandAccess(principal, command, state)
    },
  })
  if (r.ok && !r.value.repeated)
    for (const t of takeOvers)
      ctx.log.info(
        {
          event: 'counter.takenOver',
          counterId: t.counterId,
          heldBy: t.heldBy,
          by: principal?.staffId,
          command: command.type,
        },
        `Manager ${principal?.staffId ?? '?'} did ${command.type} at counter ${t.counterId}, open under ${t.heldBy}`,
      )
  return r
}

/** Runs an engine command for a caller and answers the event, or the refusal as HTTP. */
export async function runCommand(
  ctx: HubContext,
  principal: Principal | null,
  command: Command,
  pathParams: readonly string[],
  options: Omit<SubmitOptions, 'guard'> = {},
): Promise<CommandAck> {
  const r = await submitAs(ctx, principal, command, options)
  if (!r.ok) throw fromCommandError(r.error, pathParams)
  return { event: r.value.event }
}
