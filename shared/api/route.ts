import type { Static, TSchema } from 'typebox'
import type { Access } from './roles'

/**
 * A limit a route may answer 429 for: the refusal's `code` and what it counts. The answer
 * carries `Retry-After` (whole seconds until the limit lets a request through) and changes
 * nothing. Listed in the route's contract, it is in the OpenAPI document and the typed client.
 */
export interface RateLimit {
  readonly code: string
  readonly counts: string
}

/**
 * One HTTP route of the hub's API: the contract both sides use. The hub registers it with the
 * schemas (validation and the OpenAPI document come from them); the renderer's client derives
 * its request types from the same object.
 */
export interface RouteDef<
  P extends TSchema | undefined = TSchema | undefined,
  B extends TSchema | undefined = TSchema | undefined,
  Q extends TSchema | undefined = TSchema | undefined,
  R = unknown,
  A extends string = Access,
> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  /** Fastify-style path: `/api/v1/counters/:counterId/call-next`. */
  readonly path: string
  readonly summary: string
  readonly tags: readonly string[]
  /** Who may call it; the server refuses everybody else with 401/403 and says why. */
  readonly access: readonly A[]
  readonly params: P
  readonly body: B
  readonly query: Q
  /** The limits it may answer 429 for, checked in this order (empty: none). */
  readonly rateLimits: readonly RateLimit[]
  /** Phantom: the answer's type (never set at runtime). */
  readonly answer?: R
}

export type ParamsOf<D> =
  D extends RouteDef<infer P, TSchema | undefined, TSchema | undefined, unknown, string>
    ? P extends TSchema
      ? Static<P>
      : undefined
    : never
export type BodyOf<D> =
  D extends RouteDef<TSchema | undefined, infer B, TSchema | undefined, unknown, string>
    ? B extends TSchema
      ? Static<B>
      : undefined
    : never
export type QueryOf<D> =
  D extends RouteDef<TSchema | undefined, TSchema | undefined, infer Q, unknown, string>
    ? Q extends TSchema
      ? Static<Q>
      : undefined
    : never
export type AnswerOf<D> =
  D extends RouteDef<TSchema | undefined, TSchema | undefined, TSchema | undefined, infer R, string> ? R : never

/**
 * A route builder for one server's callers: the hub's roles, or HQ's (`shared/hq/hqRoles.ts`).
 *
 * @example
 * const hqRoute = routeFor<HqAccess>()
 */
export function routeFor<A extends string>() {
  return function <
    R,
    P extends TSchema | undefined = undefined,
    B extends TSchema | undefined = undefined,
    Q extends TSchema | undefined = undefined,
  >(def: {
    method: RouteDef['method']
    path: string
    summary: string
    tags: readonly string[]
    access: readonly A[]
    params?: P
    body?: B
    query?: Q
    rateLimits?: readonly RateLimit[]
  }): RouteDef<P, B, Q, R, A> {
    return {
      method: def.method,
      path: def.path,
      summary: def.summary,
      tags: def.tags,
      access: def.access,
      params: def.params as P,
      body: def.body as B,
      query: def.query as Q,
      rateLimits: def.rateLimits ?? [],
    }
  }
}

/** Builds a route of the hub's API, keeping the literal schema types for inference. */
export const route = routeFor<Access>()

/**
 * Fills a path's `:params`.
 *
 * @example
 * fillPath('/api/v1/counters/:counterId/recall', { counterId: 'c3' }) //=> '/api/v1/counters/c3/recall'
 */
export function fillPath(path: string, params: Readonly<Record<string, string>> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`Missing path parameter '${name}' for ${path}`)
    return encodeURIComponent(value)
  })
}
