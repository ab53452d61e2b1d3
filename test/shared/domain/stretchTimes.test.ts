import { describe, expect, it } from 'vitest'
import { stretchesOnDayOf, withinStretches } from '../../../shared/domain/stretchTimes'

const at = (iso: string): number => Date.parse(iso)

describe('clock stretches on a day', () => {
  it('places "HH:MM" in the branch time of the local day, not the UTC one', () => {
    // 07:00 in Beijing on the 8th is still the 7th in UTC
    expect(stretchesOnDayOf([{ opens: '09:00', closes: '24:00' }], at('2026-12-08T07:00:00+08:00'), 480)).toEqual([
      { openAt: at('2026-12-08T09:00:00+08:00'), closeAt: at('2026-12-09T00:00:00+08:00') },
    ])
    // a branch west of UTC: 20:00 on the 7th in New York is the 8th in UTC
    expect(stretchesOnDayOf([{ opens: '09:00', closes: '17:00' }], at('2026-12-07T20:00:00-05:00'), -300)).toEqual([
      { openAt: at('2026-12-07T09:00:00-05:00'), closeAt: at('2026-12-07T17:00:00-05:00') },
    ])
  })

  it('counts the opening minute in and the closing minute out', () => {
    const hours = [
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ]
    expect(withinStretches(hours, at('2026-12-07T09:00:00+08:00'), 480)).toBe(true)
    expect(withinStretches(hours, at('2026-12-07T11:59:59+08:00'), 480)).toBe(true)
    expect(withinStretches(hours, at('2026-12-07T12:00:00+08:00'), 480)).toBe(false)
    expect(withinStretches(hours, at('2026-12-07T12:30:00+08:00'), 480)).toBe(false)
    expect(withinStretches(hours, at('2026-12-07T16:59:00+08:00'), 480)).toBe(true)
    expect(withinStretches([], at('2026-12-07T10:00:00+08:00'), 480)).toBe(false)
  })
})
