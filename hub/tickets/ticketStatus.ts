import type { TicketStatusView } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import type { TicketId } from '../../shared/domain/ids'
import { lobbyHours } from '../../shared/domain/lobbyHours'
import { currentVisit } from '../../shared/queue/ticket'
import type { HubContext } from '../api/context'

/**
 * What a phone is told about one of today's tickets now, or undefined when the ticket is
 * unknown or the key is not its key (the same answer for both: the key is what protects it).
 * One place for the status route and the live status stream.
 */
export function ticketStatusView(
  ctx: Pick<HubContext, 'desk' | 'host' | 'links' | 'estimates' | 'clock' | 'config'> & { branch: () => BranchConfig },
  ticketId: TicketId,
  key: string,
): TicketStatusView | undefined {
  const facts = ctx.desk.factsOf(ctx.host.current, ticketId)
  if (facts === undefined || key !== ctx.links.key(ticketId)) return undefined
  const { ticket } = facts
  const counter = ticket.counterId === null ? undefined : ctx.branch().counters.find((c) => c.id === ticket.counterId)
  const called = ticket.status === 'called' || ticket.status === 'serving'
  const visit = currentVisit(ticket)
  const file = ctx.config.data
  const hours = lobbyHours(ctx.host.current, file.calendar, ctx.clock.now(), file.utcOffsetMinutes)
  return {
    ticketId: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    status: ticket.status,
    outcome: ticket.outcome,
    reopensAt: hours.kind === 'ended' ? hours.opensAt : null,
    issuedAt: ticket.issuedAt,
    peopleAhead: facts.peopleAhead,
    estimate: ticket.status === 'waiting' ? (ctx.estimates.current()?.tickets[ticket.id] ?? null) : null,
    shown: facts.shown,
    closing: facts.closing,
    counterNumber: called ? (counter?.number ?? null) : null,
    calls: ticket.status === 'called' && visit !== undefined ? visit.recalls + 1 : 0,
    language: ticket.language,
    serverNow: ctx.clock.now(),
  }
}
