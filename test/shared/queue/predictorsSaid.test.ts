import { describe, expect, it } from 'vitest'
import { mixPoint, NO_POINT_MIX } from '../../../shared/estimate/pointMix'
import { eventProblems } from '../../../shared/queue/eventSchema'
import { PREDICTOR_SAID_MAX_SEC } from '../../../shared/queue/predictorsSaid'
import { Driver } from '../support/driver'
import { A } from '../support/testBranch'

/**
 * What the predictors said at issue is journaled on `ticketIssued`; a line the journal's reader
 * refuses would make the whole day unreadable, so only what its schema takes is written.
 */
function issuedWith(predictorsSaid: readonly number[] | null) {
  const d = new Driver()
  d.openDay()
  const e = d.run({
    type: 'issueTicket',
    serviceId: A,
    priorityClassId: null,
    language: 'zh-CN',
    appointmentAt: null,
    estimate: null,
    predictorsSaid,
  })
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
