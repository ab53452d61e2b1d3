import { describe, expect, it } from 'vitest'
import { offeredLoadAt } from '../../../shared/queueing/offeredLoad'
import { empiricalService, exponentialService, histogramService } from '../../../shared/queueing/serviceTimeModel'
import { seededRng, sampleExponential } from '../../../shared/sim/random'

describe('service time models', () => {
  it('give E[min(S, x)] for exponential, empirical and histogram distributions', () => {
    const exp = exponentialService(60)
    expect(exp.partialMean(60)).toBeCloseTo(60 * (1 - Math.exp(-1)), 12)
    expect(exp.partialMean(-5)).toBe(0)
    const emp = empiricalService([30, 90, 120])
    expect(emp.meanSec).toBe(80)
    expect(emp.partialMean(60)).toBeCloseTo((30 + 60 + 60) / 3, 12)
    expect(emp.partialMean(1000)).toBeCloseTo(80, 12)
    const hist = histogramService([0, 60, 120], [1, 1, 2], 300)
    // uniform in [0,60), uniform in [60,120), two at 300
    expect(hist.meanSec).toBeCloseTo((30 + 90 + 600) / 4, 12)
    expect(hist.partialMean(1e6)).toBeCloseTo(hist.meanSec, 12)
    // at x = 30: bin 1 gives E[min(U(0,60),30)] = 22.5, the others 30
    expect(hist.partialMean(30)).toBeCloseTo((22.5 + 30 + 60) / 4, 12)
  })

  it('agrees between a large exponential sample and the exponential formula', () => {
    const rng = seededRng(5)
    const sample = Array.from({ length: 200_000 }, () => sampleExponential(rng, 100))
    const emp = empiricalService(sample)
    const exp = exponentialService(100)
    for (const x of [10, 50, 100, 300]) expect(emp.partialMean(x) / exp.partialMean(x)).toBeCloseTo(1, 2)
  })
})

describe('offeredLoadAt', () => {
  it('rises towards λ·E[S] after opening and decays exponentially after the arrivals drop', () => {
    const s = 1200
    const exp = exponentialService(s)
    const rates = [40 / 3600, 40 / 3600, 10 / 3600, 10 / 3600]
    // from empty: m(t) = λs(1 − e^{−t/s})
    const atOne = offeredLoadAt(rates, 3600, exp, 3600)
    expect(atOne).toBeCloseTo((40 / 3600) * s * (1 - Math.exp(-3)), 9)
    // after the drop at 7200: m = λ₂s + (m(7200) − λ₂s)·e^{−u/s}
    const m0 = offeredLoadAt(rates, 3600, exp, 7200)
    const u = 900
    const expected = (10 / 3600) * s + (m0 - (10 / 3600) * s) * Math.exp(-u / s)
    expect(offeredLoadAt(rates, 3600, exp, 7200 + u)).toBeCloseTo(expected, 9)
    // well above the stationary load of the quiet hour
    expect(offeredLoadAt(rates, 3600, exp, 7200 + u)).toBeGreaterThan(2 * (10 / 3600) * s)
  })

  it('is λ·min(t, D) for deterministic transactions of D seconds', () => {
    const emp = empiricalService([600, 600])
    const rates = [0.01, 0.01]
    expect(offeredLoadAt(rates, 3600, emp, 300)).toBeCloseTo(3, 9)
    expect(offeredLoadAt(rates, 3600, emp, 5000)).toBeCloseTo(6, 9)
    // 600 s after the last arrivals stop, nobody is left in transaction
    expect(offeredLoadAt(rates, 3600, emp, 7200 + 600)).toBeCloseTo(0, 9)
  })
})
