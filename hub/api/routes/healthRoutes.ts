import type { FastifyInstance } from 'fastify'
import { routes } from '../../../shared/api/routes'
import type { HubStatusView } from '../../../shared/api/health'
import type { Principal } from '../../auth/principal'
import type { HubContext } from '../context'
import { on } from '../register'
import { LANGUAGES } from '../../../shared/domain/text'
import { logWarning } from '../../log/hubWarning'

/** The hub's own health for the manager, and what terminals report of themselves. */
export function registerHealthRoutes(app: FastifyInstance, ctx: HubContext): void {
  on(app, ctx, routes.hubStatus, async () => {
    const address = ctx.customerAddress()
    const view: HubStatusView = {
      customerUrl: address.url,
      customerUrlProblem: address.problem,
      tls: ctx.tls(),
      standing: ctx.standing.current(),
      warnings: ctx.warnings.recent(),
    }
    return view
  })
  on(app, ctx, routes.reportSpeech, async ({ body, principal, request }) => {
    const display = principal as Principal
    const deviceId = display.deviceId ?? display.token
    const problem = ctx.speech.report(deviceId, display.name, body, ctx.clock.now())
    if (problem === null) request.log.info({ event: 'speech.ok', terminal: display.name }, 'The display speaks again')
    else if (problem !== undefined) {
      const message = `Lobby display '${display.name}' cannot announce calls properly: ${problem.detail}`
      // the languages lacking a voice, for the manager's screen to name them in its language
      if (problem.code === 'noVoice')
        logWarning(
          request.log,
          'warn',
          'speech.noVoice',
          { terminal: display.name, missing: LANGUAGES.filter((l) => !body.voices[l]) },
          message,
        )
      else logWarning(request.log, 'warn', `speech.${problem.code}`, { terminal: display.name }, message)
    }
    return { ok: true as const }
  })
}
