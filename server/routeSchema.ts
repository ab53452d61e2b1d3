import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TSchema } from 'typebox'
import type { RouteDef } from '../shared/api/route'
import type { ApiError } from '../shared/api/views'

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
    ...(def.query === undefined ? {} : { querystring: def.query }),
    ...(def.access.includes('public') ? {} : { security: [{ bearer: [] }] }),
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
