import type { BranchConfig } from '../domain/branch'
import { fitPatience, mergePatience, patienceCount, type Patience, type PatienceData } from './patience'
import type { ServiceTimeStats } from './serviceTimeStats'

/** A service's patience borrows this many first calls' worth from the branch's (at most all of them). */
const PATIENCE_POOL_WEIGHT = 20

/**
 * Patience per service: the first calls of recent days (at most `cap` calls' worth) and today,
 * fitted with the branch's pooled data worth `PATIENCE_POOL_WEIGHT` calls as a prior, so a
 * service with few calls takes the branch's patience and a busy one its own.
 *
 * A branch with fewer calls than that lends what it has, not more: scaled up to 20 calls, the
 * day's first call, a no-show, made every service's customers absent at a 10-minute call with
 * probability 0.51 — the coin toss the prior in `fitPatience` is there to prevent.
 */
export function learnPatience(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  cap: number,
): Record<string, Patience> {
  const data: Record<string, PatienceData> = {}
  let pooled: PatienceData | undefined
  for (const service of branch.services) {
    const id = service.id
    let past: PatienceData | undefined
    for (const h of history) past = mergePatience(past, h.patience[id])
    const n = past === undefined ? 0 : patienceCount(past)
    const d = mergePatience(today?.patience[id], past, n > cap ? cap / n : 1)
    data[id] = d
    pooled = mergePatience(pooled, d)
  }
  const all = pooled === undefined ? 0 : patienceCount(pooled)
  const out: Record<string, Patience> = {}
  for (const service of branch.services) {
    const own = data[service.id]
    out[service.id] = fitPatience(
      all > 0 ? mergePatience(own, pooled, Math.min(1, PATIENCE_POOL_WEIGHT / all)) : (own as PatienceData),
    )
  }
  return out
}
