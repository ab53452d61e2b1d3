import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mixPoint, NO_POINT_MIX } from '../../../shared/estimate/pointMix'
import { eventProblems } from '../../../shared/queue/eventSchema'
import { PREDICTOR_SAID_MAX_SEC } from '../../../shared/queue/predictorsSaid'
import { Driver, issueCommand } from '../support/driver'
import { A } from '../support/testBranch'

/**
 * What the predictors said at issue is journaled on `ticketIssued`; a line the journal's reader
 * refuses would make the whole day unreadable, so only what its schema takes is written.
 */
function issuedWith(predictorsSaid: readonly number[] | null) {
  const d = new Driver()
  d.openDay()
  const e = d.run(issueCommand(A, { predictorsSaid }))
  // as the journal writes it and its reader reads it back
  return JSON.parse(JSON.stringify(e)) as Record<string, unknown>
}

describe('predictorsSaid on ticketIssued', () => {
  it('is journaled as said when every figure is a number of seconds, and reads back', () => {
    const e = issuedWith([300, 240, 0, 420])
    expect(e.predictorsSaid).toEqual([300, 240, 0, 420])
    expect(eventProblems(e)).toEqual([])
    expect(issuedWith(null).predictorsSaid).toBeNull()
  })

  it('is left out, and the ticket issued, when a figure is not one the journal can hold', () => {
    for (const bad of [
      [300, Number.NaN, 200, 100],
      [300, Number.POSITIVE_INFINITY],
      [300, -5],
      [300, PREDICTOR_SAID_MAX_SEC + 1],
      Array.from({ length: 9 }, () => 60),
    ]) {
      const e = issuedWith(bad)
      expect(e.type).toBe('ticketIssued')
      expect(e).not.toHaveProperty('predictorsSaid')
      expect(eventProblems(e)).toEqual([])
    }
  })

  it('never makes a line the reader refuses, whatever the figures (generated)', () => {
    const figure = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, PREDICTOR_SAID_MAX_SEC, PREDICTOR_SAID_MAX_SEC + 1e-9),
      fc.integer({ min: -1, max: 2 * PREDICTOR_SAID_MAX_SEC }),
    )
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.array(figure, { maxLength: 12 })), (said) => {
        const e = issuedWith(said)
        expect(eventProblems(e)).toEqual([])
        // what is kept is what was said, whole, or nothing of it
        if ('predictorsSaid' in e) expect(e.predictorsSaid).toEqual(said === null ? null : [...said].map((v) => v + 0))
      }),
      { numRuns: 500, seed: 11 },
    )
  })

  it('is refused by the reader when a hand-edited line holds what the writer never would', () => {
    const e = { ...issuedWith([300]), predictorsSaid: [300, null] }
    expect(eventProblems(e).map((p) => p.path)).toContain('predictorsSaid')
  })
})

describe('mixPoint', () => {
  it('takes no opinion from a figure that is not a number, and remembers the mean in its place', () => {
    const { mean, said } = mixPoint(NO_POINT_MIX, 'a', [300, Number.NaN, null, Number.POSITIVE_INFINITY])
    expect(mean).toBe(300)
    expect(said).toEqual([300, 300, 300, 300])
  })
})
