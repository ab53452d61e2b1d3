import { describe, expect, it } from 'vitest'
import { displayWait, roundWaitKindly } from '../../../shared/estimate/displayWait'
import type { WaitEstimate } from '../../../shared/queue/ticket'

const est = (p10Min: number, p90Min: number): WaitEstimate => ({
  mean: ((p10Min + p90Min) / 2) * 60,
  p10: p10Min * 60,
  p50: ((p10Min + p90Min) / 2) * 60,
  p90: p90Min * 60,
})

describe('roundWaitKindly', () => {
  it('shows the 80 % range in whole minutes, the low end down and the high end up', () => {
    expect(roundWaitKindly(est(8.3, 11.4))).toEqual({ kind: 'range', lowMin: 8, highMin: 12 })
  })

  it('rounds longer waits to fives and tens', () => {
    expect(roundWaitKindly(est(18.3, 33.2))).toEqual({ kind: 'range', lowMin: 15, highMin: 35 })
    expect(roundWaitKindly(est(55, 81))).toEqual({ kind: 'range', lowMin: 55, highMin: 90 })
  })

  it('says "soon" when even the high end is within two minutes, and never shows 0 minutes', () => {
    expect(roundWaitKindly(est(0, 1.5))).toEqual({ kind: 'soon' })
    expect(roundWaitKindly({ mean: 0, p10: 0, p50: 0, p90: 0 })).toEqual({ kind: 'soon' })
    expect(roundWaitKindly(est(0.2, 4))).toEqual({ kind: 'range', lowMin: 1, highMin: 4 })
  })

  it('always shows a range, never a single number', () => {
    expect(roundWaitKindly(est(6.9, 7.05))).toEqual({ kind: 'range', lowMin: 6, highMin: 8 })
    expect(roundWaitKindly(est(7, 7))).toEqual({ kind: 'range', lowMin: 6, highMin: 7 })
  })
})

describe('displayWait', () => {
  const t0 = Date.UTC(2026, 10, 24, 2)
  const shown = { shown: { kind: 'range', lowMin: 8, highMin: 12 } as const, since: t0 }

  it('shows good news at once', () => {
    expect(displayWait(est(4.2, 7.5), shown, t0 + 60_000, false)).toEqual({ kind: 'range', lowMin: 4, highMin: 8 })
  })

  it('holds the promise when the estimate grows and nothing explains it', () => {
    expect(displayWait(est(10.5, 16), shown, t0 + 60_000, false)).toEqual({ kind: 'range', lowMin: 10, highMin: 12 })
  })

  it('lets an unexplained increase creep up one minute per five minutes at most', () => {
    expect(displayWait(est(10.5, 16), shown, t0 + 10 * 60_000 + 1, false)).toEqual({
      kind: 'range',
      lowMin: 10,
      highMin: 14,
    })
  })

  it('shows a longer wait at once when a delay explanation applies to the ticket', () => {
    expect(displayWait(est(10.5, 16), shown, t0 + 60_000, true)).toEqual({ kind: 'range', lowMin: 10, highMin: 20 })
  })

  it('does not turn "soon" into minutes without a reason', () => {
    const soon = { shown: { kind: 'soon' } as const, since: t0 }
    expect(displayWait(est(2, 6), soon, t0 + 30_000, false)).toEqual({ kind: 'soon' })
    expect(displayWait(est(2, 6), soon, t0 + 30_000, true)).toEqual({ kind: 'range', lowMin: 2, highMin: 6 })
  })

  it('shows the first estimate as it is', () => {
    expect(displayWait(est(8.3, 11.4), null, t0, false)).toEqual({ kind: 'range', lowMin: 8, highMin: 12 })
  })
})
