import { describe, expect, it } from 'vitest'
import { normalTail } from '../../../shared/estimate/normalTail'
import {
  residualMoments,
  residualShape,
  shapeAt,
  shapeFromMoments,
  shapeMean,
  shapeQuantile,
} from '../../../shared/estimate/firstCallTime'
import { sampleShape, sampleTime } from '../../../shared/estimate/sampleTime'
import { seededRng } from '../../../shared/sim/random'

describe('residualShape', () => {
  it('is the same exponential whatever has elapsed when the time is exponential (memoryless)', () => {
    for (const elapsed of [0, 30, 600]) {
      const s = residualShape(90, 1, 'gamma', elapsed)
      expect(s).toEqual({ kind: 'phases', shift: 0, p: 1, rate1: 1 / 90, rate2: 1 / 90 })
    }
  })

  it('tabulates a gamma residual whose mean is the exact conditional mean', () => {
    for (const [scv, elapsed] of [
      [0.25, 0],
      [0.25, 200],
      [0.6, 100],
      [2, 300],
    ] as const) {
      const s = residualShape(240, scv, 'gamma', elapsed)
      expect(s.kind).toBe('table')
      expect(shapeMean(s) / residualMoments(240, scv, elapsed).mean).toBeCloseTo(1, 2)
    }
  })

  it('keeps a left tail: a busy counter is a little likely to be about to finish', () => {
    const s = residualShape(240, 0.25, 'gamma', 200)
    expect(shapeAt(s, 1).f).toBeGreaterThan(0)
    expect(shapeAt(s, 5).F).toBeGreaterThan(0)
    // a two-moment fit with a shift has none
    const r = residualMoments(240, 0.25, 200)
    expect(shapeAt(shapeFromMoments(r.mean, r.variance), 5).F).toBe(0)
  })

  it('tabulates a lognormal residual whose mean is the exact conditional mean, from the call on', () => {
    // E[S − a | S > a] = (mean·Q(z(a) − σ) − a·Q(z(a))) ÷ Q(z(a)), z(a) = (ln a − μ) ÷ σ
    // (cv 2: 4–9 % high — 65 even steps up to its far quantile are coarse where most of it lies)
    for (const cv of [0.1, 0.18, 0.5, 1]) {
      const s2 = Math.log(1 + cv * cv)
      const sigma = Math.sqrt(s2)
      const mu = Math.log(240) - s2 / 2
      for (const a of [0, 5, 24, 120, 240, 480]) {
        const z = a === 0 ? Number.NEGATIVE_INFINITY : (Math.log(a) - mu) / sigma
        const q = a === 0 ? 1 : normalTail(z)
        if (q < 1e-6) continue
        const exact = a === 0 ? 240 : (240 * normalTail(z - sigma) - a * q) / q
        // within 2 %: the table stops where 1/10,000 is left, which a heavy tail feels
        expect(Math.abs(shapeMean(residualShape(240, cv * cv, 'lognormal', a)) / exact - 1)).toBeLessThan(0.02)
      }
    }
  })

  it('expects more time left from a lognormal transaction the longer it has run', () => {
    const means = [0, 300, 900, 2400].map((a) => shapeMean(residualShape(240, 1.5, 'lognormal', a)))
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeGreaterThan(means[i - 1] as number)
  })

  it('expects less time left from a regular (low-variance gamma) transaction the longer it has run', () => {
    const early = shapeMean(residualShape(240, 0.2, 'gamma', 60))
    const late = shapeMean(residualShape(240, 0.2, 'gamma', 300))
    expect(late).toBeLessThan(early)
  })
})

describe('shapeAt', () => {
  it('integrates the distribution function: I1 = ∫F and I2 = 2∫(t − u)F(u)du', () => {
    for (const shape of [shapeFromMoments(60, 900), shapeFromMoments(60, 9000), residualShape(200, 0.4, 'gamma', 50)]) {
      const t = 150
      const n = 20_000
      let i1 = 0
      let i2 = 0
      for (let j = 0; j < n; j++) {
        const u = ((j + 0.5) * t) / n
        const F = shapeAt(shape, u).F
        i1 += (F * t) / n
        i2 += (2 * (t - u) * F * t) / n
      }
      const at = shapeAt(shape, t)
      expect(at.I1).toBeCloseTo(i1, 1)
      expect(at.I2 / i2).toBeCloseTo(1, 3)
    }
  })
})

describe('sampling', () => {
  it('draws shapes and moment-matched times with the right mean and variance', () => {
    const rng = seededRng(5)
    const n = 100_000
    for (const [mean, variance] of [
      [60, 900],
      [60, 3600],
      [60, 20_000],
    ] as const) {
      let s1 = 0
      let s2 = 0
      let t1 = 0
      for (let i = 0; i < n; i++) {
        const x = sampleTime(rng, mean, variance)
        s1 += x
        s2 += x * x
        t1 += sampleShape(rng, shapeFromMoments(mean, variance))
      }
      const m = s1 / n
      expect(m / mean).toBeCloseTo(1, 1)
      expect((s2 / n - m * m) / variance).toBeCloseTo(1, 1)
      expect(t1 / n / mean).toBeCloseTo(1, 1)
    }
  })

  it('draws from a table by its quantiles', () => {
    const s = residualShape(240, 0.5, 'gamma', 100)
    expect(shapeAt(s, shapeQuantile(s, 0.3)).F).toBeCloseTo(0.3, 6)
    const rng = seededRng(9)
    let sum = 0
    for (let i = 0; i < 50_000; i++) sum += sampleShape(rng, s)
    expect(sum / 50_000 / shapeMean(s)).toBeCloseTo(1, 1)
  })
})
