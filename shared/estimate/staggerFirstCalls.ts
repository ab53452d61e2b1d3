import { timeOfCall } from './callCountProcess'
import type { CounterAvailability } from './counterAvailability'
import { isPoint, shapeMean } from './firstCallTime'
import { occupancyAt } from './learnServiceTimes'
import type { ProjectionInput } from './projectionTypes'

/**
 * First projected call of each counter on expected times. A counter whose current work ends at
 * a known time calls then. Counters whose work ends at random are staggered: sorted by expected
 * end, each gets the time its own expected call count reaches its share of the pooled calls
 * (weighted by its pace), so s identical busy counters call at m/s, 2m/s, … m — the expected
 * pooled order — rather than all together at m.
 */
export function staggerFirstCalls(input: ProjectionInput, next: Float64Array, closeAt: Float64Array): void {
  const random: { c: number; mean: number; pace: number; a: CounterAvailability }[] = []
  input.availability.forEach((a, c) => {
    if (a == null) return
    closeAt[c] = a.closeAt
    if (isPoint(a.first)) {
      const at = shapeMean(a.first)
      next[c] = at < a.closeAt ? at : Number.POSITIVE_INFINITY
      return
    }
    const mean = shapeMean(a.first)
    random.push({ c, mean, pace: 1 / typicalCycle(input, c), a })
  })
  random.sort((x, y) => x.mean - y.mean || x.c - y.c)
  const total = random.reduce((s, r) => s + r.pace, 0)
  let cum = 0
  for (const r of random) {
    cum += r.pace
    const share = Math.min(1, cum / total)
    const hit = timeOfCall(
      [{ first: r.a.first, cycleMean: 1 / r.pace, cycleScv: 1, closeAt: r.a.closeAt }],
      share,
      r.mean * share,
    )
    next[r.c] = hit === null || hit.t >= r.a.closeAt ? Number.POSITIVE_INFINITY : hit.t
  }
}

/** The cycle of a counter's first-preference service: its pace for the stagger. */
function typicalCycle(input: ProjectionInput, c: number): number {
  const counter = input.branch.counters[c]
  const first = counter?.services[0]
  if (counter === undefined || first === undefined) return 60
  return occupancyAt(input.model, first, counter.id).meanSec
}
