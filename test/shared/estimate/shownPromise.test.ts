import { describe, expect, it } from 'vitest'
import { roundWaitKindly } from '../../../shared/estimate/displayWait'
import { judgeShownWait } from '../../../shared/estimate/shownPromise'
import type { WaitEstimate } from '../../../shared/queue/ticket'

describe('judgeShownWait', () => {
  // a receipt of the demo hub: shown "about 1–4 min" for an 80 % range of 8 s – 3 min 39 s
  const oneToFour: WaitEstimate = { mean: 110, p10: 8.1, p50: 95, p90: 218.5 }

  it('judges a wait by the range the customer was shown, not the estimate behind it', () => {
    expect(roundWaitKindly(oneToFour)).toEqual({ kind: 'range', lowMin: 1, highMin: 4 })
    // 3 min 49 s: above the estimate's 218.5 s, inside "about 1–4 min"
    expect(judgeShownWait(oneToFour, 229)).toBe('inside')
  })

  it('keeps the promise up to the end of its top minute and from the start of its bottom one', () => {
    expect(judgeShownWait(oneToFour, 240)).toBe('inside')
    expect(judgeShownWait(oneToFour, 240.5)).toBe('above')
    expect(judgeShownWait(oneToFour, 60)).toBe('inside')
    expect(judgeShownWait(oneToFour, 59)).toBe('below')
  })

  it('judges a rounded-out range in its own steps', () => {
    // 18:18–33:12 is shown "15–35 min"
    const e = { mean: 1500, p10: 1098, p50: 1450, p90: 1992 }
    expect(roundWaitKindly(e)).toEqual({ kind: 'range', lowMin: 15, highMin: 35 })
    expect(judgeShownWait(e, 15 * 60)).toBe('inside')
    expect(judgeShownWait(e, 34 * 60)).toBe('inside')
    expect(judgeShownWait(e, 14 * 60)).toBe('below')
    expect(judgeShownWait(e, 36 * 60)).toBe('above')
  })

  it('judges neither way a ticket told "soon", however long it waited', () => {
    const soon = { mean: 40, p10: 5, p50: 30, p90: 98 }
    expect(roundWaitKindly(soon)).toEqual({ kind: 'soon' })
    expect(judgeShownWait(soon, 20)).toBeNull()
    expect(judgeShownWait(soon, 600)).toBeNull()
    expect(judgeShownWait({ mean: 0, p10: 0, p50: 0, p90: 0 }, 5)).toBeNull()
  })

  describe('edge cases', () => {
    it('promises a range exactly when a range is shown', () => {
      for (let p90 = 0; p90 <= 7200; p90 += 7.5) {
        const e = { mean: p90 / 2, p10: p90 / 3, p50: p90 / 2, p90 }
        const shown = roundWaitKindly(e)
        expect(judgeShownWait(e, p90) === null, `p90 ${p90}`).toBe(shown.kind === 'soon')
        // a wait at the raw top is never above what was shown: the top is rounded up
        if (shown.kind === 'range') expect(judgeShownWait(e, p90), `p90 ${p90}`).toBe('inside')
      }
    })
  })
})
