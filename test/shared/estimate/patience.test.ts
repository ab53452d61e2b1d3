import { describe, expect, it } from 'vitest'
import { addPatience, fitPatience, NO_PATIENCE_DATA, type PatienceData } from '../../../shared/estimate/patience'
import { addFirstCall, emptyServiceTimeStats } from '../../../shared/estimate/serviceTimeStats'
import { sampleExponential, seededRng } from '../../../shared/sim/random'
import { Driver } from '../support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../support/testBranch'

/** First calls after exponential waits: a share `q` gone whatever the wait, the others leave at rate 1/patience. */
function calls(n: number, q: number, patienceSec: number, meanWaitSec: number, seed: number): PatienceData {
  const rng = seededRng(seed)
  let d: PatienceData = NO_PATIENCE_DATA
  for (let i = 0; i < n; i++) {
    const waited = sampleExponential(rng, meanWaitSec)
    d = addPatience(d, waited, rng.next() < q || sampleExponential(rng, patienceSec) < waited)
  }
  return d
}

describe('fitPatience', () => {
  it('recovers the patience of customers who leave while they wait (interval- and right-censored)', () => {
    const f = fitPatience(calls(2000, 0, 900, 600, 1))
    expect(1 / f.perSec).toBeGreaterThan(800)
    expect(1 / f.perSec).toBeLessThan(1000)
    expect(f.noShow).toBeLessThan(0.03)
  })

  it('tells customers who never meant to stay from impatient ones: absences that do not grow with the wait', () => {
    const f = fitPatience(calls(2000, 0.1, 1e12, 600, 2))
    expect(f.noShow).toBeGreaterThan(0.08)
    expect(f.noShow).toBeLessThan(0.12)
    // nobody gives up for waiting: a mean patience of days
    expect(1 / f.perSec).toBeGreaterThan(20 * 3600)
  })

  it('learns both at once', () => {
    const f = fitPatience(calls(3000, 0.05, 1200, 900, 3))
    expect(f.noShow).toBeGreaterThan(0.03)
    expect(f.noShow).toBeLessThan(0.08)
    expect(1 / f.perSec).toBeGreaterThan(900)
    expect(1 / f.perSec).toBeLessThan(1600)
  })

  it('is not held back by its prior on a morning of short waits (the prior is worth 20 calls, not 4 hours)', () => {
    // 100 first calls after two minutes on average, customers leaving after 20 minutes on average:
    // the calls hold about three hours of waiting, less than a fixed prior of 4 hours without
    // anyone leaving, which used to pull the rate to less than half of the truth.
    const rates = Array.from({ length: 20 }, (_, i) => fitPatience(calls(100, 0, 1200, 120, 100 + i)).perSec)
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length
    expect(mean * 1200).toBeGreaterThan(0.75)
    expect(mean * 1200).toBeLessThan(1.25)
  })

  describe('edge cases', () => {
    it('says nobody leaves when nobody has been missed, or nothing is known', () => {
      expect(fitPatience(NO_PATIENCE_DATA)).toEqual({ noShow: 0, perSec: 0 })
      expect(fitPatience(calls(100, 0, 1e15, 300, 4))).toEqual({ noShow: 0, perSec: 0 })
    })

    it('does not make the next call a coin toss after one early no-show', () => {
      const f = fitPatience(addPatience(NO_PATIENCE_DATA, 30, true))
      expect(f.noShow + (1 - Math.exp(-f.perSec * 600))).toBeLessThan(0.15)
    })
  })
})

describe('addFirstCall', () => {
  it('files the wait before the first call, and whether the customer came', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    d.issue(A)
    d.issue(A)
    d.advance(120)
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    d.callNext(C1)
    for (let i = 0; i < TEST_BRANCH.policy.recallsBeforeNoShow; i++)
      d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    let stats = emptyServiceTimeStats('2026-11-24')
    for (const t of [...d.state.done, ...d.state.open]) stats = addFirstCall(stats, t)
    expect(stats.patience[A]?.present).toBe(1)
    expect(stats.patience[A]?.presentSec).toBeCloseTo(120, 6)
    expect(stats.patience[A]?.absent.reduce((a, b) => a + b, 0)).toBe(1)
  })
})
