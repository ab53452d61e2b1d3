import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls'
import type { PairWithHubResult } from '../../shared/desktop/bridge'
import { parseHubUrl } from '../../shared/desktop/hubAddress'
import { parsePairingAnswer, refusalCode } from '../../shared/desktop/pairingAnswer'
import { CA_FINGERPRINT_PATTERN } from '../../shared/desktop/terminalConfig'
import { verifyHubChain } from './hubCertificate'

const PAIRING_CODE = /^[0-9]{6}$/
const TIMEOUT_MS = 10_000

export interface PairingRequest {
  readonly hubUrl: string
  readonly code: string
  /** The fingerprint the installer typed from the manager's pairing card, if any: checked before the code is sent. */
  readonly expectedFingerprint: string | null
  readonly now: number
}

/**
 * Pairs this PC with a hub on another PC, from main (the setup window cannot reach another
 * origin, and cannot trust a branch CA it does not know yet). The TLS handshake comes first, on
 * its own socket: the chain the hub presents is kept, and when the installer typed the CA
 * fingerprint from the manager's pairing card, a chain not leading to that CA ends it there,
 * before the one-time code is sent. The hub answers the device token and its CA's fingerprint;
 * the answer is parsed with its schema (`PairingAnswerSchema`: a malformed one, or a status the
 * hub never answers to pairing, is `unexpectedAnswer` with its problems, field by field: a hub
 * of another release or no Branch Lobby hub at all, not a wrong code), and the presented chain must lead, by signature, to exactly
 * that CA and name the hub's address, or the answer is not used. Setup then writes both to terminal.json, and the windows pin that CA.
 */
export async function pairWithHub(r: PairingRequest): Promise<PairWithHubResult> {
  const url = parseHubUrl(r.hubUrl)
  if (!url.ok || !PAIRING_CODE.test(r.code)) return { ok: false, reason: 'badArguments' }
  const expected = r.expectedFingerprint?.trim().toUpperCase() ?? ''
  if (expected !== '' && !CA_FINGERPRINT_PATTERN.test(expected)) return { ok: false, reason: 'badArguments' }
  const origin = new URL(url.value)
  const host = origin.hostname.replace(/^\[|\]$/g, '')
  const secure = origin.protocol === 'https:'
  const port = Number(origin.port || (secure ? 443 : 80))
  let chain: Buffer[] = []
  let answer: { status: number; text: string }
  try {
    if (secure) {
      const socket = await handshake(host, port)
      chain = presentedChain(socket.getPeerCertificate(true))
      if (expected !== '' && !verifyHubChain(chain, host, expected, r.now).ok) {
        socket.destroy()
        return { ok: false, reason: 'certificateMismatch' }
      }
      answer = await post(httpsRequest, url.value, r.code, () => socket)
    } else {
      answer = await post(httpRequest, url.value, r.code, null)
    }
  } catch {
    return { ok: false, reason: 'unreachable' }
  }
  if (answer.status === 429) return { ok: false, reason: 'paused' }
  // A hub that answers over HTTPS only, asked at http:// — the likeliest slip in typing its address.
  if (!secure && answer.status === 403 && refusalCode(answer.text) === 'httpsRequired')
    return { ok: false, reason: 'httpsRequired' }
  // 401 is the hub's own word for a wrong, used or expired code; anything else is not its answer.
  if (answer.status === 401) return { ok: false, reason: 'refused' }
  // The hub's own failure (its disk, say): its words say why; the code may be fine.
  if (answer.status >= 500) return { ok: false, reason: 'hubFailed', problems: [statusProblem(answer)] }
  if (answer.status !== 200) return { ok: false, reason: 'unexpectedAnswer', problems: [statusProblem(answer)] }
  const parsed = parsePairingAnswer(answer.text)
  if (!parsed.ok) return { ok: false, reason: 'unexpectedAnswer', problems: parsed.error }
  const paired = parsed.value
  if (!secure)
    return paired.caFingerprint === null
      ? { ok: true, ...paired }
      : { ok: false, reason: 'unexpectedAnswer', problems: ['caFingerprint: must be null from a plain-HTTP hub'] }
  const pinned = paired.caFingerprint
  if (pinned === null || (expected !== '' && pinned !== expected) || !verifyHubChain(chain, host, pinned, r.now).ok)
    return { ok: false, reason: 'certificateMismatch' }
  return { ok: true, ...paired }
}

/**
 * An answer that is neither a pairing nor one of the hub's refusals (a 404 from a server that is
 * not a Branch Lobby hub, a route another release answers differently), in words for the log.
 *
 * @example
 * statusProblem({ status: 404, text: 'Not Found' }) //=> 'the server answered HTTP 404 (Not Found)'
 */
function statusProblem(answer: { status: number; text: string }): string {
  const said = answer.text.replace(/\s+/g, ' ').trim().slice(0, 200)
  return `the server answered HTTP ${answer.status}${said === '' ? '' : ` (${said})`}`
}

/** A TLS connection whose chain is judged by `pairWithHub`, not by the operating system's roots. */
function handshake(host: string, port: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      ...(/^[0-9.:]+$/.test(host) ? {} : { servername: host }),
      // The chain is checked against the pinned CA below; the OS roots know nothing of it.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      timeout: TIMEOUT_MS,
    })
    socket.once('secureConnect', () => resolve(socket))
    socket.once('timeout', () => socket.destroy(new Error('timed out')))
    socket.once('error', reject)
  })
}

/** The certificates the server presented, server certificate first (DER). */
function presentedChain(peer: DetailedPeerCertificate): Buffer[] {
  const chain: Buffer[] = []
  for (let c: DetailedPeerCertificate | undefined = peer; c?.raw !== undefined && chain.length < 5;) {
    const raw = c.raw
    if (chain.some((d) => d.equals(raw))) break
    chain.push(raw)
    c = c.issuerCertificate
  }
  return chain
}

function post(
  send: typeof httpRequest | typeof httpsRequest,
  origin: string,
  code: string,
  socket: (() => TLSSocket) | null,
): Promise<{ status: number; text: string }> {
  const body = JSON.stringify({ code })
  return new Promise((resolve, reject) => {
    const req = send(
      `${origin}/api/v1/pair`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: TIMEOUT_MS,
        ...(socket === null ? {} : { createConnection: socket }),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error('timed out')))
    req.on('error', reject)
    req.end(body)
  })
}
