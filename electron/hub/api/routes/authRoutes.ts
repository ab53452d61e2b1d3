import type { FastifyInstance } from 'fastify'
import { routes } from '../../../../shared/api/routes'
import type { SessionView } from '../../../../shared/api/views'
import type { Principal } from '../../auth/principal'
import { verifyPin } from '../../auth/pinHash'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'
import { on } from '../register'

export function sessionView(p: Principal): SessionView {
  return {
    token: p.token,
    role: p.role,
    staffId: p.staffId,
    name: p.name,
    counterId: p.counterId,
    expiresAt: p.expiresAt,
  }
}

/** Sign-in and pairing: the doors a guesser knocks on (registered under a rate limit). */
export function registerAuthRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.signIn, async ({ body }) => {
    const now = ctx.clock.now()
    const wait = ctx.guard.lockedFor(body.staffId, now)
    if (wait > 0) {
      throw new HttpError(
        429,
        'lockedOut',
        `Too many wrong PINs for ${body.staffId}: try again in ${Math.ceil(wait / 1000)} s`,
      )
    }
    const member = ctx.config.data.staff.find((s) => s.id === body.staffId)
    // Counted as a failure before the (slow) check, so parallel guesses cannot all slip in
    // under the lock-out; a right PIN clears it again.
    ctx.guard.fail(body.staffId, now)
    // Verify even for an unknown id, so timing does not tell which ids exist.
    const valid = await verifyPin(body.pin, member?.pinHash ?? DUMMY_HASH)
    if (member === undefined || !valid) {
      throw new HttpError(401, 'wrongPin', 'Staff id or PIN is wrong', 'body.pin')
    }
    ctx.guard.succeed(body.staffId)
    if (member.role === 'teller') {
      if (body.counterId === null)
        throw new HttpError(400, 'counterRequired', 'A teller signs in at a counter', 'body.counterId')
      if (!ctx.branch().counters.some((c) => c.id === body.counterId)) {
        throw new HttpError(422, 'unknownCounter', `Unknown counter '${body.counterId}'`, 'body.counterId')
      }
    }
    const session = ctx.sessions.create(
      {
        role: member.role,
        staffId: member.id,
        name: member.name,
        counterId: member.role === 'teller' ? body.counterId : null,
        deviceId: null,
      },
      now,
    )
    return sessionView(session)
  })
  on(app, ctx, routes.pair, async ({ body }) => {
    const paired = await ctx.paired.pair(body.code, ctx.clock.now())
    if (paired === null)
      throw new HttpError(401, 'badPairingCode', 'This pairing code is wrong, used or expired', 'body.code')
    const p = ctx.paired.principal(paired.token)
    if (p === undefined) throw new HttpError(500, 'pairingFailed', 'The terminal could not be registered')
    return sessionView(p)
  })
}

/** Sessions and terminals, once signed in (not rate-limited: the manager screen polls them). */
export function registerSessionRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.currentSession, async ({ principal }) => sessionView(principal as Principal))
  on(app, ctx, routes.staff, async () => ({
    staff: ctx.config.data.staff.map((s) => ({ id: s.id, name: s.name, role: s.role })),
  }))
  on(app, ctx, routes.signOut, async ({ principal }) => {
    if (principal !== null) ctx.sessions.delete(principal.token)
    return { ok: true as const }
  })
  on(app, ctx, routes.createPairingCode, async ({ body }) =>
    ctx.paired.createCode(body.role, body.name, ctx.clock.now()),
  )
  on(app, ctx, routes.pairedTerminals, async () => ({
    terminals: ctx.paired
      .list()
      .map((d) => ({ id: d.id, name: d.name, role: d.role, pairedAt: d.pairedAt, revokedAt: d.revokedAt })),
  }))
  on(app, ctx, routes.revokeTerminal, async ({ params }) => {
    if (!(await ctx.paired.revoke(params.terminalId, ctx.clock.now()))) {
      throw new HttpError(404, 'unknownTerminal', `No paired terminal '${params.terminalId}'`, 'params.terminalId')
    }
    return { ok: true as const }
  })
}

/** A valid hash of no PIN anyone has, for constant-time refusals of unknown ids. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
