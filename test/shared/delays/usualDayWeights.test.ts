import { describe, expect, it } from 'vitest'
import { usualDayWeights } from '../../../shared/delays/usualDayWeights'
import { learnUsualPattern, streamKey } from '../../../shared/delays/usualPattern'
import { NO_CALENDAR } from '../../../shared/domain/branchCalendar'
import { addDays } from '../../../shared/domain/localTime'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, BOB, C1, C2 } from '../support/testBranch'

/** Two weeks from Monday 2026-11-23, the first twelve days (to Friday 12-04). */
const fortnight = Array.from({ length: 12 }, (_, i) => addDays('2026-11-23', i))

describe('usualDayWeights', () => {
  it('counts the days of the same kind one each and the others together as one day', () => {
    // Saturday 12-05: the two weekend days before it count one each, the ten working days 0.1 each
    const w = usualDayWeights(fortnight, '2026-12-05', NO_CALENDAR)
    expect(w.filter((x) => x === 1)).toHaveLength(2)
    expect(w[5]).toBe(1) // Saturday 11-28
    expect(w[6]).toBe(1) // Sunday 11-29
    expect(w[0]).toBeCloseTo(0.1, 12)
    expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(3, 12)
    // Monday 12-07: the ten working days one each, the weekend together one
    const m = usualDayWeights(fortnight, '2026-12-07', NO_CALENDAR)
    expect(m[5]).toBe(0.5)
    expect(m[0]).toBe(1)
  })

  it('counts every day the same while the day’s kind has none yet', () => {
    expect(usualDayWeights(fortnight.slice(0, 5), '2026-11-28', NO_CALENDAR)).toEqual([1, 1, 1, 1, 1])
    expect(usualDayWeights([], '2026-11-28', NO_CALENDAR)).toEqual([])
  })

  it('reads the calendar: a working weekend day is a working day, a holiday is run like a weekend', () => {
    const calendar = { holidays: ['2026-12-07'], workingWeekends: ['2026-11-28'] }
    const w = usualDayWeights(fortnight, '2026-12-05', calendar)
    expect(w[5]).toBeCloseTo(1 / 11, 12) // Saturday 11-28 was worked as a working day
    expect(w[6]).toBe(1) // Sunday 11-29
    // a holiday with none before it learns from the weekends
    const h = usualDayWeights(fortnight, '2026-12-07', calendar)
    expect(h[6]).toBe(1)
    expect(h[0]).toBeCloseTo(1 / 11, 12)
  })
})

/** A day with the given counters staffed 09:00–10:00 and `arrivals` customers of A at 09:10. */
function day(date: string, shift: number, counters: number, arrivals: number) {
  const d = new Driver(undefined, OPENING + shift).openDay(date)
  d.open(C1, ALICE)
  if (counters > 1) d.open(C2, BOB)
  d.advance(600)
  for (let i = 0; i < arrivals; i++) d.issue(A)
  d.advance(3000)
  d.run({ type: 'closeCounter', counterId: C1 })
  if (counters > 1) d.run({ type: 'closeCounter', counterId: C2 })
  return d.log
}

describe('learnUsualPattern with weights', () => {
  it('is the weighted average of the days', () => {
    const days = [day('2026-11-23', -86_400_000, 2, 6), day('2026-11-24', 0, 1, 2)]
    const u = learnUsualPattern(days, 480, [1, 3])
    expect(u.days).toBe(2)
    expect(u.hours[9]?.countersOpen).toBeCloseTo((2 + 3 * 1) / 4, 9)
    expect(u.hours[9]?.counterOpenShare[C2]).toBeCloseTo(1 / 4, 9)
    expect(u.hours[9]?.arrivals[streamKey(A, null)]).toBeCloseTo((6 + 3 * 2) / 4, 9)
    // without weights, each day the same
    expect(learnUsualPattern(days, 480).hours[9]?.countersOpen).toBeCloseTo(1.5, 9)
  })

  it('refuses weights that do not match the days', () => {
    const days = [day('2026-11-24', 0, 1, 1)]
    expect(() => learnUsualPattern(days, 480, [1, 1])).toThrow(RangeError)
    expect(() => learnUsualPattern(days, 480, [-1])).toThrow(RangeError)
    expect(() => learnUsualPattern(days, 480, [Number.NaN])).toThrow(RangeError)
  })
})
