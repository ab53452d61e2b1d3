import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { BodyOf, ParamsOf, QueryOf, RouteDef } from '../../shared/api/route'
import type { HqAccess } from '../../shared/hq/hqRoles'
import type { HqUserView } from '../../shared/hq/views'
import type { BranchRecord, HqPrincipal } from '../store/registry'
import type { HqContext } from './context'
import { HttpError } from '../../server/httpError'
import { routeSchemaOf } from '../../server/routeSchema'
import { refuseNewerBranch } from './protocolGate'

export interface HqCall<D> {
  readonly params: ParamsOf<D>
  readonly body: BodyOf<D>
  readonly query: QueryOf<D>
  readonly principal: HqPrincipal | null
  readonly token: string | null
  readonly request: FastifyRequest
}

const WHO: Record<string, string> = {
  branch: 'a branch hub',
  headOffice: 'head office',
  regional: 'a regional manager',
}

/** The bearer token of a request, if any. */
function bearer(request: FastifyRequest): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')
  return m?.[1] ?? null
}

/**
 * Registers one route of HQ's contract: its schemas (validation and the OpenAPI document), who
 * may call it (401 without a valid token, 403 for the wrong kind of caller, each saying why),
 * and a handler with typed params, body and query.
 */
export function onHq<
  D extends RouteDef<TSchema | undefined, TSchema | undefined, TSchema | undefined, unknown, HqAccess>,
>(app: FastifyInstance, ctx: HqContext, def: D, handler: (call: HqCall<D>) => Promise<unknown>): void {
  const open = def.access.includes('public')
  // What a branch ships is refused from a branch newer than HQ, before its body is checked; its
  // heartbeat is taken.
  const shipping = def.access.includes('branch') && !def.path.endsWith('/heartbeat')
  app.route({
    method: def.method,
    url: def.path,
    schema: routeSchemaOf(def),
    ...(shipping ? { preValidation: async (request: FastifyRequest) => refuseNewerBranch(ctx.protocol, request) } : {}),
    handler: async (request) => {
      const token = bearer(request)
      const principal = token === null ? null : await ctx.registry.principal(token)
      if (!open) {
        if (token === null) throw new HttpError(401, 'unauthenticated', 'Sign in first (no bearer token)')
        if (principal === null)
          throw new HttpError(
            401,
            'unauthenticated',
            'This token is not valid: it expired, was revoked or never existed',
          )
        const role = principal.kind === 'branch' ? 'branch' : principal.user.role
        if (!def.access.includes(role)) {
          const allowed = def.access.map((a) => WHO[a] ?? a).join(' or ')
          throw new HttpError(403, 'forbidden', `${WHO[role] ?? role} may not do this; only ${allowed} may`)
        }
      }
      return handler({
        params: request.params as ParamsOf<D>,
        body: request.body as BodyOf<D>,
        query: request.query as QueryOf<D>,
        principal,
        token,
        request,
      })
    },
  })
}

/** The signed-in user of a call whose route admits only users. */
export function userOf(call: { principal: HqPrincipal | null }): HqUserView {
  if (call.principal?.kind !== 'user') throw new HttpError(401, 'unauthenticated', 'Sign in first')
  return call.principal.user
}

/** The branch of a call whose route admits only branch hubs. */
export function branchOf(call: { principal: HqPrincipal | null }): BranchRecord {
  if (call.principal?.kind !== 'branch') throw new HttpError(401, 'unauthenticated', 'A branch token is needed')
  return call.principal.branch
}
