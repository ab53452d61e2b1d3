import type { QueuePolicy } from '../domain/branch'
import type { CounterId } from '../domain/ids'
import type { QueueState } from './state'
import { currentVisit, type Ticket } from './ticket'

/** How long a parked customer may be away before their teller is prompted, unless the branch says otherwise. */
export const DEFAULT_PARKED_PROMPT_SEC = 5 * 60

/** A customer a counter parked, and since when (epoch ms). */
export interface ParkedCustomer {
  readonly ticket: Ticket
  readonly parkedAt: number
  /** Away longer than the branch's `parkedPromptSec`: the teller is prompted to see to them. */
  readonly overdue: boolean
}

/**
 * The customers a counter parked who have not come back, longest away first, each marked
 * overdue once away longer than the branch allows (`policy.parkedPromptSec`, default 5 min).
 *
 * @example
 * parkedAt(state, policy, 'c1', now).map((p) => [p.ticket.number, p.overdue]) //=> [['A007', true], ['A009', false]]
 */
export function parkedAt(
  state: QueueState,
  policy: Pick<QueuePolicy, 'parkedPromptSec'>,
  counterId: CounterId,
  now: number,
): ParkedCustomer[] {
  const limitMs = (policy.parkedPromptSec ?? DEFAULT_PARKED_PROMPT_SEC) * 1000
  return state.open
    .filter((t) => t.status === 'parked' && t.counterId === counterId)
    .map((ticket) => {
      const parkedAt = currentVisit(ticket)?.endedAt ?? ticket.issuedAt
      return { ticket, parkedAt, overdue: now - parkedAt > limitMs }
    })
    .sort((a, b) => a.parkedAt - b.parkedAt || a.ticket.seq - b.ticket.seq)
}
