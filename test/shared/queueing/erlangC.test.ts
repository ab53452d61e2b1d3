import { describe, expect, it } from 'vitest'
import { accumulatingPriorityWaits } from '../../../shared/queueing/accumulatingPriorityWaits'
import { erlangB, erlangC, mmcMeanWait, mmcWaitWithin } from '../../../shared/queueing/erlangC'

describe('Erlang formulas', () => {
  it('match published values', () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12)
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12)
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4)
    // 10 Erlangs, 14 agents, 180 s handle time: 88.8 % answered within 20 s
    expect(mmcWaitWithin(14, 10 / 180, 1 / 180, 20)).toBeCloseTo(0.888, 3)
  })

  it('reduce to M/M/1: W = ρ / (μ − λ)', () => {
    expect(mmcMeanWait(1, 0.5, 1)).toBeCloseTo(1, 12)
    expect(mmcMeanWait(1, 0.8, 1)).toBeCloseTo(4, 12)
  })

  describe('edge cases', () => {
    it('say everybody waits, forever, when the queue is unstable', () => {
      expect(erlangC(2, 2)).toBe(1)
      expect(mmcMeanWait(2, 2, 1)).toBe(Number.POSITIVE_INFINITY)
      expect(mmcWaitWithin(2, 3, 1, 100)).toBe(0)
    })
  })
})

describe('accumulatingPriorityWaits', () => {
  it('gives every class the FCFS wait when rates are equal', () => {
    const w = accumulatingPriorityWaits(
      [
        { lambda: 0.02, rate: 1 },
        { lambda: 0.01, rate: 1 },
      ],
      3,
      1 / 60,
      17.7,
    )
    expect(w[0]).toBeCloseTo(17.7, 10)
    expect(w[1]).toBeCloseTo(17.7, 10)
  })

  it('keeps the conservation law: Σ ρ_i W_i = ρ W_F, whatever the rates', () => {
    const classes = [
      { lambda: 0.02, rate: 4 },
      { lambda: 0.03, rate: 1 },
      { lambda: 0.01, rate: 2 },
    ]
    const servers = 5
    const mu = 1 / 60
    const wF = mmcMeanWait(servers, 0.06, mu)
    const w = accumulatingPriorityWaits(classes, servers, mu, wF)
    const weighted = classes.reduce((s, c, i) => s + c.lambda * (w[i] as number), 0)
    expect(weighted).toBeCloseTo(0.06 * wF, 9)
    // faster accumulation, shorter wait
    expect(w[0]).toBeLessThan(w[2] as number)
    expect(w[2]).toBeLessThan(w[1] as number)
  })

  it('approaches strict priority as the rate ratio grows (two classes, M/M/1)', () => {
    // non-preemptive priority M/M/1, λ1 (high) = λ2 = 0.25, μ = 1: W_high = R/(1−ρ1), R = ρ = 0.5
    const wF = mmcMeanWait(1, 0.5, 1)
    const [low, high] = accumulatingPriorityWaits(
      [
        { lambda: 0.25, rate: 1 },
        { lambda: 0.25, rate: 1e9 },
      ],
      1,
      1,
      wF,
    )
    expect(high).toBeCloseTo(0.5 / 0.75, 6)
    expect(low).toBeCloseTo(0.5 / (0.75 * 0.5), 6)
  })
})
