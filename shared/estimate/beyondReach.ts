import type { PreparedProjection } from './prepareProjection'
import type { CallCounts } from './projectionRun'
import type { Item } from './projectionTypes'

/** Per ticket and would-be ticket the run did not reach: when its turn would come at the run's pace (NaN: no figure). */
export interface Beyond {
  readonly tickets: Float64Array
  readonly ghosts: Float64Array
}

/**
 * The tickets a run stopped short of (beyond its horizon or its budget of calls) are called at the
 * pace the run called their group: a group whose head moved h places in the run's first T seconds
 * reaches the ticket p places behind the head at T + p·T/h. This keeps the policy's split of the
 * counters' work — a service first at one counter and last at the others moves at that one
 * counter's pace — where counting everyone the counters may call would charge every other
 * service's customers to it. A group the run never called from has no pace: NaN.
 */
export function beyondReach(prep: PreparedProjection, counts: CallCounts, lastAt: number): Beyond {
  const beyond: Beyond = {
    tickets: new Float64Array(prep.input.tickets.length).fill(Number.NaN),
    ghosts: new Float64Array(prep.input.ghosts.length).fill(Number.NaN),
  }
  for (const g of prep.groups) {
    if (g.head === 0 || !(lastAt > 0)) continue
    for (let i = g.head; i < g.base; i++) {
      const it = g.items[i] as Item
      const reached = it.kind === 0 ? counts.tickets[it.index] : counts.ghosts[it.index]
      if (!Number.isNaN(reached as number)) continue
      ;(it.kind === 0 ? beyond.tickets : beyond.ghosts)[it.index] = lastAt + ((i - g.head + 1) * lastAt) / g.head
    }
  }
  return beyond
}
