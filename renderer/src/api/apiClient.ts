import {
  fillPath,
  type AnswerOf,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type RouteDef,
} from '../../../shared/api/route'
import { routes, type Routes } from '../../../shared/api/routes'
import type { TSchema } from 'typebox'
import type { ApiError } from '../../../shared/api/views'
import { errorText } from '../../../shared/util/errorText'

/** The hub answered with a refusal (4xx) or failed (5xx): its message is for people. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiFailure'
  }
}

/** The hub could not be reached at all (network down, hub stopped). */
export class HubUnreachable extends Error {
  constructor(cause: unknown) {
    super(`The hub cannot be reached (${errorText(cause)})`)
    this.name = 'HubUnreachable'
  }
}

type Args<D> = (ParamsOf<D> extends undefined ? { params?: undefined } : { params: ParamsOf<D> }) &
  (BodyOf<D> extends undefined ? { body?: undefined } : { body: BodyOf<D> }) &
  (QueryOf<D> extends undefined ? { query?: undefined } : { query: QueryOf<D> })

type Table = Record<string, RouteDef<TSchema | undefined, TSchema | undefined, TSchema | undefined, unknown, string>>

/**
 * A client of one route table, typed by the same contract the server validates against, so a
 * renamed field is a compile error here: the hub's (`ApiClient`) or headquarters'.
 */
export class RouteClient<T extends Table> {
  constructor(
    private readonly table: T,
    private readonly base: string,
    private readonly token: () => string | null,
    private readonly timeoutMs = 8000,
  ) {}

  async call<N extends keyof T & string>(name: N, args: Args<T[N]>): Promise<AnswerOf<T[N]>> {
    const def = this.table[name] as T[N]
    const params = (args as { params?: Record<string, string> }).params
    const query = (args as { query?: Record<string, string | number> }).query
    const body = (args as { body?: unknown }).body
    let url = `${this.base}${fillPath(def.path, params)}`
    if (query !== undefined) {
      url += `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`
    }
    const headers: Record<string, string> = {}
    const token = this.token()
    if (token !== null) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(url, {
        method: def.method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (e) {
      throw new HubUnreachable(e)
    }
    const text = await res.text()
    const parsed: unknown = text === '' ? null : JSON.parse(text)
    if (!res.ok) {
      const error = (parsed ?? {}) as Partial<ApiError>
      throw new ApiFailure({
        statusCode: res.status,
        error: error.error ?? res.statusText,
        code: error.code ?? 'unknown',
        message: error.message ?? `HTTP ${res.status}`,
        ...(error.field === undefined ? {} : { field: error.field }),
      })
    }
    return parsed as AnswerOf<T[N]>
  }
}

/**
 * The renderer's only way to the hub over HTTP: typed by the hub's route contract
 * (`shared/api/routes.ts`).
 */
export class ApiClient extends RouteClient<Routes> {
  constructor(base: string, token: () => string | null, timeoutMs = 8000) {
    super(routes, base, token, timeoutMs)
  }
}
