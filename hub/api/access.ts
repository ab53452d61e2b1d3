import type { FastifyRequest } from 'fastify'
import type { Access } from '../../shared/api/roles'
import type { Principal } from '../auth/principal'
import type { HubContext } from './context'
import { HttpError } from './httpError'

const ROLE_NAMES: Record<string, string> = {
  kiosk: 'a kiosk',
  display: 'a lobby display',
  teller: 'a teller',
  manager: 'a manager',
}

/** The bearer token of a request, if any. */
export function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization
  if (h === undefined) return null
  const m = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(h)
  return m?.[1] ?? null
}

/** Finds who holds a token: a signed-in member of staff or a paired terminal. */
export function principalOf(ctx: HubContext, token: string | null): Principal | null {
  if (token === null) return null
  return ctx.sessions.get(token, ctx.clock.now()) ?? ctx.paired.principal(token) ?? null
}

/**
 * Lets a request through or says why not: 401 without a valid token, 403 when the role may
 * not call this route. What a caller may do to which counter and ticket is checked with the
 * command itself (`commandAccess.ts`).
 */
export function authorize(ctx: HubContext, request: FastifyRequest, access: readonly Access[]): Principal | null {
  if (access.includes('public')) return principalOf(ctx, bearer(request))
  const token = bearer(request)
  if (token === null)
    throw new HttpError(
      401,
      'unauthenticated',
      request.headers.authorization === undefined
        ? 'Sign in or pair this terminal first (no bearer token)'
        : 'This token is not valid: not a token this hub gives out (Authorization: Bearer <token>)',
    )
  const p = principalOf(ctx, token)
  if (p === null)
    throw new HttpError(401, 'unauthenticated', 'This token is not valid: it expired, was revoked or never existed')
  if (!access.includes(p.role)) {
    const allowed = access.map((a) => ROLE_NAMES[a] ?? a).join(' or ')
    throw new HttpError(403, 'forbidden', `${ROLE_NAMES[p.role] ?? p.role} may not do this; only ${allowed} may`)
  }
  return p
}
