import type { ShownSince, ShownWait } from '../../shared/estimate/displayWait'
import type { RawEstimates } from './estimationJob'
import type { QueueEvent } from '../../shared/queue/events'
import type { QueueState } from '../../shared/queue/state'
import type { WaitEstimate } from '../../shared/queue/ticket'

/** What the hub needs from the wait estimator (shared/estimate), behind a seam for tests. */
export interface WaitEstimator {
  /** Every waiting ticket's estimate, and what a ticket taken now would get per service. */
  all(state: QueueState, now: number): RawEstimates | Promise<RawEstimates>
  /**
   * What a customer is shown: rounded kindly, and not allowed to grow over what they were
   * shown before unless a delay explanation applies to them (`explained`).
   */
  shown(estimate: WaitEstimate, previous: ShownSince | null, now: number, explained: boolean): ShownWait
  /**
   * Every event of the live queue, as it happens: the ranges shown at issue and the calls that
   * follow are what the range's calibration learns from (optional: a fixed estimator ignores them).
   */
  observe?(event: QueueEvent): void
  /**
   * What the combined mean's predictors said behind the kiosk menu's estimate for a ticket of
   * this service and class (journaled with the ticket, so a restart relearns the mix); absent or
   * undefined for an estimator without a combined mean.
   */
  predictorsSaid?(serviceId: string, priorityClassId: string | null): readonly number[] | null | undefined
}
