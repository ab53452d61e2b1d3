import { describe, expect, it } from 'vitest'
import { overStandardSec, standardTally, withinStandard } from '../../../shared/queue/transactionStandard'

describe('withinStandard', () => {
  it('is within at the standard and below, over above it', () => {
    expect(withinStandard(52, 60)).toBe(true)
    expect(withinStandard(60, 60)).toBe(true)
    expect(withinStandard(71, 60)).toBe(false)
  })

  describe('edge cases', () => {
    it('does not judge a transaction without a standard', () => {
      expect(withinStandard(71, null)).toBeNull()
    })
  })
})

describe('overStandardSec', () => {
  it('is how far over, and null for a transaction that met its standard', () => {
    expect(overStandardSec(71, 60)).toBe(11)
    expect(overStandardSec(52, 60)).toBeNull()
    expect(overStandardSec(60, 60)).toBeNull()
    expect(overStandardSec(500, null)).toBeNull()
  })
})

describe('standardTally', () => {
  it('judges every transaction with a standard, one over and one within giving 50 %', () => {
    expect(
      standardTally([
        { durationSec: 71, standardSec: 60 },
        { durationSec: 52, standardSec: 60 },
        { durationSec: 900, standardSec: null },
      ]),
    ).toEqual({ judged: 2, within: 1, share: 0.5 })
  })

  describe('edge cases', () => {
    it('has no share before anything is judged (a share of nothing is not 100 %)', () => {
      expect(standardTally([])).toEqual({ judged: 0, within: 0, share: null })
    })
  })
})
