import type { Ticket } from '../queue/ticket'

/**
 * A ticket the hub's own close ended (`dayEnded`), as the report reads it: in the branch until the
 * branch's last activity, not until the close. The hub stamps its close at midnight when customers
 * were still in the lobby's queue (`automaticClose`), but nobody knows when they left after the
 * branch stopped: counted until midnight, a customer left in the queue of a branch that forgot to
 * close would add hours to the day's longest waits, its counter time and its fairness (RAQFM).
 * The wait, the stay and any visit cut off end at `activeUntil` (the day's last event before the
 * close) instead; the ticket's outcome stays `dayEnded`, so the figures still say it was unserved.
 * Every other ticket is returned as it is.
 *
 * @example
 * // waiting since 16:50, the branch's last call 17:05, the hub closed the day at 23:59:59.999
 * dayEndedAsReported(ticket, seventeenOhFive).endedAt //=> 17:05
 */
export function dayEndedAsReported(ticket: Ticket, activeUntil: number): Ticket {
  if (ticket.outcome !== 'dayEnded' || ticket.endedAt === null || ticket.endedAt <= activeUntil) return ticket
  const clip = (at: number | null): number | null => (at === null ? null : Math.min(at, activeUntil))
  return {
    ...ticket,
    endedAt: clip(ticket.endedAt),
    spells: ticket.spells.map((s) =>
      s.endedAt !== null && s.endedAt > activeUntil ? { ...s, endedAt: clip(s.endedAt) } : s,
    ),
    visits: ticket.visits.map((v) =>
      v.endedAt !== null && v.endedAt > activeUntil
        ? {
            ...v,
            endedAt: clip(v.endedAt),
            transactions: v.transactions.map((t) =>
              t.endedAt !== null && t.endedAt > activeUntil ? { ...t, endedAt: clip(t.endedAt) } : t,
            ),
          }
        : v,
    ),
  }
}
