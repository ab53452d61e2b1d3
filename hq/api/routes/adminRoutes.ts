import type { FastifyInstance } from 'fastify'
import { hqRoutes } from '../../../shared/hq/routes'
import type { HqContext } from '../context'
import { HttpError } from '../../../server/httpError'
import { onHq, userOf } from '../register'

/** Sign-in, regions, branches, branch tokens and users. */
export function registerSessionRoutes(app: FastifyInstance, ctx: HqContext): void {
  onHq(app, ctx, hqRoutes.signIn, async ({ body }) => {
    const session = await ctx.registry.signIn(body.userId, body.password)
    if (session === null) throw new HttpError(401, 'wrongPassword', 'Unknown user or wrong password')
    return session
  })
}

export function registerAdminRoutes(app: FastifyInstance, ctx: HqContext): void {
  onHq(app, ctx, hqRoutes.health, async () => ({ ok: true as const, database: ctx.db.kind }))
  onHq(app, ctx, hqRoutes.me, async (call) => userOf(call))
  onHq(app, ctx, hqRoutes.signOut, async (call) => {
    if (call.token !== null) await ctx.registry.signOut(call.token)
    return { ok: true as const }
  })
  onHq(app, ctx, hqRoutes.regions, async (call) => ctx.registry.regions(userOf(call)))
  onHq(app, ctx, hqRoutes.addRegion, async ({ body }) => ctx.registry.addRegion(body.id, body.name))
  onHq(app, ctx, hqRoutes.branches, async (call) => ctx.reports.statuses(userOf(call)))
  onHq(app, ctx, hqRoutes.addBranch, async ({ body }) => ctx.registry.addBranch(body.id, body.name, body.regionId))
  onHq(app, ctx, hqRoutes.issueToken, async ({ params, body }) => ctx.registry.issueToken(params.branchId, body.label))
  onHq(app, ctx, hqRoutes.tokens, async ({ params }) => ctx.registry.tokens(params.branchId))
  onHq(app, ctx, hqRoutes.revokeToken, async ({ params }) => ({
    revoked: await ctx.registry.revokeToken(params.tokenId),
  }))
  onHq(app, ctx, hqRoutes.addUser, async ({ body }) => {
    const { password, ...user } = body
    return ctx.registry.addUser(user, password)
  })
}
