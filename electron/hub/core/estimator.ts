import type { EstimatesView, ShownWait } from '../../../shared/api/views'
import type { TicketId } from '../../../shared/domain/ids'
import type { QueueState } from '../../../shared/queue/state'
import type { WaitEstimate } from '../../../shared/queue/ticket'

/** What the hub needs from the wait estimator (shared/estimate), behind a seam for tests. */
export interface WaitEstimator {
  /** The estimate to show a ticket just issued (the state already holds it). */
  forTicket(state: QueueState, ticketId: TicketId, now: number): WaitEstimate | null
  /** Every waiting ticket's estimate, and what a ticket taken now would get per service. */
  all(state: QueueState, now: number): Omit<EstimatesView, 'seq' | 'shown'>
  /**
   * What a customer is shown: rounded kindly, and not allowed to grow over what they were
   * shown before unless a delay explanation applies to them (`explained`).
   */
  shown(estimate: WaitEstimate, previous: ShownWait | null, explained: boolean): ShownWait
}
