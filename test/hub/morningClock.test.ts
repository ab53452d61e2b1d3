import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aheadToMorning } from './support/morningClock'

/** The tests' hubs read the branch's latest 10:00 (UTC+8), never ahead of the PC's clock. */
describe('the tests’ morning clock', () => {
  it('reads 10:00 at the branch, at most a day behind the PC and never ahead, at any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
        (now) => {
          const ahead = aheadToMorning(now)
          expect(ahead).toBeLessThanOrEqual(0)
          expect(ahead).toBeGreaterThan(-86_400_000)
          expect(new Date(now + ahead + 8 * 3600_000).toISOString().slice(11, 23)).toBe('10:00:00.000')
        },
      ),
      { seed: 7, numRuns: 2000 },
    )
  })

  it('keeps away from the branch’s midnight for the length of any test run', () => {
    // 16:00 UTC is midnight at the branch: a hub started just before it reads 10:00 that day.
    const justBefore = Date.parse('2026-12-06T15:59:59Z')
    expect(new Date(justBefore + aheadToMorning(justBefore)).toISOString()).toBe('2026-12-06T02:00:00.000Z')
  })
})
