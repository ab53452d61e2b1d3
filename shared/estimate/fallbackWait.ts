import type { BranchConfig } from '../domain/branch'
import type { WaitEstimate } from '../queue/ticket'
import type { CounterAvailability } from './counterAvailability'
import { shapeMean } from './firstCallTime'
import { occupancyAt, type LearnedServiceTimes } from './learnServiceTimes'
import type { ProjectedItem } from './projectedItem'
import { gammaWait } from './waitDistribution'

/** The shape of the fallback's gamma: wide (p10 ≈ 0.18, p90 ≈ 1.9 × the mean), as befits a rough figure. */
const SHAPE = 1.5

/**
 * A rough, wide estimate for a ticket the projection did not reach (its counters would make more
 * than the projection's budget of calls first, or it lies beyond four hours): its turn at the pace
 * the projection was calling its line (`beyondMean`, from `projectCalls`' `beyond`), or, when the
 * projection never called from its line, everyone its counters may call who came before it, plus
 * itself, at the counters' learned pace, from the moment the first of them can call. Better an honest "about 40–110 minutes" than no figure;
 * the range's calibration (`calibration.ts`) then learns how far off such figures run. Null only
 * when no counter that may call the ticket is staffed or planned today.
 *
 * @example
 * // 12 ahead at 2 counters of 300 s each, both free now: mean (12 + 1) · 300 / 2
 * fallbackWait(branch, model, availability, tickets, item)?.mean //=> 1950
 */
export function fallbackWait(
  branch: BranchConfig,
  model: LearnedServiceTimes,
  availability: readonly (CounterAvailability | null)[],
  waiting: readonly ProjectedItem[],
  x: ProjectedItem,
  beyondMean = Number.NaN,
): WaitEstimate | null {
  const pool: number[] = []
  branch.counters.forEach((c, i) => {
    if (availability[i] == null) return
    if (x.target >= 0 ? i === x.target : x.target === -1 && c.services.includes(x.serviceId)) pool.push(i)
  })
  if (pool.length === 0) return null
  if (beyondMean > 0) return gammaWait(beyondMean, (beyondMean * beyondMean) / SHAPE)
  let ahead = 0
  for (const t of waiting) {
    if (t === x || t.queuedAt > x.queuedAt) continue
    const callable = pool.some((i) =>
      t.target >= 0 ? t.target === i : (branch.counters[i]?.services.includes(t.serviceId) ?? false),
    )
    if (callable) ahead++
  }
  let occupancy = 0
  let start = Number.POSITIVE_INFINITY
  for (const i of pool) {
    const counter = branch.counters[i]
    const a = availability[i]
    if (counter === undefined || a == null) continue
    occupancy += occupancyAt(model, x.serviceId, counter.id).meanSec
    start = Math.min(start, shapeMean(a.first))
  }
  const mean = start + ((ahead + 1) * occupancy) / pool.length / pool.length
  return gammaWait(mean, (mean * mean) / SHAPE)
}
