import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import type { PairedView, SessionView } from '../../../shared/api/views'
import type { Principal } from '../../auth/principal'
import { WRONG_TRIES_PER_CODE } from '../../auth/pairedDevices'
import { verifyPin } from '../../auth/pinHash'
import { getCounter } from '../../../shared/queue/state'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'
import { on } from '../register'
import { logWarning } from '../../log/hubWarning'

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
  on(app, ctx, routes.signIn, async ({ body, request, reply }) => {
    const now = ctx.clock.now()
    const wait = ctx.guard.lockedFor(body.staffId, now)
    if (wait > 0) {
      logWarning(
        request.log,
        'warn',
        'signIn.lockedOut',
        { staffId: body.staffId },
        `Sign-in of ${body.staffId} refused: locked out after wrong PINs`,
      )
      // The wait as a header too, so a sign-in screen can tell it in its own language.
      void reply.header('retry-after', String(Math.ceil(wait / 1000)))
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
      request.log.info({ event: 'signIn.wrongPin', staffId: body.staffId }, `Wrong PIN for ${body.staffId}`)
      throw new HttpError(401, 'wrongPin', 'Staff id or PIN is wrong', 'body.pin')
    }
    ctx.guard.succeed(body.staffId)
    // A counter is opened by the teller signed in at it and credits them; a manager acts at any
    // counter from the manager's screen (a take-over when a teller has it open), never as its teller.
    if (member.role === 'manager' && body.counterId !== null)
      throw new HttpError(
        400,
        'managerNotAtCounter',
        `A manager does not sign in at a counter: sign in on the manager's screen (counterId null), which acts at any counter, not at '${body.counterId}'`,
        'body.counterId',
      )
    if (member.role === 'teller') {
      if (body.counterId === null)
        throw new HttpError(400, 'counterRequired', 'A teller signs in at a counter', 'body.counterId')
      if (!ctx.branch().counters.some((c) => c.id === body.counterId)) {
        throw new HttpError(422, 'unknownCounter', `Unknown counter '${body.counterId}'`, 'body.counterId')
      }
      // A colleague's open counter is theirs: signing in there would credit their customers to
      // the wrong teller. A manager can close it (or act at it) to take it over.
      const live = getCounter(ctx.host.current, body.counterId)
      if (live.status !== 'closed' && live.staffId !== member.id) {
        ctx.log.info(
          { event: 'signIn.counterHeld', staffId: member.id, counterId: body.counterId, heldBy: live.staffId },
          `${member.id} may not sign in at counter ${body.counterId}: it is open under ${live.staffId ?? '?'}`,
        )
        throw new HttpError(
          409,
          'counterHeld',
          `Counter ${body.counterId} is open under ${live.staffId ?? 'another teller'}; ask them or a manager to close it first`,
          'body.counterId',
        )
      }
    }
    const session = await ctx.sessions.create(
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
  on(app, ctx, routes.pair, async ({ body, request }) => {
    const paired = await ctx.paired.pair(body.code, ctx.clock.now())
    if (!paired.ok && paired.reason === 'paused') {
      logWarning(
        request.log,
        'warn',
        'pairing.paused',
        {},
        'Pairing paused: too many wrong pairing codes from the network in the last minute',
      )
      throw new HttpError(
        429,
        'pairingPaused',
        `Too many wrong pairing codes were tried just now; try again in ${Math.ceil(paired.retryInMs / 1000)} s`,
      )
    }
    if (!paired.ok) {
      for (const name of paired.withdrawn)
        logWarning(
          request.log,
          'warn',
          'pairing.codeWithdrawn',
          { terminal: name, tries: WRONG_TRIES_PER_CODE },
          `The pairing code for '${name}' was withdrawn after ${WRONG_TRIES_PER_CODE} wrong tries; create a new one`,
        )
      throw new HttpError(401, 'badPairingCode', 'This pairing code is wrong, used or expired', 'body.code')
    }
    request.log.info(
      { event: 'pairing.paired', terminal: paired.device.name, role: paired.device.role },
      'Terminal paired',
    )
    const p = ctx.paired.principal(paired.token)
    if (p === undefined) throw new HttpError(500, 'pairingFailed', 'The terminal could not be registered')
    return { ...sessionView(p), caFingerprint: ctx.tls().caFingerprint } satisfies PairedView
  })
}

/** Sessions and terminals, once signed in (not rate-limited: the manager screen polls them). */
export function registerSessionRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.currentSession, async ({ principal }) => sessionView(principal as Principal))
  on(app, ctx, routes.staff, async () => ({
    staff: ctx.config.data.staff.map((s) => ({ id: s.id, name: s.name, role: s.role })),
  }))
  on(app, ctx, routes.signOut, async ({ principal, request }) => {
    if (principal !== null) await ctx.sessions.delete(principal.token, ctx.clock.now())
    request.log.info({ event: 'session.signedOut', staffId: principal?.staffId }, 'Signed out')
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
  on(app, ctx, routes.revokeTerminal, async ({ params, request }) => {
    if (!(await ctx.paired.revoke(params.terminalId, ctx.clock.now()))) {
      // Listed but revoked already (a second tap, another manager first): a conflict, not unknown.
      const listed = ctx.paired.list().find((d) => d.id === params.terminalId)
      if (listed !== undefined)
        throw new HttpError(
          409,
          'terminalRevoked',
          `Terminal '${listed.name}' was already revoked`,
          'params.terminalId',
        )
      throw new HttpError(404, 'unknownTerminal', `No paired terminal '${params.terminalId}'`, 'params.terminalId')
    }
    request.log.info({ event: 'pairing.revoked', terminalId: params.terminalId }, 'Terminal revoked')
    return { ok: true as const }
  })
}

/** A valid hash of no PIN anyone has, for constant-time refusals of unknown ids. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
