import type { FastifyReply, FastifyRequest } from 'fastify'
import { Type, type TSchema } from 'typebox'
import type { RateLimit, RouteDef } from '../shared/api/route'
import type { ApiError } from '../shared/api/views'

const NO_QUERY = Type.Object({}, { additionalProperties: false })

/**
 * The Fastify schema of a route of the shared route table, for validation and the OpenAPI
 * document: the hub and headquarters register their routes the same way.
 */
export function routeSchemaOf(
  def: RouteDef<TSchema | undefined, TSchema | undefined, TSchema | undefined, unknown, string>,
): Record<string, unknown> {
  return {
    summary: def.summary,
    tags: [...def.tags],
    ...(def.params === undefined ? {} : { params: def.params }),
    ...(def.body === undefined ? {} : { body: def.body }),
    // A route that declares no query takes none: `?anything=` is refused, naming it, as an
    // unknown field of a declared query is.
    querystring: def.query ?? NO_QUERY,
    ...(def.access.includes('public') ? {} : { security: [{ bearer: [] }] }),
    ...(def.rateLimits.length === 0 ? {} : { response: limitedResponses(def.rateLimits) }),
  }
}

/**
 * The answers of a rate-limited route: its 429 refusal, with `Retry-After` and the codes it
 * may carry, and any 2xx passed through as the route's answer schema describes it (the typed
 * client checks it; no serializer here drops a field).
 */
function limitedResponses(limits: readonly RateLimit[]): Record<string, unknown> {
  return {
    '2xx': { description: 'The answer' },
    429: {
      description: `Over a limit; nothing was changed. ${limits.map((l) => `\`${l.code}\`: ${l.counts}`).join('; ')}.`,
      headers: {
        'retry-after': {
          type: 'integer',
          minimum: 1,
          description: 'Whole seconds until the limit lets a request through again',
        },
      },
      type: 'object',
      properties: {
        statusCode: { type: 'integer', enum: [429] },
        error: { type: 'string' },
        code: { type: 'string', enum: limits.map((l) => l.code) },
        message: { type: 'string', description: 'For people: which limit, and when to try again' },
        field: { type: 'string' },
      },
      required: ['statusCode', 'error', 'code', 'message'],
    },
  }
}

/** The answer to a path no route serves: the API's own error shape, naming the path. */
export function noSuchRoute(request: FastifyRequest, reply: FastifyReply): void {
  const body: ApiError = {
    statusCode: 404,
    error: 'Not Found',
    code: 'noSuchRoute',
    message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
  }
  void reply.status(404).send(body)
}
