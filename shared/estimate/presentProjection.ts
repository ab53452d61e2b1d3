import type { BranchConfig } from '../domain/branch'
import type { QueueState } from '../queue/state'
import { estimateWaits, type EstimateOptions, type WaitEstimates } from './estimateWaits'
import type { LearnedServiceTimes } from './learnServiceTimes'

/**
 * The projection of who is already there: the model's projection with no arrivals forecast, its
 * mean only (one run, no randomised ones). It is a predictor of the combined mean (`pointMix`)
 * beside the model's own: what the wait would be if nobody came after the ticket. It parts from
 * the model most where a ticket's wait hangs on customers yet to come — a low-preference service
 * that the forecast main line would keep waiting — and there the waits tell the mix which to
 * believe: on the recorded month the forecast of the main line ran on past what the agents left in
 * the evening could serve and starved such callers for hours, while on the generated days a rush
 * forecast is usually right (thirteenth round (b)). It is not the model's figure even where the
 * forecast cannot matter (one run's count of calls, not the randomised runs' mean).
 *
 * @example
 * presentProjection(state, branch, model, now, { scratch }).tickets[0]?.estimate?.mean //=> 240
 */
export function presentProjection(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  now: number,
  options: EstimateOptions,
): WaitEstimates {
  return estimateWaits(state, branch, model, now, { ...options, arrivals: [], replications: 0 })
}
