import type { NetworkInterfaceInfo } from 'node:os'
import type { CustomerAddressProblem } from '../../shared/api/health'
import type { HubLogger } from '../log/hubLog'
import { logWarning } from '../log/hubWarning'

/** Where phones reach the hub, or why they cannot. */
export type CustomerAddress =
  { readonly url: string; readonly problem: null } | { readonly url: null; readonly problem: CustomerAddressProblem }

export interface AddressFacts {
  /** `network.publicUrl` of the branch configuration. */
  readonly publicUrl: string | null
  /** The address the hub listens on, as given to `listen` (`0.0.0.0`, `::`, `127.0.0.1`, a LAN address). */
  readonly host: string
  readonly port: number
  /** How the hub serves the LAN: `https` (the branch CA's certificate) or `http` (the opt-out). */
  readonly scheme: 'https' | 'http'
  /** This PC's network interfaces (`os.networkInterfaces()`). */
  readonly interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>
}

const UNSPECIFIED = new Set(['0.0.0.0', '::', '[::]', ''])

/** A loopback host as written in a configuration or a URL (`localhost`, `127.x`, `::1`, `[::1]`). */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host) || /^::ffff:127\./.test(host)

/** RFC 1918 and link-local-free private ranges: the addresses a branch LAN hands out. */
const isPrivateV4 = (a: string): boolean =>
  /^10\./.test(a) || /^192\.168\./.test(a) || /^172\.(1[6-9]|2\d|3[01])\./.test(a)

/**
 * The one decision of the address a customer's phone opens from a ticket's QR code (printed and
 * on the kiosk's screen): the configured public address when there is one (e.g. the bank's own
 * domain with a publicly trusted certificate); else the address the hub listens on when it is a
 * LAN address; else, listening on every interface, this PC's LAN address — over HTTPS with the
 * branch CA's certificate unless the branch opted out of TLS. Never `0.0.0.0` and never a loopback address: a phone cannot open those, so then
 * there is no address and the hub says why.
 *
 * @example
 * customerAddress({ publicUrl: null, host: '0.0.0.0', port: 8420, scheme: 'https', interfaces: { eth0: [lan('192.168.1.20')] } })
 * //=> { url: 'https://192.168.1.20:8420', problem: null }
 */
export function customerAddress(facts: AddressFacts): CustomerAddress {
  if (facts.publicUrl !== null) {
    const url = facts.publicUrl.replace(/\/+$/, '')
    let host: string
    try {
      host = new URL(url).hostname
    } catch {
      return { url: null, problem: 'publicUrlUnreachable' }
    }
    return UNSPECIFIED.has(host) || isLoopback(host)
      ? { url: null, problem: 'publicUrlUnreachable' }
      : { url, problem: null }
  }
  if (isLoopback(facts.host)) return { url: null, problem: 'loopbackOnly' }
  if (!UNSPECIFIED.has(facts.host))
    return { url: `${facts.scheme}://${hostInUrl(facts.host)}:${facts.port}`, problem: null }
  const lan = Object.values(facts.interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal && i.family === 'IPv4')
    .map((i) => i.address)
  const chosen = lan.find(isPrivateV4) ?? lan.find((a) => !/^169\.254\./.test(a))
  return chosen === undefined
    ? { url: null, problem: 'noLanAddress' }
    : { url: `${facts.scheme}://${chosen}:${facts.port}`, problem: null }
}

const hostInUrl = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host)

/**
 * A ticket's status page at the customer address: one slash between them, whatever the
 * configured address ends in.
 *
 * @example
 * customerLink('https://lobby.example.cn/', '/#/status/20261124-A001?k=abc') //=> 'https://lobby.example.cn/#/status/20261124-A001?k=abc'
 */
export function customerLink(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

const PROBLEMS: Readonly<Record<CustomerAddressProblem, string>> = {
  loopbackOnly:
    'it listens on this PC only (127.0.0.1) and network.publicUrl is not set. Set network.host to the LAN address (or 0.0.0.0), or network.publicUrl, in branch.json',
  noLanAddress:
    'it listens on every interface, but this PC has no LAN address. Connect it to the branch network, or set network.publicUrl in branch.json',
  publicUrlUnreachable:
    "network.publicUrl in branch.json names this PC's loopback or an unspecified address. Set it to an address phones on the branch Wi-Fi can open",
}

/**
 * The customer address as it stands, logged whenever it changes: a warning (which the manager's
 * screen shows) when phones cannot reach the hub, saying what to change.
 */
export class CustomerAddressWatch {
  private address: CustomerAddress = { url: null, problem: 'loopbackOnly' }
  private known = false

  constructor(private readonly logger: HubLogger) {}

  current(): CustomerAddress {
    return this.address
  }

  follow(facts: AddressFacts): void {
    const next = customerAddress(facts)
    if (this.known && next.url === this.address.url && next.problem === this.address.problem) return
    this.address = next
    this.known = true
    if (next.url !== null)
      this.logger.info({ event: 'customerAddress.found', url: next.url }, `Ticket QR codes open ${next.url}`)
    else
      logWarning(
        this.logger,
        'warn',
        'customerAddress.unreachable',
        { problem: next.problem },
        `Phones cannot reach this hub, so tickets get no QR code: ${PROBLEMS[next.problem]}`,
      )
  }
}
