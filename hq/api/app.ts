import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import type { ApiError } from '../../shared/api/views'
import type { HqContext } from './context'
import { HttpError } from '../../server/httpError'
import { registerAdminRoutes, registerSessionRoutes } from './routes/adminRoutes'
import { registerReplicationRoutes, IngestGate } from './routes/replicationRoutes'
import { registerReportRoutes } from './routes/reportRoutes'
import { typeboxValidator } from '../../server/validation'
import { noSuchRoute } from '../../server/routeSchema'

export interface HqAppOptions {
  /** The built renderer, served at `/` (the HQ screens are `/#/hq`). */
  readonly rendererDir: string | null
  readonly logger: boolean
  readonly signInAttemptsPerMinute: number
  /** Batches stored at once, and waiting, before branches are told to come back later. */
  readonly ingestInFlight: number
  readonly ingestQueued: number
}

/** A batch of 2,000 records is about 1 MB of JSON; a little room above that. */
const BODY_LIMIT = 4 * 1024 * 1024

const CODES: Record<number, string> = {
  400: 'invalidRequest',
  413: 'bodyTooLarge',
  415: 'unsupportedMediaType',
  429: 'rateLimited',
}

/** HQ's HTTP API (Fastify): every route of `shared/hq/routes.ts`, its OpenAPI document, the screens. */
export async function buildHqApp(ctx: HqContext, options: HqAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: true,
  })
  app.setValidatorCompiler(typeboxValidator)
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500)
    const body: ApiError = {
      statusCode: status,
      error: status >= 500 ? 'Internal Server Error' : 'Refused',
      code: error instanceof HttpError ? error.code : (CODES[status] ?? 'internal'),
      message: status >= 500 ? 'HQ failed to answer; nothing was changed by this request' : error.message,
      ...(error instanceof HttpError && error.field !== undefined ? { field: error.field } : {}),
      ...(error instanceof HttpError ? error.facts : {}),
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    if (status === 429) void reply.header('retry-after', '2')
    void reply.status(status).send(body)
  })
  app.setNotFoundHandler(noSuchRoute)
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'branch-lobby headquarters API',
        version: '1.0.0',
        description: 'Replication from branch hubs and the cross-branch reports.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  })
  app.get('/api/hq/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  await app.register(async (scoped) => {
    await scoped.register(fastifyRateLimit, { max: options.signInAttemptsPerMinute, timeWindow: 60_000 })
    registerSessionRoutes(scoped, ctx)
  })
  registerAdminRoutes(app, ctx)
  registerReplicationRoutes(app, ctx, new IngestGate(options.ingestInFlight, options.ingestQueued))
  registerReportRoutes(app, ctx)
  if (options.rendererDir !== null && existsSync(options.rendererDir)) {
    await app.register(fastifyStatic, { root: resolve(options.rendererDir), prefix: '/', index: 'index.html' })
  }
  return app
}
