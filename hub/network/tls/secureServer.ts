import { createServer as createPlainServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { Socket } from 'node:net'
import type { ApiError } from '../../../shared/api/views'
import type { ServedCertificate } from './hubTls'

/** The first byte of every TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16
/** A connection that says nothing for this long is dropped before it is even sorted. */
const FIRST_BYTE_TIMEOUT_MS = 10_000

/** `strict-transport-security` on every answer over TLS: a year, as browsers' preload rules ask. */
export const HSTS = 'max-age=31536000'

export interface SecureServerOptions {
  readonly served: ServedCertificate
  /** The host names and addresses the hub's certificate carries: the only ones a redirect may name. */
  readonly hostNames: () => ReadonlySet<string>
  /** Told of each plain-HTTP request turned away (for the log). */
  readonly onPlainRequest: (method: string, url: string, redirected: boolean) => void
}

/**
 * The hub's one listening port with TLS: an HTTPS server (WebSocket upgrades included) that
 * also turns plain HTTP away on the same port, so `http://hub:8420/` typed in a browser gets an
 * answer instead of a reset. A connection is sorted by its first byte: a TLS handshake goes to
 * HTTPS; anything else is answered, never served: a page request (GET or HEAD) is redirected to
 * the same address over HTTPS when it names one of the hub's own names, every other request
 * (the API, a WebSocket, a sign-in) is refused with 403 `httpsRequired`, and the connection is
 * closed. Nothing a plain request carries reaches a route.
 */
export function createSecureServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  o: SecureServerOptions,
): HttpsServer {
  const secure = createHttpsServer({ ...o.served, minVersion: 'TLSv1.2' }, handler)
  const plain = createPlainServer((req, res) => answerPlain(req, res, o))
  plain.keepAliveTimeout = 1
  // The TLS server's own connection listener, called for connections that speak TLS.
  const tlsListeners = secure.listeners('connection') as ((socket: Socket) => void)[]
  secure.removeAllListeners('connection')
  const plainSockets = new Set<Socket>()
  secure.on('connection', (socket: Socket) => {
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy())
    const sort = (): void => {
      const first = socket.read(1) as Buffer | null
      if (first === null) {
        socket.once('readable', sort)
        return
      }
      socket.setTimeout(0)
      socket.unshift(first)
      if (first[0] === TLS_HANDSHAKE) {
        for (const listener of tlsListeners) listener.call(secure, socket)
      } else {
        plainSockets.add(socket)
        socket.once('close', () => plainSockets.delete(socket))
        plain.emit('connection', socket)
      }
    }
    socket.once('readable', sort)
  })
  secure.once('close', () => {
    for (const s of plainSockets) s.destroy()
    plain.close()
  })
  return secure
}

function answerPlain(req: IncomingMessage, res: ServerResponse, o: SecureServerOptions): void {
  const method = req.method ?? 'GET'
  const url = req.url ?? '/'
  const target = redirectTarget(req.headers.host, url, o.hostNames())
  res.setHeader('connection', 'close')
  if ((method === 'GET' || method === 'HEAD') && target !== null && !url.startsWith('/api/')) {
    o.onPlainRequest(method, url, true)
    res.writeHead(308, { location: target, 'content-type': 'text/plain; charset=utf-8' })
    res.end(method === 'HEAD' ? undefined : `This hub is served over HTTPS: ${target}\n`)
    return
  }
  o.onPlainRequest(method, url, false)
  const body: ApiError = {
    statusCode: 403,
    error: 'Forbidden',
    code: 'httpsRequired',
    message: 'This hub answers over HTTPS only: use https:// and the same address (docs/installing.md)',
  }
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/**
 * Where a plain request for a page is sent: the same host, port and path over HTTPS, when the
 * host is one of the hub's own names (never an address the request made up).
 *
 * @example
 * redirectTarget('192.168.1.20:8420', '/#/kiosk', new Set(['192.168.1.20'])) //=> 'https://192.168.1.20:8420/#/kiosk'
 * redirectTarget('evil.example:8420', '/', new Set(['192.168.1.20'])) //=> null
 */
export function redirectTarget(host: string | undefined, url: string, names: ReadonlySet<string>): string | null {
  if (host === undefined || !url.startsWith('/')) return null
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host)
  if (m === null) return null
  const name = (m[1] ?? '').toLowerCase()
  if (!names.has(name.replace(/^\[|\]$/g, ''))) return null
  return `https://${name}${m[2] === undefined ? '' : `:${m[2]}`}${url}`
}
