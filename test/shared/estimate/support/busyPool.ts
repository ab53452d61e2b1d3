import type { CounterAvailability } from '../../../../shared/estimate/counterAvailability'
import { residualShape } from '../../../../shared/estimate/firstCallTime'
import type { Projection } from '../../../../shared/estimate/projectionTypes'
import { waitFromProjection, type CycleMoments } from '../../../../shared/estimate/waitDistribution'
import type { WaitEstimate } from '../../../../shared/queue/ticket'

/**
 * The estimator's range for a ticket that is the k-th call of busy counters whose transactions
 * (mean `m`, coefficient of variation `cv`) have run `elapsed`, every counter serving only them,
 * the learned mean known to a relative standard error `relSe` (0: known exactly).
 */
export function busyPoolWait(
  family: 'gamma' | 'lognormal',
  m: number,
  cv: number,
  elapsed: readonly number[],
  k: number,
  relSe: number,
): WaitEstimate {
  const scv = cv * cv
  const availability: CounterAvailability[] = elapsed.map((a) => ({
    first: residualShape(m, scv, family, a),
    closeAt: Number.POSITIVE_INFINITY,
  }))
  const cycles = new Float64Array(3 * elapsed.length)
  for (let j = 0; j < elapsed.length; j++) cycles.set([1, m, m * m * (1 + scv)], 3 * j)
  const projection: Projection = {
    at: (k * m) / elapsed.length,
    k,
    newcomers: 0,
    pool: elapsed.map((_, j) => j),
    cycles,
    offset: 0,
  }
  const own = (_: number, out: CycleMoments): void => {
    out.m1 = m
    out.m2 = m * m * (1 + scv)
  }
  const wait = waitFromProjection(projection, availability, own, relSe, null)
  if (wait === null) throw new Error('no estimate')
  return wait
}
