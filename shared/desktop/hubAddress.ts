import { err, ok, type Result } from '../util/result'

/**
 * Hub addresses as a person types them on the setup screen. shared/ has no `URL` global (it
 * compiles without DOM or Node types), and a hub address needs only a small, strict grammar:
 * `http://` or `https://`, a host (IPv4, a name, or a bracketed IPv6 address), an optional port,
 * nothing after it.
 */
const HUB_URL = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?\/?$/i

/**
 * The hub's origin from what was typed: lower-cased, without a trailing slash; an error says
 * what is wrong in words a branch manager can act on.
 *
 * @example
 * parseHubUrl(' HTTP://192.168.1.20:8420/ ') //=> { ok: true, value: 'http://192.168.1.20:8420' }
 * parseHubUrl('192.168.1.20:8420').ok //=> false (no http://)
 */
export function parseHubUrl(text: string): Result<string, string> {
  const trimmed = text.trim()
  if (!/^https?:\/\//i.test(trimmed)) {
    return err('must start with http:// or https://, e.g. http://192.168.1.20:8420')
  }
  if (/^https?:\/\/[^/]*@/i.test(trimmed)) return err('must not contain a user name or password')
  const match = HUB_URL.exec(trimmed)
  if (match === null) {
    return err('must be only the hub address and port, e.g. http://192.168.1.20:8420 (no path, ? or #)')
  }
  const [, scheme = '', host = '', port] = match
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return err('port must be from 1 to 65535')
  if (/^[0-9.]+$/.test(host) && !isIpv4(host)) return err(`"${host}" is not a valid IPv4 address`)
  return ok(`${scheme.toLowerCase()}://${host.toLowerCase()}${port === undefined ? '' : `:${Number(port)}`}`)
}

/**
 * Whether a string is a dotted-quad IPv4 address (no leading zeros, each part 0 to 255).
 *
 * @example
 * isIpv4('192.168.1.20') //=> true
 * isIpv4('192.168.1.256') //=> false
 */
export function isIpv4(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 4 && parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255)
}

/**
 * Whether a bind address keeps the hub on this PC only.
 *
 * @example
 * isLoopback('127.0.0.1') //=> true
 * isLoopback('0.0.0.0') //=> false
 */
export function isLoopback(address: string): boolean {
  return address === 'localhost' || address === '::1' || (isIpv4(address) && address.startsWith('127.'))
}
