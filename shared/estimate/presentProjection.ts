import type { PreparedProjection } from './prepareProjection'
import type { Stream } from './projectionTypes'

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
 * It is asked of `estimateWaits` (`options.present`), which runs it on the model's own preparation:
 * the two differ only in the arrival streams (fourteenth round (a)). By definition it is
 * `estimateWaits` with `arrivals: []` and `replications: 0`, and it gives those means exactly.
 */

const NONE: readonly Stream[] = Object.freeze([])

/**
 * A preparation as it would be with no arrivals forecast, for an expected run (`runProjection`):
 * the same groups, calling lists and working memory, no streams, and so nothing for a counter with
 * nobody to call to wait for. The groups the streams alone made stay, empty: a run passes over
 * them, and they come after every other group in the calling lists (so ties go as before). It
 * shares the preparation's pool: the expected run on it rewrites the records of the one before.
 *
 * @example
 * runProjection(withoutArrivals(prep), null).projections[0]?.k //=> 3 (with the forecast: 5)
 */
export function withoutArrivals(prep: PreparedProjection): PreparedProjection {
  return { ...prep, streams: NONE, wakers: prep.wakers.map(() => NONE) }
}
