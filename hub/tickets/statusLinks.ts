import type { TicketId } from '../../shared/domain/ids'
import { customerLink, type CustomerAddressWatch } from '../network/customerAddress'

/**
 * A ticket's live status page: its path on the hub, and the link phones open (the QR code on
 * the screen and on the paper). The key makes the link the holder's alone.
 */
export class StatusLinks {
  constructor(
    /** The key a ticket's link carries (an HMAC of its id: ids alone reveal nothing). */
    readonly key: (ticketId: TicketId) => string,
    private readonly address: Pick<CustomerAddressWatch, 'current'>,
  ) {}

  /** The path of a ticket's status page, with its key. */
  path(ticketId: TicketId): string {
    return statusPathFor(ticketId, this.key(ticketId))
  }

  /** The status page where phones reach it; null when the hub has no such address (no QR then). */
  url(ticketId: TicketId): string | null {
    const base = this.address.current().url
    return base === null ? null : customerLink(base, this.path(ticketId))
  }
}

/**
 * @example
 * statusPathFor(ticketId('2026-11-24/A001'), 'k3y') //=> '/#/status/2026-11-24%2FA001?k=k3y'
 */
export function statusPathFor(ticketId: TicketId, key: string): string {
  return `/#/status/${encodeURIComponent(ticketId)}?k=${key}`
}
