import type { CustomerAddress } from '../network/customerAddress'

/**
 * What the demo's start-up lines say about phones and other browsers, from the one decision of
 * where phones reach the hub (`customerAddress`): a hub on loopback prints no QR code and no
 * other machine can open its links, so it says that, and how to let them in.
 *
 * @example
 * phoneLine({ url: null, problem: 'loopbackOnly' }) //=> 'Phone status page: none, the hub listens on this computer only (tickets carry no QR code); start it with --host 0.0.0.0 (npm start -- --host 0.0.0.0) to let phones in'
 * phoneLine({ url: 'https://192.168.1.20:8420', problem: null }) //=> 'Phone status page: scan the QR code of a ticket (phones open https://192.168.1.20:8420)'
 */
export function phoneLine(address: CustomerAddress): string {
  if (address.url !== null) return `Phone status page: scan the QR code of a ticket (phones open ${address.url})`
  switch (address.problem) {
    case 'loopbackOnly':
      return 'Phone status page: none, the hub listens on this computer only (tickets carry no QR code); start it with --host 0.0.0.0 (npm start -- --host 0.0.0.0) to let phones in'
    case 'noLanAddress':
      return 'Phone status page: none, this computer has no network address phones can reach (tickets carry no QR code)'
    case 'publicUrlUnreachable':
      return 'Phone status page: none, network.publicUrl in the branch file is not an address phones can open (tickets carry no QR code)'
  }
}

/**
 * Where the links printed above can be opened: from the branch network when phones reach the
 * hub, else only in a browser on this computer.
 */
export function whereLinksOpen(address: CustomerAddress): string {
  return address.url === null ? 'in a browser on this computer' : 'from any browser on this network'
}
