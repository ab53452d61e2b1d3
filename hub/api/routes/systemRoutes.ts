import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import type { BranchInfo, QueueSnapshot } from '../../../shared/api/views'
import { describePolicy } from '../../../shared/policy/describePolicy'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'
import { on } from '../register'

export function branchInfo(ctx: HubContext): BranchInfo {
  const file = ctx.config.data
  return {
    branch: file.branch,
    policy: describePolicy(file.branch, file.appointments ?? null),
    utcOffsetMinutes: file.utcOffsetMinutes,
    calendar: file.calendar,
    lobbyMessages: file.lobby.messages,
    cardReaders: file.devices.filter((d) => d.role === 'cardReader' && d.enabled !== false).map((d) => d.kiosk ?? null),
  }
}

export function snapshot(ctx: HubContext): QueueSnapshot {
  return {
    serverNow: ctx.clock.now(),
    journal: ctx.host.journalId,
    state: ctx.host.current,
    estimates: ctx.estimates.current(),
  }
}

export function registerSystemRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.health, async () => ({ ok: true, day: ctx.host.current.day, seq: ctx.host.current.lastSeq }))
  on(app, ctx, routes.branch, async () => branchInfo(ctx))
  on(app, ctx, routes.queue, async () => snapshot(ctx))
  on(app, ctx, routes.testDevice, async ({ params }) => {
    const r = await ctx.devices.test(params.deviceId)
    if (r === null)
      throw new HttpError(404, 'unknownDevice', `No device '${params.deviceId}' is configured`, 'params.deviceId')
    return r
  })
  on(app, ctx, routes.events, async ({ query }) => {
    // Without `journal` the seq is taken as this run's (`since=0` reads the whole day); with it,
    // a seq of another run (reused after a power cut) is refused as the live channel refuses it.
    const journal = query.journal ?? ctx.host.journalId
    // A seq this run has not reached is not gone: the client asked ahead of the journal.
    const lastSeq = ctx.host.current.lastSeq
    if (journal === ctx.host.journalId && query.since > lastSeq)
      throw new HttpError(
        409,
        'eventsAhead',
        `The hub's journal ends at seq ${lastSeq}, before seq ${query.since}: take a snapshot (GET /api/v1/queue) and follow on from its lastSeq`,
        'query.since',
      )
    const events = ctx.host.eventsSince(journal, query.since)
    if (events === null) {
      // 410, not 404: the route and the journal exist, the position is gone for good. The answer
      // says where to start again, so a reader need not guess.
      const resyncFrom = { path: '/api/v1/queue', journal: ctx.host.journalId, seq: lastSeq } as const
      const again = `read the snapshot at /api/v1/queue (journal '${ctx.host.journalId}', now at seq ${lastSeq}) and follow on from its lastSeq`
      throw !ctx.host.holds(journal, query.since)
        ? new HttpError(
            410,
            'eventsGone',
            `Seq ${query.since} of journal '${journal}' is not in this hub's history (it restarted, and a power cut may have cost it events since): ${again}`,
            'query.journal',
            { resyncFrom },
          )
        : new HttpError(
            410,
            'eventsGone',
            `Events after seq ${query.since} are no longer kept (they are not in today's journal): ${again}`,
            'query.since',
            { resyncFrom },
          )
    }
    return { journal: ctx.host.journalId, events }
  })
}
