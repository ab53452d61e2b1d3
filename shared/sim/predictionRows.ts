import type { PredictionRow } from '../estimate/evaluatePredictions'
import type { SimDay } from './runScenario'

/**
 * Every served customer of simulated days: their actual wait until call beside what each
 * predictor (ours, naive, last-to-enter-service, oracle, informed) said at issue — what the estimator's
 * tests and its benchmark score.
 *
 * @example
 * const score = scorePredictions(predictionRows(runDays(scenario, 3, 7).slice(2))) // skip 2 warm-up days
 */
export function predictionRows(days: readonly SimDay[]): PredictionRow[] {
  return days.flatMap((d) =>
    d.records
      .filter((r) => r.outcome === 'served' && r.calledAt !== null)
      .map((r) => {
        const c = d.comparisons.get(r.ticketId)
        return {
          actual: (r.calledAt as number) - r.issuedAt,
          ours: r.estimate,
          naive: c?.naive ?? null,
          les: c?.les ?? null,
          oracle: c?.oracle ?? null,
          informed: c?.informed ?? null,
          serviceId: r.serviceId,
          hour: Math.floor(r.issuedAt / 3600),
        }
      }),
  )
}
