import type { BranchConfig } from '../domain/branch'
import type { Delay } from '../queue/delay'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'

/**
 * Whether a delay explains a ticket's wait: a branch-wide delay always; a service's when it is
 * the ticket's service; a counter's when that counter may call the ticket (it serves the
 * ticket's service, or the ticket was sent to it).
 *
 * @example
 * delayApplies({ scope: { kind: 'counter', counterId: 'c3' }, … }, branch, personalTicket) //=> true when c3 serves personal
 */
export function delayApplies(delay: Delay, branch: BranchConfig, ticket: Ticket): boolean {
  const scope = delay.scope
  switch (scope.kind) {
    case 'branch':
      return true
    case 'service':
      return scope.serviceId === ticket.serviceId
    case 'counter': {
      if (ticket.targetCounterId !== null) return ticket.targetCounterId === scope.counterId
      const counter = branch.counters.find((c) => c.id === scope.counterId)
      return counter !== undefined && counter.services.includes(ticket.serviceId)
    }
  }
}

/**
 * The explanations shown now that apply to a ticket: what the lobby display and the status page
 * show next to its estimate, and what lets a longer estimate through (`displayWait`).
 *
 * @example
 * delaysForTicket(state, branch, ticket).map((d) => d.kind) //=> ['counterPaused']
 */
export function delaysForTicket(state: QueueState, branch: BranchConfig, ticket: Ticket): Delay[] {
  return Object.values(state.delays).filter((d) => d.endedAt === null && delayApplies(d, branch, ticket))
}

/**
 * Every explanation of the day with its start, end and length (seconds; still running ones
 * measured to `now`), oldest first: for the daily report.
 *
 * @example
 * delayLog(state, now)[0] //=> { delay: {…}, durationSec: 840 }
 */
export function delayLog(state: QueueState, now: number): { delay: Delay; durationSec: number }[] {
  return Object.values(state.delays)
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((delay) => ({ delay, durationSec: ((delay.endedAt ?? now) - delay.startedAt) / 1000 }))
}
