import { describe, expect, it } from 'vitest'
import { learningRate, mixabilityGap } from '../../../shared/estimate/adaptiveRate'
import { playMix } from './support/playMix'

describe('the mix’s adaptive learning rate (AdaHedge)', () => {
  it('follows the leader when one predictor is always best', () => {
    // the model says 200 s for waits of 400 s; the naive formula is right; the others are off too
    const { means, rates } = playMix(
      120,
      () => [200, 400, 500, 600],
      () => 400,
    )
    // a day's first estimates are the model's: the others start eight units of loss behind
    expect(means[0]).toBe(200)
    // no predictor's lead has changed hands in a way that cost anything much: the rate stays hard
    expect(rates[119]).toBeGreaterThan(2)
    // and the mean is the naive formula's, not a blend with head of the line (at the fixed rate
    // 0.5, about 5 s off)
    expect(Math.abs((means[119] as number) - 400)).toBeLessThan(1)
  })

  it('softens when the lead changes hands, and hardens again as that fades', () => {
    // the model says 300 s, the naive formula 600 s; the waits are 600 s for forty tickets, then
    // the model and the naive formula are right by turns, thirty tickets each
    const { means, rates } = playMix(
      200,
      () => [300, 600, 300, 600],
      (i) => (i < 40 ? 600 : Math.floor((i - 40) / 30) % 2 === 0 ? 300 : 600),
    )
    // before the lead changes hands, follow the leader: the model's figure
    expect(rates[5]).toBe(1000)
    expect(means[5]).toBe(300)
    // the naive formula takes the lead from the model at a cost to the mix: the gap grows, the
    // rate falls below the old fixed 0.5, and the mean is the new leader's
    expect(rates[15]).toBeLessThan(0.5)
    expect(means[30]).toBeCloseTo(600, 0)
    // the gap fades with the losses: the rate hardens again
    expect(rates[110] as number).toBeGreaterThan(rates[30] as number)
  })

  describe('edge cases', () => {
    it('is follow the leader before any gap, and ln 4 ÷ gap after', () => {
      expect(learningRate(0)).toBe(1000)
      expect(learningRate(Math.log(4) / 0.5)).toBeCloseTo(0.5, 12)
    })

    it('measures no gap on a charge alike for all, and the best record’s rise when the leader loses', () => {
      expect(mixabilityGap([0, -3, -5, -7], [2, 2, 2, 2], 0.5)).toBeCloseTo(0, 12)
      // follow the leader: the leader charged 4, the next one unit behind charged nothing: the best
      // record rose by 1, the leader's loss by 4
      expect(mixabilityGap([0, -1000], [4, 0], 1000)).toBeCloseTo(3, 6)
    })
  })
})
