import { describe, expect, it } from 'vitest'
import { gammaP, gammaQ, gammaQuantile, lnGamma } from '../../../shared/estimate/gammaDistribution'

/** P(Erlang(k, 1) ≤ x) = 1 − Σ_{i<k} e^{−x} x^i / i!, summed directly. */
function erlangCdf(k: number, x: number): number {
  let term = Math.exp(-x)
  let sum = term
  for (let i = 1; i < k; i++) {
    term *= x / i
    sum += term
  }
  return 1 - sum
}

describe('lnGamma', () => {
  it('matches ln((n − 1)!) for whole numbers', () => {
    let fact = 1
    for (let n = 1; n <= 20; n++) {
      expect(lnGamma(n)).toBeCloseTo(Math.log(fact), 10)
      fact *= n
    }
  })

  it('gives Γ(½) = √π', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12)
  })
})

describe('gammaP and gammaQ', () => {
  it('equal the Erlang distribution function for whole shapes, in the body and the tails', () => {
    for (const k of [1, 2, 5, 30, 200]) {
      for (const x of [0.1 * k, 0.5 * k, k, 1.5 * k + 3, 3 * k + 10]) {
        const exact = erlangCdf(k, x)
        expect(gammaP(k, x)).toBeCloseTo(exact, 10)
        expect(gammaQ(k, x)).toBeCloseTo(1 - exact, 10)
      }
    }
  })

  it('keeps relative precision far in the upper tail', () => {
    // Q(1, x) = e^{−x}
    expect(gammaQ(1, 40) / Math.exp(-40)).toBeCloseTo(1, 8)
  })
})

describe('gammaQuantile', () => {
  it('inverts the distribution function for small, unit and large shapes', () => {
    for (const shape of [0.3, 1, 2.5, 17, 400]) {
      for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) {
        const x = gammaQuantile(p, shape, 1)
        expect(gammaP(shape, x)).toBeCloseTo(p, 9)
      }
    }
  })

  it('scales with the scale', () => {
    expect(gammaQuantile(0.9, 3, 60)).toBeCloseTo(60 * gammaQuantile(0.9, 3, 1), 8)
  })

  it('gives the exponential median 60 · ln 2', () => {
    expect(gammaQuantile(0.5, 1, 60)).toBeCloseTo(60 * Math.LN2, 9)
  })
})
