import { createHash, X509Certificate } from 'node:crypto'
import type { HubNames } from './hubNames'

/**
 * What the hub reads from a certificate (Node's own X.509 parser): the fingerprint people
 * compare and terminals pin, the key pin Chromium takes, expiry and names.
 */

/**
 * The SHA-256 fingerprint of a certificate, upper-case hex in colon-separated pairs: the form
 * Windows, Chrome and Firefox show in their certificate viewers, so a person can compare it.
 *
 * @example
 * fingerprintOf(caPem) //=> '3A:9F:…:07' (32 pairs)
 */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256
}

/**
 * The base64 SHA-256 of a certificate's public key (its SubjectPublicKeyInfo): what Chromium's
 * `--ignore-certificate-errors-spki-list` and HTTP key pinning name.
 */
export function spkiPinOf(pem: string): string {
  const key = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(key).digest('base64')
}

/** When a certificate stops being valid (epoch ms). */
export function notAfterOf(pem: string): number {
  // `validTo` reads 'Nov 24 08:00:00 2027 GMT' (`validToDate` is Node 22's).
  return Date.parse(new X509Certificate(pem).validTo)
}

/**
 * The names a certificate's subject alternative names cover.
 *
 * @example
 * namesOf(serverPem) //=> { dns: ['kiosk-01', 'localhost'], ips: ['127.0.0.1', '192.168.1.20'] }
 */
export function namesOf(pem: string): HubNames {
  const san = new X509Certificate(pem).subjectAltName ?? ''
  const dns: string[] = []
  const ips: string[] = []
  for (const entry of san.split(/,\s*/)) {
    if (entry.startsWith('DNS:')) dns.push(entry.slice(4).toLowerCase())
    else if (entry.startsWith('IP Address:')) ips.push(normaliseIp(entry.slice(11)))
  }
  return { dns: dns.sort(), ips: ips.sort() }
}

/** Node prints IPv6 SANs in full (`0:0:0:0:0:0:0:1`); compare them in the short form. */
function normaliseIp(ip: string): string {
  if (!ip.includes(':')) return ip
  return new URL(`http://[${ip}]/`).hostname.replace(/^\[|\]$/g, '')
}

/** The certificates of a PEM bundle (a server certificate followed by its chain), in order. */
export function splitPem(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((c) => `${c}\n`) ?? []
}
