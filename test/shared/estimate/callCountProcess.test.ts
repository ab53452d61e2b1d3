import { describe, expect, it } from 'vitest'
import { callsAt, poolCallsAt, timeOfCall, type CallCurve } from '../../../shared/estimate/callCountProcess'
import { pointShape, shapeFromMoments } from '../../../shared/estimate/firstCallTime'

const busyExp = (mean: number): CallCurve => ({
  first: shapeFromMoments(mean, mean * mean),
  cycleMean: mean,
  cycleScv: 1,
  closeAt: Number.POSITIVE_INFINITY,
})

describe('callsAt', () => {
  it('is a Poisson process (mean = variance = t/m) for a busy counter with exponential work', () => {
    for (const t of [1, 30, 60, 500, 5000]) {
      const x = callsAt(busyExp(60), t)
      expect(x.mean).toBeCloseTo(t / 60, 9)
      expect(x.variance).toBeCloseTo(t / 60, 9)
      expect(x.rate).toBeCloseTo(1 / 60, 12)
    }
  })

  it('calls at once when idle, then once per cycle on average', () => {
    const idle: CallCurve = { first: pointShape(0), cycleMean: 100, cycleScv: 0.5, closeAt: Number.POSITIVE_INFINITY }
    expect(callsAt(idle, 0).mean).toBe(1)
    expect(callsAt(idle, 300).mean).toBeCloseTo(4, 9)
  })

  it('makes no calls before a planned opening and none after a planned close', () => {
    const later: CallCurve = { first: pointShape(600), cycleMean: 100, cycleScv: 1, closeAt: 1000 }
    expect(callsAt(later, 599).mean).toBe(0)
    expect(callsAt(later, 700).mean).toBeCloseTo(2, 9)
    expect(callsAt(later, 5000).mean).toBeCloseTo(callsAt(later, 1000).mean, 12)
    expect(callsAt(later, 5000).rate).toBe(0)
  })
})

describe('timeOfCall', () => {
  it('finds the k-th call of s busy exponential counters at k·m/s', () => {
    const pool = [busyExp(90), busyExp(90), busyExp(90)]
    for (const k of [1, 2, 7, 40]) {
      const hit = timeOfCall(pool, k, 10)
      expect(hit?.t).toBeCloseTo((k * 90) / 3, 6)
      expect(hit?.variance).toBeCloseTo(k, 6)
      expect(hit?.rate).toBeCloseTo(3 / 90, 9)
    }
  })

  it('is zero when enough counters are free now, and null when the pool closes first', () => {
    const idle: CallCurve = { first: pointShape(0), cycleMean: 60, cycleScv: 1, closeAt: Number.POSITIVE_INFINITY }
    expect(timeOfCall([idle, idle], 2, 0)?.t).toBe(0)
    const closing: CallCurve = { first: pointShape(0), cycleMean: 60, cycleScv: 1, closeAt: 100 }
    expect(timeOfCall([closing], 5, 50)).toBeNull()
  })

  it('adds counters: the pool calls faster than each of its members', () => {
    const one = timeOfCall([busyExp(60)], 5, 100)?.t as number
    const two = timeOfCall([busyExp(60), busyExp(120)], 5, 100)?.t as number
    expect(two).toBeLessThan(one)
    expect(poolCallsAt([busyExp(60), busyExp(120)], two).mean).toBeCloseTo(5, 6)
  })
})
