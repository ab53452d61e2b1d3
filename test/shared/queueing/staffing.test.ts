import { describe, expect, it } from 'vitest'
import { erlangC, mmcWaitWithin } from '../../../shared/queueing/erlangC'
import { normalCdf, normalPdf } from '../../../shared/queueing/normal'
import {
  halfinWhittBeta,
  halfinWhittDelay,
  serversForTargets,
  shareWithinTargets,
  squareRootStaffing,
} from '../../../shared/queueing/staffing'

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    expect(normalCdf(1)).toBeCloseTo(0.841344746, 6)
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6)
    expect(normalCdf(3)).toBeCloseTo(0.998650102, 6)
    expect(normalPdf(1)).toBeCloseTo(0.241970725, 9)
  })
})

describe('shareWithinTargets', () => {
  it('is the Erlang C service level for one target (10 Erlangs, 14 counters, 88.8 % within 20 s)', () => {
    const one = shareWithinTargets(14, 10 / 180, 1 / 180, [{ share: 1, targetSec: 20 }])
    expect(one).toBeCloseTo(0.888, 3)
    expect(one).toBeCloseTo(mmcWaitWithin(14, 10 / 180, 1 / 180, 20), 12)
  })

  it('weighs each service by its share of arrivals', () => {
    const lambda = 10 / 180
    const mu = 1 / 180
    const short = shareWithinTargets(12, lambda, mu, [{ share: 1, targetSec: 20 }])
    const long = shareWithinTargets(12, lambda, mu, [{ share: 1, targetSec: 300 }])
    const mixed = shareWithinTargets(12, lambda, mu, [
      { share: 0.25, targetSec: 20 },
      { share: 0.75, targetSec: 300 },
    ])
    expect(mixed).toBeCloseTo(0.25 * short + 0.75 * long, 12)
    expect(short).toBeLessThan(long)
  })

  describe('edge cases', () => {
    it('says nobody is called in time when the queue is unstable, and everybody when nobody comes', () => {
      expect(shareWithinTargets(3, 3 / 60, 1 / 60, [{ share: 1, targetSec: 600 }])).toBe(0)
      expect(shareWithinTargets(1, 0, 1 / 60, [{ share: 1, targetSec: 0 }])).toBe(1)
    })
  })
})

describe('serversForTargets', () => {
  it('finds the classic 80/20 answer: 14 counters for 10 Erlangs of 180 s transactions', () => {
    const target = [{ share: 1, targetSec: 20 }]
    expect(serversForTargets(10 / 180, 1 / 180, target, 0.8)).toBe(14)
    // 13 would fall short, which is why 14 is the answer
    expect(shareWithinTargets(13, 10 / 180, 1 / 180, target)).toBeLessThan(0.8)
  })

  it('never staffs below the load and needs none when nobody comes', () => {
    expect(serversForTargets(0, 1 / 60, [{ share: 1, targetSec: 600 }], 0.8)).toBe(0)
    // a very long target still needs more counters than Erlangs offered
    expect(serversForTargets(5.5 / 60, 1 / 60, [{ share: 1, targetSec: 1e9 }], 0.99)).toBe(6)
  })

  it('asks for more counters for a stricter promise', () => {
    const lambda = 1 / 20
    const mu = 1 / 120
    const lax = serversForTargets(lambda, mu, [{ share: 1, targetSec: 900 }], 0.8)
    const strict = serversForTargets(lambda, mu, [{ share: 1, targetSec: 60 }], 0.95)
    expect(strict).toBeGreaterThan(lax)
  })
})

describe('square-root staffing', () => {
  it('inverts the Halfin–Whitt delay probability', () => {
    for (const alpha of [0.05, 0.2, 0.5, 0.8]) expect(halfinWhittDelay(halfinWhittBeta(alpha))).toBeCloseTo(alpha, 9)
    expect(halfinWhittDelay(0)).toBe(1)
  })

  it('lands close to the exact Erlang C delay probability for a large branch', () => {
    const load = 100
    const beta = halfinWhittBeta(0.2)
    const c = squareRootStaffing(load, beta)
    expect(c).toBe(Math.ceil(load + beta * 10))
    expect(Math.abs(erlangC(c, load) - 0.2)).toBeLessThan(0.03)
  })

  it('needs no counters for no load', () => {
    expect(squareRootStaffing(0, 1)).toBe(0)
    expect(squareRootStaffing(100, 1)).toBe(110)
  })
})
