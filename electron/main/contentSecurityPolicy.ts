/**
 * The Content-Security-Policy main adds to every response the windows receive. Everything comes
 * from the hub's origin: scripts only from files it serves (no inline script, no eval), live
 * updates over its WebSocket, QR codes and chimes as data/blob URLs. Nothing may frame the
 * pages, submit a form natively or change the base URL. Inline styles stay allowed because Vue
 * and ECharts set style attributes; styles cannot run code.
 *
 * @example
 * contentSecurityPolicy('http://192.168.1.20:8420')
 * //=> "default-src 'none'; script-src 'self'; ... connect-src 'self' ws://192.168.1.20:8420; ..."
 */
export function contentSecurityPolicy(hubOrigin: string): string {
  const socket = hubOrigin.replace(/^http:/, 'ws:').replace(/^https:/, 'wss:')
  const directives: ReadonlyArray<readonly [string, string]> = [
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['media-src', "'self' data: blob:"],
    ['connect-src', `'self' ${socket}`],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['frame-src', "'none'"],
    ['child-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ]
  return directives.map(([name, value]) => `${name} ${value}`).join('; ')
}

/**
 * Splits response headers into the Content-Security-Policy values the hub sent (any letter
 * case) and the rest. Main sends the hub's policies and its own side by side: a browser enforces
 * every policy it receives, so the result is never weaker than either.
 *
 * @example
 * splitPolicyHeaders({ 'content-security-policy': ["default-src 'self'"], Date: ['...'] })
 * //=> { rest: { Date: ['...'] }, policies: ["default-src 'self'"] }
 */
export function splitPolicyHeaders(headers: Readonly<Record<string, string[]>> | undefined): {
  rest: Record<string, string[]>
  policies: string[]
} {
  const rest: Record<string, string[]> = {}
  const policies: string[] = []
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') policies.push(...values)
    else rest[name] = values
  }
  return { rest, policies }
}
