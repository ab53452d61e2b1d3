import { currentSpell, currentVisit, type Ticket } from './ticket'

/** How long a ticket has waited, as every screen states it (`ticketWait`). */
export interface TicketWait {
  /**
   * Seconds from the ticket's issue to its call (the call in progress, for a ticket at a counter)
   * or to `now` while it waits: the customer's whole wait, as the day report counts it from the
   * issue. A re-join, a transfer or a return from parking does not restart it.
   */
  readonly waitedSec: number
  /**
   * When the ticket started waiting again (re-joined, transferred, back from a document) if its
   * current stretch of waiting is not its first; null for a first wait. Shown beside the wait,
   * never in place of it.
   */
  readonly againSince: number | null
}

/**
 * The one definition of "waited" for the screens: the manager's waiting list and the counter's
 * customer card and queue state the same wait for the same ticket. A ticket called or served at a
 * counter has stopped waiting at its call; one waiting counts on to `now`.
 *
 * @example
 * // A003 issued 10:00, called 10:10, missed, re-joined 10:12; at 10:13:
 * ticketWait(a003, at1013) //=> { waitedSec: 780, againSince: at1012 }
 * // Called again at 10:20:
 * ticketWait(a003, at1025) //=> { waitedSec: 1200, againSince: at1012 }
 */
export function ticketWait(ticket: Ticket, now: number): TicketWait {
  const atCounter = ticket.status === 'called' || ticket.status === 'serving'
  const until = atCounter ? (currentVisit(ticket)?.calledAt ?? now) : now
  const spell = currentSpell(ticket)
  return {
    waitedSec: Math.max(0, (until - ticket.issuedAt) / 1000),
    againSince: spell === undefined || spell.joinedBy === 'issue' ? null : spell.joinedAt,
  }
}
