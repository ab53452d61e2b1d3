import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import { endOfLocalDate, localDate, localDateTime } from '../../../shared/domain/localTime'
import { isBlank } from '../../../shared/domain/text'
import { feedbackStatus } from '../../../shared/feedback/feedbackStatus'
import { kpisCsv, ticketsCsv } from '../../../shared/reports/exportCsv'
import { rangeReport } from '../../../shared/reports/rangeReport'
import type { DayReport } from '../../../shared/reports/dayReport'
import { scenarioField } from '../../../shared/sim/parseScenario'
import type { Principal } from '../../auth/principal'
import { feedbackTicketProblem } from '../../reports/feedbackTicket'
import { dayReportOf } from '../../reports/reportStore'
import { ScenarioTooSlow } from '../../reports/whatIf'
import type { HubContext } from '../context'
import { HttpError } from '../httpError'
import { on } from '../register'
import { logWarning } from '../../log/hubWarning'

/** A day's report: today's from the live events (so far), a past day's from its journal. */
export async function dayReport(ctx: HubContext, date: string): Promise<DayReport> {
  const offset = ctx.config.data.utcOffsetMinutes
  const now = ctx.clock.now()
  const today = localDate(now, offset)
  const start = endOfLocalDate(date, offset) - 86_400_000 + 1
  const end = endOfLocalDate(date, offset)
  const events = date === today ? [...ctx.host.todaysEvents()] : await ctx.reports.journalEvents(date)
  if (events === null || events.length === 0) {
    throw new HttpError(
      404,
      'noSuchDay',
      `There is no journal for ${date} (closed days are kept ${ctx.config.data.retention.journalDays} days)`,
      'params.date',
    )
  }
  return dayReportOf(
    events,
    ctx.config.data,
    ctx.feedback.forDay(start, Math.min(end, now)),
    date === today ? now : null,
  )
}

export function registerReportRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.dayReport, async ({ params }) => dayReport(ctx, params.date))
  on(app, ctx, routes.dayReportCsv, async ({ params, query, reply }) => {
    const report = await dayReport(ctx, params.date)
    const csv = query.kind === 'tickets' ? ticketsCsv(report, query.lang) : kpisCsv(report.kpis, query.lang)
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="branch-lobby-${params.date}-${query.kind}-${query.lang}.csv"`,
      )
    return csv
  })
  on(app, ctx, routes.rangeReport, async ({ query }) => {
    if (query.from > query.to)
      throw new HttpError(400, 'invalidRange', `'from' ${query.from} is after 'to' ${query.to}`, 'query.from')
    return rangeReport(ctx.reports.summaries(), query.from, query.to)
  })
  on(app, ctx, routes.usualDay, async () => ({ usual: ctx.usualDay() }))
  on(app, ctx, routes.whatIf, async ({ body, request }) => {
    const { result: r } = await ctx.simulator.run(body.scenario, body.seed).catch((e: unknown) => {
      if (!(e instanceof ScenarioTooSlow)) throw e
      // A valid scenario too big for this PC within the limit: the manager's to shorten.
      logWarning(
        request.log,
        'warn',
        'whatIf.tooSlow',
        { limitSec: e.limitMs / 1000, limitMs: e.limitMs, seed: body.seed },
        `What-if refused: ${e.message}`,
      )
      throw new HttpError(
        422,
        'scenarioTooSlow',
        `The simulation took longer than the ${e.limitMs / 1000} s a what-if may take: shorten the day (fewer opening hours) or reduce the customers (arrivals per hour), and run it again`,
        'body.scenario',
      )
    })
    if (!r.ok) {
      const first = r.problems[0]
      throw new HttpError(
        422,
        'invalidScenario',
        r.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        first === undefined ? undefined : scenarioField('body.scenario', first.field),
      )
    }
    return r
  })
  on(app, ctx, routes.feedbackList, async () => {
    const now = ctx.clock.now()
    return { records: ctx.feedback.all().map((r) => ({ ...r, status: feedbackStatus(r, now) })) }
  })
  on(app, ctx, routes.submitFeedback, async ({ body, principal }) => {
    // The rule of the screens' forms: words that say nothing are not feedback.
    if (isBlank(body.text)) throw new HttpError(400, 'textRequired', 'The feedback text is blank', 'body.text')
    if (body.ticketId !== null) {
      const problem = await feedbackTicketProblem(ctx, body.ticketId)
      if (problem !== null) throw new HttpError(422, 'unknownTicket', problem, 'body.ticketId')
    }
    const calendar = { utcOffsetMinutes: ctx.config.data.utcOffsetMinutes, ...ctx.config.data.calendar }
    return ctx.feedback.add(
      {
        ticketId: body.ticketId,
        kind: body.kind,
        channel: channelOf(principal),
        text: body.text.trim(),
        receivedAt: ctx.clock.now(),
      },
      calendar,
    )
  })
  on(app, ctx, routes.resolveFeedback, async ({ params, body, principal }) => {
    if (isBlank(body.resolution))
      throw new HttpError(
        400,
        'resolutionRequired',
        'The reply is blank: say what the customer was told',
        'body.resolution',
      )
    // The route is a manager's, and a manager is staff: the reply is theirs to answer for.
    const by = principal?.staffId ?? null
    if (by === null) throw new HttpError(403, 'forbidden', 'A reply to feedback is recorded by a signed-in manager')
    const outcome = await ctx.feedback.resolve(params.feedbackId, ctx.clock.now(), body.resolution.trim(), by)
    if (outcome === null)
      throw new HttpError(404, 'unknownFeedback', `No feedback '${params.feedbackId}'`, 'params.feedbackId')
    const { record } = outcome
    if (outcome.kind === 'alreadyResolved') {
      const at = localDateTime(record.resolvedAt ?? 0, ctx.config.data.utcOffsetMinutes)
      throw new HttpError(
        409,
        'feedbackResolved',
        `Feedback '${record.id}' was already resolved at ${at}${record.resolvedBy === undefined ? '' : ` by ${record.resolvedBy}`} ("${record.resolution ?? ''}"); a reply is recorded once`,
        'params.feedbackId',
      )
    }
    if (outcome.kind === 'resolved')
      ctx.log.info({ event: 'feedback.resolved', feedbackId: record.id, by }, `Feedback ${record.id} resolved by ${by}`)
    return record
  })
}

function channelOf(p: Principal | null): 'kiosk' | 'counter' | 'manager' {
  return p?.role === 'kiosk' ? 'kiosk' : p?.role === 'teller' ? 'counter' : 'manager'
}
