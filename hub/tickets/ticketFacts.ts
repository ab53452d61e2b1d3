import type { ShownWait } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import type { PriorityClassId, ServiceId, TicketId } from '../../shared/domain/ids'
import type { CallHold } from '../../shared/estimate/callHold'
import type { ClosingWarning } from '../../shared/estimate/servedBeforeClose'
import { peopleAhead } from '../../shared/queue/peopleAhead'
import { getTicket, type QueueState } from '../../shared/queue/state'
import type { Ticket } from '../../shared/queue/ticket'
import type { StatusLinks } from './statusLinks'

/**
 * What a customer is told about their ticket at the moment it is issued — on the kiosk screen,
 * on the paper and on the phone: worked out once, then handed to each.
 */
export interface TicketFacts {
  readonly ticket: Ticket
  readonly peopleAhead: number
  /** The range as shown (rounded kindly, never rising without a reason). */
  readonly shown: ShownWait | null
  /** While waiting: why no counter can call it now (null: one can, or it is not waiting). */
  readonly hold: CallHold | null
  /** While waiting: when the wait may run past the counters' planned end (null: it ends in time). */
  readonly closing: ClosingWarning | null
  readonly statusPath: string
  /** Null when phones cannot reach the hub: no QR code then. */
  readonly statusUrl: string | null
}

export interface FactSources {
  readonly branch: () => BranchConfig
  readonly now: () => number
  readonly shownFor: (ticketId: TicketId) => ShownWait | null
  /**
   * What the kiosk menu shows for a service and class: a walk-in's ticket issued this moment has
   * no range of its own until the estimator has run, and was just shown this one (a booked
   * customer's never is: their slot ranks them as no walk-in).
   */
  readonly menuShown: (serviceId: ServiceId, priorityClassId: PriorityClassId | null) => ShownWait | null
  /**
   * Whether the latest estimate has been made and gives this ticket no wait: the estimator's
   * answer when no counter that may call it is open or planned today (false before the first).
   */
  readonly noWaitEstimated: (ticketId: TicketId) => boolean
  /** Why nobody can call a waiting ticket now (`LiveEstimates.holdFor`). */
  readonly holdFor: (state: QueueState, ticket: Ticket) => CallHold | null
  /** A waiting ticket's closing warning (`LiveEstimates.closingFor`). */
  readonly closingFor: (ticket: Ticket) => ClosingWarning | null
  readonly links: StatusLinks
}

/** The facts of a ticket of `state`, or undefined when it is not one of today's. */
export function ticketFacts(sources: FactSources, state: QueueState, ticketId: TicketId): TicketFacts | undefined {
  const ticket = getTicket(state, ticketId)
  if (ticket === undefined) return undefined
  const waiting = ticket.status === 'waiting'
  return {
    ticket,
    peopleAhead: peopleAhead(state, sources.branch(), ticket, sources.now()),
    shown: waiting ? shownOf(sources, ticket) : null,
    hold: waiting ? sources.holdFor(state, ticket) : null,
    closing: waiting ? sources.closingFor(ticket) : null,
    statusPath: sources.links.path(ticketId),
    statusUrl: sources.links.url(ticketId),
  }
}

/**
 * The range a waiting ticket is shown. No range when the kiosk menu shows none for its service
 * and class and the latest estimate has none for the ticket either (every counter that may call
 * it closed or paused for the day): the menu's decision, so the phone and the paper never keep a
 * range the kiosk beside them no longer shows. Otherwise the range it was last shown (kept between
 * estimates, and for a ticket issued since the latest one), else, for a walk-in, the menu's (a
 * booked customer's never is: their slot ranks them as no walk-in).
 */
function shownOf(sources: FactSources, ticket: Ticket): ShownWait | null {
  const menu = sources.menuShown(ticket.serviceId, ticket.priorityClassId)
  if (menu === null && sources.noWaitEstimated(ticket.id)) return null
  return sources.shownFor(ticket.id) ?? (ticket.appointmentAt === null ? menu : null)
}
