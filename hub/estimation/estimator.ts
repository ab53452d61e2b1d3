import type { ShownSince, ShownWait } from '../../shared/estimate/displayWait'
import type { RawEstimates } from './estimationJob'
import type { QueueEvent } from '../../shared/queue/events'
import type { QueueState } from '../../shared/queue/state'
import type { WaitEstimate } from '../../shared/queue/ticket'
import type { WouldBe } from '../../shared/estimate/pointExperts'

/** A would-be ticket's estimate, and what the combined mean's predictors said behind it. */
export interface Quote {
  readonly estimate: WaitEstimate | null
  /** Undefined for an estimator without a combined mean. */
  readonly said: readonly number[] | null | undefined
}

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
  /**
   * The estimate of one would-be ticket, made now for it alone: a booked customer checking in,
   * whose slot and grace rank them as no walk-in of the menu is (absent: an estimator that
   * cannot, and the menu's figure is taken).
   */
  quote?(state: QueueState, now: number, ticket: WouldBe): Promise<Quote>
}
