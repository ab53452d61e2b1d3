import type { Ticket } from '../queue/ticket'

/** A stretch of time a customer is in the branch, for the RAQFM fairness measure (epoch ms). */
export interface Stay {
  readonly from: number
  readonly to: number
}

/**
 * When a ticket's customer was in the branch: from issue until they leave — the end of their last
 * transaction, cancellation, the close, or the call they missed. A customer who missed a call is
 * gone from that moment (the no-show, `ticketNoShow`), not from the day's close, so the figure of
 * the day so far and that of the closed day agree; one who re-joins is back from the re-join, so
 * the minutes between, when they could not be served, are owed nobody's share to them. Read from
 * the visits and waiting spells, which keep every missed call and re-join (the ticket's own
 * `missedAt` is cleared by a re-join). `asOf` ends the stay of a customer still in the branch.
 *
 * @example
 * // issued 10:00, missed a call at 10:20, re-joined 10:25, served until 10:40
 * presentStays(ticket, asOf) //=> [{ from: 10:00, to: 10:20 }, { from: 10:25, to: 10:40 }]
 */
export function presentStays(ticket: Ticket, asOf: number): Stay[] {
  const missed = ticket.visits.flatMap((v) => (v.outcome === 'noShow' && v.endedAt !== null ? [v.endedAt] : []))
  const back = ticket.spells.flatMap((s) => (s.joinedBy === 'rejoin' ? [s.joinedAt] : []))
  const stays: Stay[] = []
  let from = ticket.issuedAt
  // a re-join follows the missed call it answers: the i-th re-join ends the i-th absence
  for (const [i, at] of missed.entries()) {
    stays.push({ from, to: Math.max(from, at) })
    const rejoined = back[i]
    if (rejoined === undefined) return stays
    from = rejoined
  }
  stays.push({ from, to: Math.max(from, ticket.endedAt ?? asOf) })
  return stays
}
