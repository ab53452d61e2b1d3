import type { TimeParams } from './learnServiceTimes'
import { MAX_SCV, MIN_SCV, type Weighted } from './weightedSums'

/**
 * A service's figure at each of its counters, from its pooled figure `occ` (prior and visits
 * together), each counter's visits (weighed as the pooled figure weighs them) and the counters'
 * paces (`counterPaces`).
 *
 * - The mean: the pooled mean is the service's time at the pace of the counters its visits were
 *   at — the prior, the standard, at the branch's — so it is brought to the branch's pace (÷ the
 *   pace its weight came at) and then to each counter's. Multiplied by a counter's pace as it
 *   was, a service seen mostly at one slow counter got that counter's slowness twice (generated
 *   day 1016: 513 s per call for a true 329 s).
 * - The spread: the pooled spread less the differences between the counters' means, which a
 *   counter's own pace already holds (fixed work done at 0.6 × and 1.4 × the branch's pace looked
 *   like cv 0.4). The difference is taken at the weight the pooled spread gives the data against
 *   its prior, so with one counter, or counters alike, it is the pooled spread.
 *
 * @example
 * // one counter: its figure is the service's own
 * counterTimes(occ, new Map([['c1', visits]]), { c1: 1 }, 5, 30).c1 //=> occ
 */
export function counterTimes(
  occ: TimeParams,
  visits: ReadonlyMap<string, Weighted>,
  speed: Readonly<Record<string, number>>,
  priorWeight: number,
  scvWeight: number,
): Record<string, TimeParams> {
  let w = 0
  let paced = 0
  let s1 = 0
  for (const [counter, x] of visits) {
    w += x.w
    paced += x.w * (speed[counter] ?? 1)
    s1 += x.s1
  }
  const pooledPace = (priorWeight + paced) / (priorWeight + w)
  let between = 0
  if (w > 0) {
    const mean = s1 / w
    for (const x of visits.values()) if (x.w > 0) between += x.w * (x.s1 / x.w - mean) ** 2
    between /= w
  }
  const scv = Math.min(
    MAX_SCV,
    Math.max(MIN_SCV, occ.scv - (w / (scvWeight + w)) * (between / (occ.meanSec * occ.meanSec))),
  )
  const out: Record<string, TimeParams> = {}
  for (const counter of visits.keys()) {
    // the shape is the service's at one counter, the pace the counter's own
    out[counter] = { ...occ, scv, meanSec: (occ.meanSec * (speed[counter] ?? 1)) / pooledPace }
  }
  return out
}
