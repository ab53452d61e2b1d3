import { hqAnswers } from '../../shared/hq/answers'
import { hqRoutes, REPLICATION_PROTOCOL, REPLICATION_PROTOCOL_HEADER, type HqRoutes } from '../../shared/hq/routes'
import type { AnswerOf, BodyOf } from '../../shared/api/route'
import { problemLines, schemaProblems } from '../../shared/util/schemaProblems'

/** HQ answered with a refusal or failure: its status decides whether to retry soon, later, or never. */
export class HqRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`HQ refused (${status} ${code}): ${message}`)
    this.name = 'HqRefused'
  }
}

/** A message as the hub holds it: the same shape, read-only all the way down. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

/**
 * HQ could not be reached at all (refused or reset connection, no route, a timeout, an answer
 * cut off): nothing was stored at HQ by it as far as the branch can tell, and the batch stays in
 * the journal. `fetch` says only "fetch failed"; the cause (`ECONNREFUSED 10.1.2.3:8430`) is
 * what a technician needs, so the message names HQ's address and it.
 */
export class HqUnreachable extends Error {
  constructor(url: string, cause: unknown) {
    super(`HQ at ${url} cannot be reached (${causeText(cause)})`, { cause })
    this.name = 'HqUnreachable'
  }
}

/** The innermost reason of a failed `fetch`: its cause's code and message where undici gives one. */
function causeText(e: unknown): string {
  let inner: unknown = e
  while (inner instanceof Error && inner.cause !== undefined) inner = inner.cause
  if (inner instanceof Error) {
    const code = (inner as { code?: unknown }).code
    return typeof code === 'string' && !inner.message.includes(code) ? `${code}: ${inner.message}` : inner.message
  }
  return String(inner)
}

export type ShipRoute = 'shipEvents' | 'heartbeat' | 'shipConfig' | 'shipSummaries' | 'shipFeedback'

/**
 * The branch's side of the wire to HQ: one POST of a replication route with the branch token,
 * a timeout, and the answer or a typed refusal. One request at a time (the shipper waits for
 * each answer), so a slow HQ slows the shipper, never the hub.
 */
export class HqLink {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async send<N extends ShipRoute>(
    name: N,
    body: DeepReadonly<BodyOf<HqRoutes[N]>>,
    signal: AbortSignal,
  ): Promise<AnswerOf<HqRoutes[N]>> {
    let res: Response
    let text: string
    try {
      res = await fetch(`${this.url}${hqRoutes[name].path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.token}`,
          // What this release ships: an older HQ refuses it (409 hqOutdated) rather than lose part of it.
          [REPLICATION_PROTOCOL_HEADER]: String(REPLICATION_PROTOCOL),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.timeoutMs)]),
      })
      text = await res.text()
    } catch (e) {
      // The hub stopping aborts the request: that is not HQ's doing.
      if (signal.aborted) throw e
      throw new HqUnreachable(this.url, e)
    }
    let parsed: unknown
    try {
      parsed = text === '' ? null : JSON.parse(text)
    } catch {
      throw new HqRefused(res.status, 'notJson', `an answer that is not JSON: ${text.slice(0, 120)}`)
    }
    if (!res.ok) {
      const e = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
      const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)
      throw new HqRefused(res.status, text(e.code, 'unknown'), text(e.message, res.statusText))
    }
    // HQ's answer is parsed with its schema before the shipper moves its cursor by it.
    const problems = problemLines(schemaProblems(hqAnswers[name], parsed))
    if (problems.length > 0)
      throw new HqRefused(
        res.status,
        'malformedAnswer',
        `an answer not of the contract: ${problems.slice(0, 3).join('; ')}`,
      )
    return parsed as AnswerOf<HqRoutes[N]>
  }
}
