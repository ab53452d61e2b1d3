import {
  fillPath,
  type AnswerOf,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type RouteDef,
} from '../../../shared/api/route'
import { answers, type AnswerSchemas } from '../../../shared/api/answers'
import { hubAnswerChecks } from './generated/answerChecks'
import { routes, type Routes } from '../../../shared/api/routes'
import type { TSchema } from 'typebox'
import { ProtocolVersionsSchema, ResyncFromSchema, type ApiError } from '../../../shared/api/views'
import { errorText } from '../../../shared/util/errorText'
import { problemLines, schemaProblems } from '../../../shared/util/schemaProblems'

/**
 * The hub answered with a refusal (4xx) or failed (5xx): its message is for people. A 429 of a
 * route whose contract lists its rate limits, or of a locked-out sign-in, carries `retryAfterSec`,
 * from `Retry-After`.
 */
export class ApiFailure extends Error {
  constructor(
    readonly error: ApiError,
    readonly retryAfterSec: number | null = null,
  ) {
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

/**
 * The hub answered, but not with what the contract says (not JSON, or a field missing or of the
 * wrong kind): a hub of another version, or something else at its address. Never used as if it
 * were right.
 */
export class MalformedAnswer extends Error {
  constructor(
    readonly route: string,
    readonly problems: readonly string[],
  ) {
    super(`The hub's answer to ${route} is not what this screen expects: ${problems.slice(0, 3).join('; ')}`)
    this.name = 'MalformedAnswer'
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
    private readonly answers: AnswerSchemas<T>,
    private readonly base: string,
    private readonly token: () => string | null,
    private readonly timeoutMs = 8000,
    /** Compiled checkers of the biggest answers (`generated/answerChecks.ts`): a fast yes. */
    private readonly fastChecks: { readonly [K in keyof T]?: (value: unknown) => boolean } = {},
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
    const json = parseJson(text)
    if (!res.ok) throw new ApiFailure(refusal(res, json), retryAfter(res))
    const schema = this.answers[name]
    // A CSV download is text; everything else is JSON.
    const value = (schema as { type?: unknown }).type === 'string' ? text : json
    if (value === NOT_JSON) throw new MalformedAnswer(name, ['not JSON'])
    // A compiled checker says yes in a fraction of a millisecond; when it says no (or there is
    // none), schemaProblems judges and words what is wrong.
    if (this.fastChecks[name]?.(value) !== true) {
      const problems = schemaProblems(schema, value)
      if (problems.length > 0) throw new MalformedAnswer(name, problemLines(problems))
    }
    return value as AnswerOf<T[N]>
  }
}

const NOT_JSON = Symbol('not JSON')

function parseJson(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return NOT_JSON
  }
}

/**
 * Whole seconds from a 429's `Retry-After`: a rate-limited route's (`rateLimits` in its contract)
 * or a locked-out sign-in's; null otherwise.
 */
function retryAfter(res: Response): number | null {
  if (res.status !== 429) return null
  const seconds = Number(res.headers.get('retry-after'))
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null
}

const textOr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)

/** A refusal's words; a body that is not an API error (a proxy's page) is told by its status. */
function refusal(res: Response, json: unknown): ApiError {
  const error = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  return {
    statusCode: res.status,
    error: textOr(error.error, res.statusText),
    code: textOr(error.code, 'unknown'),
    message: textOr(error.message, `HTTP ${res.status}`),
    ...(typeof error.field === 'string' ? { field: error.field } : {}),
    // Where to start again after 410 eventsGone, and the versions of 409 hqOutdated: kept only
    // when they are of the contract, since the caller acts on them.
    ...(schemaProblems(ResyncFromSchema, error.resyncFrom).length === 0
      ? { resyncFrom: error.resyncFrom as ApiError['resyncFrom'] & object }
      : {}),
    ...(schemaProblems(ProtocolVersionsSchema, error.protocol).length === 0
      ? { protocol: error.protocol as ApiError['protocol'] & object }
      : {}),
    // When a booking's check-in opens, for a `tooEarly` the kiosk words with the time.
    ...(typeof error.checkInFrom === 'number' && Number.isFinite(error.checkInFrom)
      ? { checkInFrom: error.checkInFrom }
      : {}),
  }
}

/**
 * The renderer's only way to the hub over HTTP: typed by the hub's route contract
 * (`shared/api/routes.ts`).
 */
export class ApiClient extends RouteClient<Routes> {
  constructor(base: string, token: () => string | null, timeoutMs = 8000) {
    super(routes, answers, base, token, timeoutMs, hubAnswerChecks)
  }
}
