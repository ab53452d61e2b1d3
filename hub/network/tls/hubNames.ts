import { isIP } from 'node:net'
import type { NetworkInterfaceInfo } from 'node:os'

/** The names and addresses a hub's server certificate carries as subject alternative names. */
export interface HubNames {
  /** Host names, lower-case, sorted: this PC's name, `localhost`, the public address's name. */
  readonly dns: readonly string[]
  /** IP addresses, sorted: every address of this PC (loopback included), the configured one. */
  readonly ips: readonly string[]
}

export interface HubNameFacts {
  /** `os.hostname()`. */
  readonly hostname: string
  /** `os.networkInterfaces()`. */
  readonly interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>
  /** The address the hub listens on, as configured (`0.0.0.0`, a LAN address, a name). */
  readonly host: string
  /** `network.publicUrl`, when set. */
  readonly publicUrl: string | null
}

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/
const UNSPECIFIED = new Set(['0.0.0.0', '::'])

/**
 * Every name a terminal may use to reach this hub: the PC's host name (and `localhost`), each of
 * its IPv4 and IPv6 addresses (link-local IPv6 left out: a certificate cannot name its zone), the
 * configured listening address and the public address's host. A name that is not a valid DNS
 * name (an underscore in a Windows PC name) is left out rather than make a certificate browsers
 * refuse.
 *
 * @example
 * hubNames({ hostname: 'KIOSK-01', interfaces: { eth0: [lan('192.168.1.20')] }, host: '0.0.0.0', publicUrl: null })
 * //=> { dns: ['kiosk-01', 'localhost'], ips: ['127.0.0.1', '192.168.1.20', '::1'] }
 */
export function hubNames(facts: HubNameFacts): HubNames {
  const dns = new Set<string>(['localhost'])
  const ips = new Set<string>(['127.0.0.1', '::1'])
  const add = (name: string): void => {
    const bare = name.replace(/^\[|\]$/g, '').toLowerCase()
    if (UNSPECIFIED.has(bare) || bare === '') return
    if (isIP(bare) !== 0) ips.add(bare)
    else if (DNS_NAME.test(bare)) dns.add(bare)
  }
  add(facts.hostname)
  add(facts.host)
  for (const list of Object.values(facts.interfaces))
    for (const i of list ?? []) if (!(i.family === 'IPv6' && /^fe80:/i.test(i.address))) add(i.address)
  if (facts.publicUrl !== null) {
    try {
      add(new URL(facts.publicUrl).hostname)
    } catch {
      // Not a URL: the customer address check says so; the certificate simply leaves it out.
    }
  }
  return { dns: [...dns].sort(), ips: [...ips].sort() }
}

/**
 * Whether a certificate naming `have` serves every name in `need`.
 *
 * @example
 * namesCovered({ dns: ['localhost'], ips: ['127.0.0.1'] }, { dns: ['localhost'], ips: ['127.0.0.1', '192.168.1.20'] }) //=> false
 */
export function namesCovered(have: HubNames, need: HubNames): boolean {
  const dns = new Set(have.dns)
  const ips = new Set(have.ips)
  return need.dns.every((n) => dns.has(n)) && need.ips.every((i) => ips.has(i))
}
