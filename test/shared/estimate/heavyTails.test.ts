import { describe, expect, it } from 'vitest'
import { sampleGamma, sampleLognormal, seededRng, type Rng } from '../../../shared/sim/random'
import { busyPoolWait } from './support/busyPool'

type Family = 'gamma' | 'lognormal'

/** One transaction of mean `m` and coefficient of variation `cv`. */
function draw(rng: Rng, family: Family, m: number, cv: number): number {
  return family === 'lognormal' ? sampleLognormal(rng, m, cv) : sampleGamma(rng, 1 / (cv * cv)) * m * cv * cv
}

/**
 * The k-th call of busy counters whose transactions have run `elapsed`, by brute force: each
 * counter finishes its transaction (drawn given it has lasted that long), then calls once per
 * fresh transaction; the k-th smallest of all call times, averaged over many futures.
 */
function monteCarloKthCall(family: Family, m: number, cv: number, elapsed: readonly number[], k: number): number {
  const rng = seededRng(20261206)
  const runs = 20_000
  let sum = 0
  const calls: number[] = []
  for (let r = 0; r < runs; r++) {
    calls.length = 0
    for (const a of elapsed) {
      let s = draw(rng, family, m, cv)
      while (s <= a) s = draw(rng, family, m, cv)
      let t = s - a
      for (let j = 0; j < k; j++) {
        calls.push(t)
        t += draw(rng, family, m, cv)
      }
    }
    calls.sort((x, y) => x - y)
    sum += calls[k - 1] as number
  }
  return sum / runs
}

/** The estimator's mean for the same state: the ticket is the k-th call of these counters. */
function estimatedKthCall(family: Family, m: number, cv: number, elapsed: readonly number[], k: number): number {
  return busyPoolWait(family, m, cv, elapsed, k, 0).mean
}

describe("the k-th call's mean on transaction times more variable than exponential", () => {
  // Transactions under way from half a minute to 25 minutes: the long ones are likely long ones.
  const variable = [30, 200, 600, 1500]

  // The fluid time (where the expected count reaches k) was 10–20 % late on these.
  it.each([
    ['gamma', 2, 16],
    ['lognormal', 2, 8],
    ['lognormal', 2, 16],
    ['gamma', 1.5, 16],
  ] as const)(
    'is the brute-force mean within 6 per cent on four %s counters of cv %s, the %s-th call',
    (family, cv, k) => {
      const truth = monteCarloKthCall(family, 240, cv, variable, k)
      const estimate = estimatedKthCall(family, 240, cv, variable, k)
      expect(Math.abs(estimate - truth) / truth).toBeLessThan(0.06)
    },
  )

  it('leaves a single counter at its residual plus k − 1 cycles (the fluid time is exact there)', () => {
    // one counter, cv 2: the k-th call is the transaction's rest plus k − 1 whole transactions
    const truth = monteCarloKthCall('gamma', 240, 2, [200], 12)
    expect(Math.abs(estimatedKthCall('gamma', 240, 2, [200], 12) - truth) / truth).toBeLessThan(0.02)
  })
})
