import type { FastifyInstance } from 'fastify'
import { hqRoutes } from '../../../shared/hq/routes'
import type { HqContext } from '../context'
import { onHq, userOf } from '../register'

/** The cross-branch comparison, the trends, and a branch's day and range. */
export function registerReportRoutes(app: FastifyInstance, ctx: HqContext): void {
  onHq(app, ctx, hqRoutes.compare, async (call) => ctx.reports.comparison(userOf(call), call.query.from, call.query.to))
  onHq(app, ctx, hqRoutes.trend, async (call) =>
    ctx.reports.trend(userOf(call), call.query.from, call.query.to, call.query.grain, call.query.regionId ?? null),
  )
  onHq(app, ctx, hqRoutes.branchDay, async (call) =>
    ctx.reports.branchDay(userOf(call), call.params.branchId, call.params.date),
  )
  onHq(app, ctx, hqRoutes.branchRange, async (call) =>
    ctx.reports.branchRange(userOf(call), call.params.branchId, call.query.from, call.query.to),
  )
}
