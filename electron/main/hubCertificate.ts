import { X509Certificate } from 'node:crypto'
import { isIP } from 'node:net'

/**
 * The terminal's own check of the hub's certificate, for a hub whose CA was pinned at pairing
 * (`hub.caFingerprint` in terminal.json, or the in-process hub's own CA): the chain the hub
 * presents must lead, signature by signature, to a CA certificate with exactly that SHA-256
 * fingerprint; every certificate in it must be valid now; the server certificate must name the
 * host the window loads and be meant for a TLS server. Anything else is refused: another CA, a
 * forged one, an expired or not-yet-valid certificate, another name. It runs in main for the
 * hub's host only (`security.ts`), where Chromium cannot know the branch CA.
 */

export type ChainVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly reason:
        'noChain' | 'notPinnedCa' | 'badSignature' | 'expired' | 'notYetValid' | 'wrongName' | 'notServer'
    }

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
const MAX_CHAIN = 5

/**
 * Whether a presented chain (server certificate first, PEM or DER) is one this terminal accepts.
 *
 * @example
 * verifyHubChain([leafPem, caPem], '192.168.1.20', '3A:9F:…', Date.now()) //=> { ok: true }
 * verifyHubChain([leafPem, otherCaPem], '192.168.1.20', '3A:9F:…', Date.now()) //=> { ok: false, reason: 'notPinnedCa' }
 */
export function verifyHubChain(
  chain: readonly (string | Buffer)[],
  hostname: string,
  caFingerprint: string,
  now: number,
): ChainVerdict {
  let certs: X509Certificate[]
  try {
    certs = chain.slice(0, MAX_CHAIN).map((c) => new X509Certificate(c))
  } catch {
    return { ok: false, reason: 'noChain' }
  }
  const [leaf] = certs
  if (leaf === undefined) return { ok: false, reason: 'noChain' }
  const pin = caFingerprint.toUpperCase()
  // Walk up from the server certificate, each one signed by the next, until the pinned CA.
  let pinned: X509Certificate | null = null
  for (let i = 0; i < certs.length; i++) {
    const cert = certs[i] as X509Certificate
    if (cert.fingerprint256 === pin && cert.ca && i > 0) {
      pinned = cert
      break
    }
    const issuer = certs[i + 1]
    if (issuer === undefined) break
    if (!issuer.ca || !cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      return { ok: false, reason: 'badSignature' }
  }
  if (pinned === null) return { ok: false, reason: 'notPinnedCa' }
  if (!pinned.verify(pinned.publicKey)) return { ok: false, reason: 'badSignature' }
  for (const cert of certs.slice(0, certs.indexOf(pinned) + 1)) {
    if (Date.parse(cert.validFrom) > now) return { ok: false, reason: 'notYetValid' }
    if (Date.parse(cert.validTo) < now) return { ok: false, reason: 'expired' }
  }
  if (leaf.ca) return { ok: false, reason: 'notServer' }
  const purposes = leaf.keyUsage
  if (purposes !== undefined && !purposes.includes(SERVER_AUTH)) return { ok: false, reason: 'notServer' }
  const bare = hostname.replace(/^\[|\]$/g, '')
  const named =
    isIP(bare) === 0 ? leaf.checkHost(bare, { wildcards: false }) !== undefined : leaf.checkIP(bare) !== undefined
  return named ? { ok: true } : { ok: false, reason: 'wrongName' }
}

/** What Electron's certificate verification callback is answered with. */
export const ACCEPT = 0
export const REFUSE = -2
/** Chromium's own verdict (the operating system's trusted roots). */
export const CHROMIUM_DECIDES = -3

export interface PinnedHub {
  /** The hub's host as the windows load it (`192.168.1.20`, `127.0.0.1`). */
  readonly hostname: string
  /** The CA fingerprint pinned for it, or null: then the operating system's roots decide. */
  readonly caFingerprint: string | null
}

/**
 * The answer for one certificate Chromium asks about: for the hub's host with a pinned CA, our
 * verdict alone (accept or refuse, never Chromium's, which does not know the branch CA); for any
 * other host (requests there are cancelled anyway) or an unpinned hub, Chromium's own.
 *
 * @example
 * decideCertificate({ hostname: 'evil.example', chain: [] }, pinned, now) //=> -3
 */
export function decideCertificate(
  request: { readonly hostname: string; readonly chain: readonly string[] },
  hub: PinnedHub,
  now: number,
): { readonly result: number; readonly verdict: ChainVerdict | null } {
  if (hub.caFingerprint === null || request.hostname.toLowerCase() !== hub.hostname.toLowerCase())
    return { result: CHROMIUM_DECIDES, verdict: null }
  const verdict = verifyHubChain(request.chain, request.hostname, hub.caFingerprint, now)
  return { result: verdict.ok ? ACCEPT : REFUSE, verdict }
}
