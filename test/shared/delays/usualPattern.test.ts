import { describe, expect, it } from 'vitest'
import { learnUsualPattern, streamKey, usualHourAt } from '../../../shared/delays/usualPattern'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, VIP } from '../support/testBranch'

/** A day: c1 open 09:00–10:50; c2 open 09:30, paused 09:50–10:20, then closed; arrivals at 09:10 and 09:30. */
function day(date: string, shift: number) {
  const d = new Driver(undefined, OPENING + shift).openDay(date)
  d.open(C1, ALICE)
  d.advance(600)
  d.issue(A)
  d.issue(A, VIP)
  d.advance(1200)
  d.open(C2, BOB)
  d.issue(B)
  d.advance(1200)
  d.run({ type: 'pauseCounter', counterId: C2, reason: { code: 'break', note: '' } })
  d.advance(1800)
  d.run({ type: 'resumeCounter', counterId: C2 })
  d.run({ type: 'closeCounter', counterId: C2 })
  d.advance(1800)
  d.run({ type: 'closeCounter', counterId: C1 })
  d.run({ type: 'closeDay' })
  return d.log
}

describe('learnUsualPattern', () => {
  it('averages staffed counters and arrivals per local hour over the days', () => {
    const u = learnUsualPattern([day('2026-11-23', -86_400_000), day('2026-11-24', 0)], 480)
    expect(u.days).toBe(2)
    const nine = u.hours[9]
    const ten = u.hours[10]
    // 09:00–10:00: c1 all hour, c2 staffed 09:30–09:50 (a pause does not count); 10:00–11:00: c1 50 min
    expect(nine?.counterOpenShare[C1]).toBeCloseTo(1, 9)
    expect(nine?.counterOpenShare[C2]).toBeCloseTo(1 / 3, 9)
    expect(nine?.countersOpen).toBeCloseTo(4 / 3, 9)
    expect(ten?.countersOpen).toBeCloseTo(5 / 6, 9)
    expect(ten?.counterOpenShare[C2] ?? 0).toBe(0)
    expect(nine?.arrivals[streamKey(A, null)]).toBe(1)
    expect(nine?.arrivals[streamKey(A, VIP)]).toBe(1)
    expect(nine?.arrivals[streamKey(B, null)]).toBe(1)
    expect(u.hours[8]?.countersOpen).toBe(0)
  })

  it("finds the hour of an instant in the branch's own clock", () => {
    const u = learnUsualPattern([day('2026-11-24', 0)], 480)
    expect(usualHourAt(u, OPENING + 5 * 60_000)).toBe(u.hours[9])
  })
})
