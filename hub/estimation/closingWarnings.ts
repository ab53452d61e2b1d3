import type { EstimatesView } from '../../shared/api/views'
import type { BranchCalendar } from '../../shared/domain/branchCalendar'
import type { BranchConfig } from '../../shared/domain/branch'
import type { CounterId, ServiceId } from '../../shared/domain/ids'
import {
  servedBeforeClose,
  servingEnd,
  type ClosingWarning,
  type ServingEnd,
} from '../../shared/estimate/servedBeforeClose'
import type { QueueState } from '../../shared/queue/state'
import type { Ticket } from '../../shared/queue/ticket'
import type { RawEstimates } from './estimationJob'

export type ClosingWarnings = EstimatesView['shown']['closing']

/** Where a closing warning is decided from: the roster and the calendar as configured now. */
export interface ClosingSources {
  readonly branch: () => BranchConfig
  readonly calendar: () => BranchCalendar
  readonly utcOffsetMinutes: () => number
}

/**
 * Every waiting ticket's and every would-be ticket's closing warning (`servedBeforeClose`), from
 * the estimates about to be shown: worked out once per estimation, so the kiosk's buttons, the
 * receipt, the paper and the status page all say what the same estimate says. Only the warnings
 * are kept; a ticket sent to one counter is judged by that counter's end.
 */
export function closingWarnings(
  raw: RawEstimates,
  state: QueueState,
  sources: ClosingSources,
  now: number,
): ClosingWarnings {
  const ends = new Map<string, ServingEnd | null>()
  const endOf = (serviceId: ServiceId, target: CounterId | null): ServingEnd | null => {
    const key = `${serviceId}\u0000${target ?? ''}`
    if (!ends.has(key)) ends.set(key, endFor(sources, serviceId, target, now))
    return ends.get(key) ?? null
  }
  const tickets: Record<string, ClosingWarning> = {}
  for (const t of state.open) {
    const estimate = raw.tickets[t.id]
    if (t.status !== 'waiting' || estimate === undefined) continue
    const warning = servedBeforeClose(estimate, now, endOf(t.serviceId, t.targetCounterId))
    if (warning !== null) tickets[t.id] = warning
  }
  const newTicket: Record<string, Record<string, ClosingWarning>> = {}
  for (const [service, byClass] of Object.entries(raw.newTicket)) {
    for (const [cls, estimate] of Object.entries(byClass)) {
      const warning = servedBeforeClose(estimate, now, endOf(service as ServiceId, null))
      if (warning !== null) (newTicket[service] ??= {})[cls] = warning
    }
  }
  return { tickets, newTicket }
}

/**
 * The closing warning of a ticket the latest estimates do not include yet (issued a moment ago),
 * from the figure it was given at issue: the menu's for a walk-in, their own for a booked customer
 * checking in — so the receipt and the paper say what that figure says. The figure counts from
 * the issue, so the warning is anchored there: asked again a few seconds later (the status page,
 * a reprint) it says what the receipt said, not a range moved on by the seconds since.
 */
export function closingAtIssue(ticket: Ticket, sources: ClosingSources): ClosingWarning | null {
  if (ticket.estimate === null) return null
  const at = ticket.issuedAt
  return servedBeforeClose(ticket.estimate, at, endFor(sources, ticket.serviceId, ticket.targetCounterId, at))
}

function endFor(
  sources: ClosingSources,
  serviceId: ServiceId,
  target: CounterId | null,
  now: number,
): ServingEnd | null {
  return servingEnd(sources.branch(), sources.calendar(), serviceId, target, now, sources.utcOffsetMinutes())
}
