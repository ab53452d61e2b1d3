import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../../shared/sim/scenario'
import { scoreDays } from './support/scoreDays'

/** An M/M/s day: Poisson arrivals, exponential 2-minute transactions, s counters all day. */
function mms(servers: number, load: number): Scenario {
  const meanSec = 120
  return {
    name: `M/M/${servers} at ${load}`,
    hours: { open: '09:00', close: '17:00' },
    services: [
      { id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: meanSec, serviceTime: { dist: 'exp', meanSec } },
    ],
    arrivals: [{ service: 'a', perHour: (load * servers * 3600) / meanSec }],
    counters: Array.from({ length: servers }, (_, i) => ({ id: `k${i}`, services: ['a'] })),
  }
}

// The estimator learns the service time from the days (prior: the standard, 120 s); the oracle
// is Whitt's queue-length predictor with the true rate, computed at each issue from the same log.
// Two warm-up days give it a history, as a branch has; then five days are scored.
describe('estimator on simulated M/M/s days', () => {
  for (const [servers, load] of [
    [1, 0.7],
    [1, 0.95],
    [3, 0.8],
    [3, 0.95],
    [8, 0.7],
    [8, 0.9],
  ] as const) {
    it(`is within 5 % of the queue-length oracle and calibrated for s = ${servers} at ${load * 100} % load`, () => {
      const score = scoreDays(mms(servers, load), 11, 2, 5)
      const oracle = score.rmse.oracle as number
      // five eight-hour days of arrivals, nearly all scored (the first of each service lacks an LES)
      expect(score.n).toBeGreaterThan(0.9 * 5 * 8 * ((load * servers * 3600) / 120))
      expect(score.rmse.ours).toBeLessThanOrEqual(1.05 * oracle)
      expect(score.coverage).toBeGreaterThanOrEqual(0.75)
      expect(score.coverage).toBeLessThanOrEqual(0.85)
      // and delay history does worse when the state is known (Ibrahim & Whitt 2009)
      expect(score.rmse.les).toBeGreaterThan(score.rmse.ours)
    }, 60_000)
  }
})
