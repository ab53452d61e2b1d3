import type { Ticket } from './ticket'

/**
 * The one definition of a no-show, for every screen and report that counts them: a ticket whose
 * customer did not come to the call and has not re-joined: missed and still within the grace
 * window to re-join, or ended as a no-show (at the day's close or after it). A missed ticket that
 * re-joined is not one (unless it misses again), nor one cancelled after missing.
 *
 * @example
 * isNoShow({ status: 'noShow', outcome: null }) //=> true (missed; may still re-join)
 * isNoShow({ status: 'waiting', outcome: null }) //=> false (re-joined)
 * isNoShow({ status: 'done', outcome: 'noShow' }) //=> true
 */
export function isNoShow(ticket: Pick<Ticket, 'status' | 'outcome'>): boolean {
  return ticket.outcome === 'noShow' || (ticket.outcome === null && ticket.status === 'noShow')
}
