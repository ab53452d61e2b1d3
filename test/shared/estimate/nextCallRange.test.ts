import { describe, expect, it } from 'vitest'
import { lowEndWithScaleError } from '../../../shared/estimate/waitDistribution'
import { sampleExponential, sampleLognormal, seededRng } from '../../../shared/sim/random'
import { busyPoolWait } from './support/busyPool'

const MEAN = 240
/** The estimator's relative error for a learned mean of standard error 0.15: √(0.15² + 0.05²). */
const REL_SE = 0.15
const REL_ERROR = Math.sqrt(REL_SE * REL_SE + 0.05 * 0.05)

/** The range of the ticket next in line at `counters` counters a minute into exponential work. */
function nextCallRange(counters: number) {
  return busyPoolWait('gamma', MEAN, 1, new Array<number>(counters).fill(60), 1, REL_SE)
}

/**
 * The next call by brute force when the counters' mean is itself only known to `REL_ERROR`: each
 * future draws the true mean (lognormal around the learned one), then each counter's rest.
 */
function bruteForceNextCalls(counters: number): number[] {
  const rng = seededRng(20261206)
  const calls: number[] = []
  for (let r = 0; r < 40_000; r++) {
    const mean = sampleLognormal(rng, MEAN, REL_ERROR)
    let first = Number.POSITIVE_INFINITY
    for (let c = 0; c < counters; c++) first = Math.min(first, sampleExponential(rng, mean))
    calls.push(first)
  }
  return calls
}

describe("the range of the ticket next in line, with the learned mean's uncertainty", () => {
  // A first morning's learned mean (standard error 15 %). Its low end used to be shifted down by
  // 1.28·error·mean, which is more than an exponential's p10 (a tenth of its mean): the range
  // started at zero and no next call ever fell below it.
  it.each([1, 2, 4])('has about a tenth of the next calls below its low end on %s busy counter(s)', (counters) => {
    const range = nextCallRange(counters)
    const calls = bruteForceNextCalls(counters)
    const below = calls.filter((t) => t < range.p10).length / calls.length
    expect(range.p10).toBeGreaterThan(0)
    expect(below).toBeGreaterThan(0.08)
    expect(below).toBeLessThan(0.12)
    // the high end keeps its allowance for delays the law does not know of: never too narrow
    expect(calls.filter((t) => t > range.p90).length / calls.length).toBeLessThan(0.1)
  })
})

describe('lowEndWithScaleError', () => {
  it("barely moves a low end far below the median (an exponential's p10)", () => {
    expect(lowEndWithScaleError(10.5, 69.3, 0.1)).toBeCloseTo(10.46, 1)
  })

  it('gives a time with no spread of its own the scale error’s spread', () => {
    expect(lowEndWithScaleError(100, 100, 0.1)).toBeCloseTo(100 * Math.exp(-0.12816), 6)
  })

  describe('edge cases', () => {
    it('leaves a low end at zero, and a scale known exactly, as they are', () => {
      expect(lowEndWithScaleError(0, 100, 0.1)).toBe(0)
      expect(lowEndWithScaleError(40, 100, 0)).toBe(40)
    })
  })
})
