import type { TicketId } from '../../shared/domain/ids'
import { localDate } from '../../shared/domain/localTime'
import { getTicket } from '../../shared/queue/state'
import { dateOfTicketId } from '../../shared/queue/ticketNumber'
import type { HubContext } from '../api/context'

/**
 * Why feedback may not name a ticket, or null when the hub knows it. Feedback may come after the
 * visit (a complaint phoned in the next week), so a ticket of an earlier day counts while that
 * day's journal is kept; a ticket the hub cannot find would tie the complaint to nobody's visit,
 * and the report would show it against no ticket.
 *
 * @example
 * await feedbackTicketProblem(ctx, '20261207-Z999') //=> "No ticket '20261207-Z999' was issued on 2026-12-07"
 */
export async function feedbackTicketProblem(ctx: HubContext, id: TicketId): Promise<string | null> {
  const date = dateOfTicketId(id)
  if (date === null) return `'${id}' is not a ticket id (they read like 20261124-A023)`
  const state = ctx.host.current
  if (state.day === date) return getTicket(state, id) === undefined ? notIssued(id, date) : null
  const today = localDate(ctx.clock.now(), ctx.config.data.utcOffsetMinutes)
  if (date > today) return `No ticket '${id}': ${date} is still to come`
  const events = await ctx.reports.journalEvents(date)
  if (events === null) {
    const kept = ctx.config.data.retention.journalDays
    return `No ticket '${id}': the hub has no journal of ${date} (journals are kept ${kept} days); record the feedback without a ticket`
  }
  return events.some((e) => e.type === 'ticketIssued' && e.ticketId === id) ? null : notIssued(id, date)
}

function notIssued(id: string, date: string): string {
  return `No ticket '${id}' was issued on ${date}`
}
