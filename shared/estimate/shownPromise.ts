import type { WaitEstimate } from '../queue/ticket'
import { roundWaitKindly } from './displayWait'

/** How an actual wait met the range the customer was shown: shorter, inside it, or longer. */
export type ShownPromiseVerdict = 'below' | 'inside' | 'above'

/**
 * How a ticket's wait (seconds from issue to first call) met the promise it was shown at issue,
 * for every report that says "inside the range shown" (the day report's rows and honesty section,
 * and through them the KPI, the CSVs, the daily summaries and HQ).
 *
 * The promise is what the kiosk screen, the paper ticket and the phone showed at issue: the hub
 * shows a new ticket `roundWaitKindly` of the estimate journaled with it (`ticketIssued.estimate`,
 * `hub/estimation/liveEstimates`), so the same rounding of the same figure gives it back. It is
 * judged in whole minutes as shown: "about 1–4 min" is kept by any call from 1:00 up to 4:00
 * inclusive, although the estimator's own 80 % range behind it may have been 8 s – 3 min 39 s.
 * "Soon" (the top within two minutes) promised no range and is judged neither way: null.
 *
 * The estimator's calibration judges its raw p10–p90 instead (`estimate/calibration`, by
 * `queue/showsRange`): it learns its own 80 % range, not the kinder one shown.
 *
 * @example
 * judgeShownWait({ mean: 120, p10: 8.1, p50: 100, p90: 218.5 }, 229) //=> 'inside' (shown 1–4 min)
 * judgeShownWait({ mean: 120, p10: 8.1, p50: 100, p90: 218.5 }, 241) //=> 'above'
 * judgeShownWait({ mean: 40, p10: 5, p50: 30, p90: 98 }, 300) //=> null (shown "soon")
 */
export function judgeShownWait(estimate: WaitEstimate, waitSec: number): ShownPromiseVerdict | null {
  const shown = roundWaitKindly(estimate)
  if (shown.kind === 'soon') return null
  if (waitSec > shown.highMin * 60) return 'above'
  if (waitSec < shown.lowMin * 60) return 'below'
  return 'inside'
}
