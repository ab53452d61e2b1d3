import { describe, expect, it } from 'vitest'
import { calibrateEstimate, NO_CALIBRATION, observeWait } from '../../../shared/estimate/calibration'
import { coverageBreakdown } from '../../../shared/estimate/coverageBreakdown'
import { scorePredictions } from '../../../shared/estimate/evaluatePredictions'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { predictionRows } from '../../../shared/sim/predictionRows'
import { mixSeed, sampleLognormal, seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runDays } from '../../../shared/sim/runScenario'

describe('calibration', () => {
  it('brings a range that is far too narrow to 10 % misses at each end', () => {
    const rng = seededRng(mixSeed(5))
    const model = { mean: 300, p10: 280, p50: 300, p90: 320 } // the truth: lognormal, mean 300, cv 0.8
    let c = NO_CALIBRATION
    let above = 0
    let below = 0
    const n = 4000
    for (let i = 0; i < n; i++) {
      const shown = calibrateEstimate(c, 'a', 10, model, 0)
      const actual = sampleLognormal(rng, 300, 0.8)
      if (i >= n / 2) {
        if (actual > shown.p90) above++
        if (actual < shown.p10) below++
      }
      c = observeWait(c, 'a', 10, shown, actual, 0)
    }
    expect(above / (n / 2)).toBeGreaterThan(0.07)
    expect(above / (n / 2)).toBeLessThan(0.13)
    expect(below / (n / 2)).toBeGreaterThan(0.07)
    expect(below / (n / 2)).toBeLessThan(0.13)
  })

  it('keeps the mean and leaves "now" alone', () => {
    const c = observeWait(NO_CALIBRATION, 'a', 9, { mean: 60, p10: 30, p50: 55, p90: 90 }, 900, 0)
    const e = calibrateEstimate(c, 'a', 9, { mean: 60, p10: 30, p50: 55, p90: 90 }, 0)
    expect(e.mean).toBe(60)
    expect(e.p90).toBeGreaterThan(90)
    expect(calibrateEstimate(c, 'a', 9, { mean: 0, p10: 0, p50: 0, p90: 0 }, 0).p90).toBe(0)
  })
})

describe('randomBranchDay', () => {
  it('makes valid scenarios, the same for the same seed', () => {
    for (const seed of [1, 2, 3, 40, 41]) {
      const s = randomBranchDay(seed)
      expect(parseScenario(JSON.parse(JSON.stringify(s)))).toMatchObject({ ok: true })
      expect(randomBranchDay(seed)).toEqual(s)
    }
  })
})

describe('the estimator on random branch days (fixed seeds, three days each, the first with no history)', () => {
  for (const seed of [6, 11]) {
    it(`holds its 80 % range on random day ${seed} and gives every ticket a figure`, () => {
      const days = runDays(randomBranchDay(seed), seed, 3)
      const rows = predictionRows(days)
      const s = scorePredictions(rows)
      // Honest tolerance: a few hundred correlated waits per day.
      expect(s.coverage).toBeGreaterThan(0.72)
      expect(s.coverage).toBeLessThan(0.88)
      expect(coverageBreakdown(rows).worstService?.coverage ?? 1).toBeGreaterThan(0.6)
      expect(days.flatMap((d) => d.records).filter((r) => r.estimate === null)).toEqual([])
    })
  }
})
