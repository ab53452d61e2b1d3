import { describe, expect, it } from 'vitest'
import { naiveWait, qlmWait, queueLengthWait } from '../../../shared/estimate/baselines'
import { scorePredictions } from '../../../shared/estimate/evaluatePredictions'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH } from '../support/testBranch'

describe('queueLengthWait and qlmWait', () => {
  it('give (n + 1)/(sμ) with all servers busy and zero with one free', () => {
    expect(queueLengthWait(4, 3, 60, true)).toBe(100)
    expect(queueLengthWait(4, 3, 60, false)).toBe(0)
  })

  it('agree without abandonment, and QLm is lower and falls as patience shortens', () => {
    expect(qlmWait(5, 2, 60, 0)).toBeCloseTo(queueLengthWait(5, 2, 60, true), 9)
    const some = qlmWait(5, 2, 60, 1 / 600)
    const more = qlmWait(5, 2, 60, 1 / 120)
    expect(some).toBeLessThan(queueLengthWait(5, 2, 60, true))
    expect(more).toBeLessThan(some)
    // Σ_{i=0}^{n} 1/(sμ + iθ) with n = 1, s = 1, μ = 1/60, θ = 1/60: 60 + 30
    expect(qlmWait(1, 1, 60, 1 / 60)).toBeCloseTo(90, 9)
  })
})

describe('naiveWait', () => {
  it('is people ahead × mean ÷ open counters that serve the service', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    d.issue(B)
    d.issue(A)
    const last = d.issue(A)
    // three A ahead... two of them; B does not count; c1 and c2 both serve A
    expect(naiveWait(d.state, TEST_BRANCH, last, d.now, 90)).toBe((2 * 90) / 2)
  })

  it('has no answer when no counter for the service is open', () => {
    const d = new Driver().openDay()
    const t = d.issue(B)
    expect(naiveWait(d.state, TEST_BRANCH, t, d.now, 90)).toBeNull()
  })
})

describe('scorePredictions', () => {
  it('scores RMSE over the customers every predictor answered and coverage over real ranges', () => {
    const s = scorePredictions([
      { actual: 100, ours: { mean: 110, p10: 50, p50: 100, p90: 160 }, naive: 70, les: 140, oracle: null },
      { actual: 300, ours: { mean: 200, p10: 120, p50: 190, p90: 280 }, naive: 200, les: 100, oracle: null },
      { actual: 0, ours: { mean: 0, p10: 0, p50: 0, p90: 0 }, naive: 0, les: null, oracle: null },
    ])
    expect(s.n).toBe(2)
    expect(s.rmse.ours).toBeCloseTo(Math.sqrt((10 * 10 + 100 * 100) / 2), 9)
    expect(s.rmse.naive).toBeCloseTo(Math.sqrt((30 * 30 + 100 * 100) / 2), 9)
    expect(s.rmse.oracle).toBeNull()
    expect(s.coverage).toBe(0.5)
    expect(s.coverageN).toBe(2)
  })
})
