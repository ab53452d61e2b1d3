import { describe, expect, it } from 'vitest'
import { kpiVerdict } from '../../../shared/reports/kpis'

describe('kpiVerdict', () => {
  it('calls a shorter wait and a larger share within target better, and the opposite worse', () => {
    expect(kpiVerdict('waitMeanSec', -43)).toBe('better')
    expect(kpiVerdict('waitMeanSec', 12)).toBe('worse')
    expect(kpiVerdict('waitWithinTargetShare', 0.05)).toBe('better')
    expect(kpiVerdict('waitWithinTargetShare', -0.05)).toBe('worse')
  })

  describe('edge cases', () => {
    it('has no verdict on a volume, on no change, or on nothing to compare', () => {
      expect(kpiVerdict('issued', 100)).toBeNull()
      expect(kpiVerdict('waitMeanSec', 0)).toBeNull()
      expect(kpiVerdict('waitMeanSec', null)).toBeNull()
    })
  })
})
