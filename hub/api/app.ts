import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifyWebsocket from '@fastify/websocket'
import type { Server as HttpServer } from 'node:http'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerFactory,
} from 'fastify'
import type { ApiError } from '../../shared/api/views'
import type { HubLogger } from '../log/hubLog'
import { HubRequestLog } from '../log/requestLog'
import type { HubContext } from './context'
import { HttpError } from './httpError'
import { storageFailure } from '../persistence/storageFailure'
import { registerLive } from './live'
import { registerAuthRoutes, registerSessionRoutes } from './routes/authRoutes'
import { registerAppointmentRoutes, registerPublicAppointmentRoutes } from './routes/appointmentRoutes'
import { registerCounterRoutes } from './routes/counterRoutes'
import { registerDelayRoutes } from './routes/delayRoutes'
import { registerHealthRoutes } from './routes/healthRoutes'
import { registerReportRoutes } from './routes/reportRoutes'
import { registerSystemRoutes } from './routes/systemRoutes'
import { registerTicketRoutes } from './routes/ticketRoutes'
import { typeboxValidator } from '../../server/validation'
import { tooDeep } from '../../shared/util/nestingDepth'
import { createSecureServer, HSTS, type SecureServerOptions } from '../network/tls/secureServer'
import { noSuchRoute } from '../../server/routeSchema'
import { logWarning } from '../log/hubWarning'

export interface AppOptions {
  /** The built renderer to serve at `/`, if present. */
  readonly rendererDir: string | null
  readonly logger: HubLogger
  /** Sign-in and pairing attempts allowed per client address per minute. */
  readonly authAttemptsPerMinute: number
  /** How often the live channel pings terminals and re-checks their tokens (default 15 s). */
  readonly liveHeartbeatMs?: number
  /** Serve HTTPS and WSS with this certificate (`network/tls/`); null: plain HTTP. */
  readonly tls: AppTls | null
}

export interface AppTls extends SecureServerOptions {
  /** The CA certificate (PEM) terminals trust, offered at `/api/v1/tls/ca.pem` for a one-time install. */
  readonly caCertificate: () => string
}

/** Requests carry a few hundred bytes; anything over this is refused before parsing. */
const BODY_LIMIT = 16 * 1024

/**
 * How deep a request body may nest arrays and objects. No request of the API nests deeper than
 * about 6 (a what-if's `scenario.counters[i].breaks[j]`); 16 KB of `[[[…` nest 8,000 deep, which
 * overflows the stack of the structured clone that hands a what-if's scenario to its thread.
 */
const MAX_NESTING = 32

/**
 * The hub's HTTP + WebSocket API (Fastify): every route of the shared contract, validated by
 * its schema, guarded by its access rule, described in the OpenAPI document, plus the live
 * channel and the built renderer. Bad input is a 4xx naming the field, never a 500.
 */
export async function buildApp(ctx: HubContext, options: AppOptions): Promise<FastifyInstance> {
  // Typed as Fastify's logger, so the routes' types stay Fastify's defaults.
  const loggerInstance: FastifyBaseLogger = options.logger
  const tls = options.tls
  const app = Fastify({
    loggerInstance,
    // With TLS, one port serves HTTPS and WSS and turns plain HTTP away (secureServer.ts).
    ...(tls === null ? {} : { serverFactory: secureServerFactory(tls) }),
    logController: new HubRequestLog(),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    // On close, drop every connection: a browser's keep-alive connection that was busy when
    // the hub began to stop would otherwise hold the stop for the 72 s keep-alive timeout.
    // A command cut off this way was journaled or not; terminals retry (issue is idempotent).
    forceCloseConnections: true,
  })
  app.setValidatorCompiler(typeboxValidator)
  // Before validation: a schema that takes any JSON (a what-if's scenario) must not be handed a
  // value nested so deep that the next thing to walk it recursively overflows the stack.
  app.addHook('preValidation', async (request) => {
    const deep = tooDeep(request.body, MAX_NESTING)
    if (deep !== null) {
      const field = `body.${deep}`
      throw new HttpError(
        400,
        'invalidRequest',
        `${field}: nests arrays and objects more than ${MAX_NESTING} deep, which no request to the hub needs`,
        field,
      )
    }
  })
  // How long the hub itself took (the benchmark separates it from the network's share).
  // The request id names the request in the hub log: a refusal or failure can be found there.
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(3)}`)
    void reply.header('request-id', request.id)
    // Browsers that once reached the hub over HTTPS never try plain HTTP to it again.
    if (tls !== null) void reply.header('strict-transport-security', HSTS)
    return payload
  })
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const storage = storageFailure(error)
    if (storage !== null) {
      const { statusCode, code, message } = storage
      logWarning(
        request.log,
        'error',
        'storage.writeRefused',
        { failure: code, err: error },
        'the disk refused a write',
      )
      void reply
        .status(statusCode)
        .send({ statusCode, error: reasonPhrase(statusCode), code, message } satisfies ApiError)
      return
    }
    const status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500)
    const body: ApiError = {
      statusCode: status,
      error: reasonPhrase(status),
      code: error instanceof HttpError ? error.code : (FRAMEWORK_CODES[status] ?? 'internal'),
      message:
        status >= 500
          ? 'The hub failed to answer; nothing was changed by this request'
          : status === 415
            ? 'Send the request body as JSON (content-type: application/json)'
            : error.message,
      ...(error instanceof HttpError && error.field !== undefined ? { field: error.field } : {}),
      ...(error instanceof HttpError ? error.facts : {}),
    }
    if (status >= 500) logWarning(request.log, 'error', 'request.failed', { err: error }, 'request failed')
    // A refusal is logged once, with its reason; a rate-limited caller (someone guessing) as a warning.
    else if (status === 429)
      logWarning(request.log, 'warn', 'request.refused', { code: body.code, field: body.field }, body.message)
    else request.log.info({ event: 'request.refused', code: body.code, field: body.field }, body.message)
    void reply.status(status).send(body)
  })
  app.setNotFoundHandler(noSuchRoute)

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'branch-lobby hub API',
        version: '1.0.0',
        description: 'The branch hub: queue, terminals and devices.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } })

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  // Sign-in and pairing are the doors a guesser knocks on: limit them per address too.
  await app.register(async (scoped) => {
    await scoped.register(fastifyRateLimit, { max: options.authAttemptsPerMinute, timeWindow: 60_000 })
    registerAuthRoutes(scoped, ctx)
  })
  registerSessionRoutes(app, ctx)
  registerSystemRoutes(app, ctx)
  registerTicketRoutes(app, ctx)
  registerCounterRoutes(app, ctx)
  registerDelayRoutes(app, ctx)
  registerReportRoutes(app, ctx)
  registerHealthRoutes(app, ctx)
  registerAppointmentRoutes(app, ctx)
  // The public booking routes: a script must not fill every slot (limits in the branch file).
  await app.register(async (scoped) => {
    await scoped.register(fastifyRateLimit, { global: false })
    registerPublicAppointmentRoutes(scoped, ctx)
  })
  registerLive(app, ctx, options.liveHeartbeatMs)
  if (tls !== null) {
    // The CA certificate is public (it holds no key): a browser terminal installs it once.
    app.get('/api/v1/tls/ca.pem', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('content-type', 'application/x-pem-file')
        .header('content-disposition', 'attachment; filename="branch-lobby-ca.crt"')
        .send(tls.caCertificate()),
    )
  }

  if (options.rendererDir !== null && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: resolve(options.rendererDir), prefix: '/', index: 'index.html' })
  }
  return app
}

/**
 * Fastify's server factory for the TLS listener. The hub's Fastify is typed for Node's HTTP
 * server; an HTTPS server is one at run time (same requests, responses and `upgrade` events), so
 * it is handed over as that type.
 */
function secureServerFactory(tls: SecureServerOptions): FastifyServerFactory {
  return (handler) => createSecureServer(handler, tls) as unknown as HttpServer
}

/** Stable codes for the refusals Fastify itself makes before a handler runs. */
const FRAMEWORK_CODES: Record<number, string> = {
  400: 'invalidRequest',
  413: 'bodyTooLarge',
  415: 'unsupportedMediaType',
  429: 'rateLimited',
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
    507: 'Insufficient Storage',
  }
  return phrases[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error')
}
