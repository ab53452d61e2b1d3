import { describe, expect, it } from 'vitest'
import { streamKey, type UsualHour, type UsualPattern } from '../../../shared/delays/usualPattern'
import { expectedArrivals, fadedSurge, type IssuedTicket } from '../../../shared/estimate/expectedArrivals'
import { OPENING } from '../support/driver'
import { A, B, TEST_BRANCH, VIP } from '../support/testBranch'

/** 09:00 Beijing is hour 9; the usual: 30 A per hour at 9, 60 at 10, 10 at 11 and later (and `vip` VIP). */
function usual(vip = 0): UsualPattern {
  const hours: UsualHour[] = Array.from({ length: 24 }, (_, h) => ({
    countersOpen: 3,
    counterOpenShare: {},
    arrivals:
      h === 9
        ? { [streamKey(A, null)]: 30, ...(vip > 0 ? { [streamKey(A, VIP)]: vip } : {}) }
        : h === 10
          ? { [streamKey(A, null)]: 60 }
          : { [streamKey(A, null)]: 10 },
  }))
  return { days: 20, utcOffsetMin: 480, hours }
}

function issued(n: number, from: number, to: number): IssuedTicket[] {
  return Array.from({ length: n }, (_, i) => ({
    serviceId: A,
    priorityClassId: null,
    issuedAt: from + ((i + 0.5) * (to - from)) / n,
  }))
}

describe('expectedArrivals', () => {
  it('expects the usual rate when today matches it, and the coming hours at their usual rates', () => {
    const now = OPENING + 45 * 60_000
    const rates = expectedArrivals(TEST_BRANCH, usual(), issued(15, now - 1_800_000, now), now)
    const a = rates.filter((r) => r.serviceId === A && r.priorityClassId === null)
    expect(a[0]).toMatchObject({ perHour: 30, from: now, until: OPENING + 3_600_000 })
    expect(a[1]).toMatchObject({ perHour: 60, from: OPENING + 3_600_000 })
    expect(a[2]?.perHour).toBe(10)
    expect(a[a.length - 1]?.until).toBeNull()
  })

  it('raises this hour and, fading, the next ones when today brings more than usual', () => {
    const now = OPENING + 45 * 60_000
    const rates = expectedArrivals(TEST_BRANCH, usual(), issued(30, now - 1_800_000, now), now)
    const a = rates.filter((r) => r.serviceId === A && r.priorityClassId === null)
    // 30 seen where 15 were usual, the usual hour weighing an hour: surge (30 + 30)/(15 + 30);
    // the rest of this hour at its midpoint (7.5 min ahead), the next at 45 min ahead
    const surge = 60 / 45
    expect(a[0]?.perHour).toBeCloseTo(30 * fadedSurge(surge, 450), 9)
    expect(a[1]?.perHour).toBeCloseTo(60 * fadedSurge(surge, 2700), 9)
    expect(a[0]?.evidence).toBeCloseTo(60, 9)
    // raised, but less and less: an hour from now a third of the rush's log-factor is left
    expect(a[0]?.perHour).toBeGreaterThan(30 * 1.25)
    expect((a[1]?.perHour as number) / 60).toBeLessThan((a[0]?.perHour as number) / 30)
    expect((a[2]?.perHour as number) / 10).toBeLessThan((a[1]?.perHour as number) / 60)
    expect(a[2]?.perHour).toBeGreaterThan(10)
  })

  it('fades a surge to a third of its log-factor an hour ahead', () => {
    expect(fadedSurge(1.75, 0)).toBeCloseTo(1.75, 12)
    expect(Math.log(fadedSurge(1.75, 3600))).toBeCloseTo(Math.log(1.75) / Math.E, 12)
    expect(fadedSurge(1 / 1.5, 3600)).toBeLessThan(1)
    expect(fadedSurge(1.5, 6 * 3600)).toBeLessThan(1.01)
  })

  it('does not let a surge run away: at most ×1.75', () => {
    const now = OPENING + 45 * 60_000
    const rates = expectedArrivals(TEST_BRANCH, usual(), issued(200, now - 1_800_000, now), now)
    expect(rates.find((r) => r.serviceId === A)?.perHour).toBeCloseTo(30 * fadedSurge(1.75, 450), 9)
    expect(rates.find((r) => r.serviceId === A)?.perHour).toBeLessThanOrEqual(30 * 1.75)
  })

  it('expects the classes and services usually seen, and nothing of what never comes', () => {
    const now = OPENING + 10 * 60_000
    const rates = expectedArrivals(TEST_BRANCH, usual(4), [], now)
    expect(rates.some((r) => r.priorityClassId === VIP && r.perHour > 0)).toBe(true)
    expect(rates.some((r) => r.serviceId === B)).toBe(false)
  })

  it('uses the recent rate alone without history, and nothing in the first five minutes', () => {
    const opened = OPENING
    expect(
      expectedArrivals(TEST_BRANCH, null, issued(3, opened, opened + 120_000), opened + 120_000, { openedAt: opened }),
    ).toEqual([])
    const now = opened + 1_200_000
    const rates = expectedArrivals(TEST_BRANCH, null, issued(10, opened, now), now, { openedAt: opened })
    expect(rates).toHaveLength(1)
    expect(rates[0]?.perHour).toBeCloseTo(30, 9)
  })

  it('reads a few premier customers in the first minutes as the exception, not as the rest of the day’s rate', () => {
    const opened = OPENING
    const now = opened + 9 * 60_000
    const at = (min: number): number => opened + min * 60_000
    const all: IssuedTicket[] = [
      { serviceId: A, priorityClassId: VIP, issuedAt: at(2) },
      { serviceId: A, priorityClassId: VIP, issuedAt: at(4) },
      { serviceId: A, priorityClassId: VIP, issuedAt: at(8) },
      { serviceId: A, priorityClassId: null, issuedAt: at(7) },
      { serviceId: A, priorityClassId: null, issuedAt: at(9) },
      { serviceId: B, priorityClassId: null, issuedAt: at(5) },
    ]
    const rates = expectedArrivals(TEST_BRANCH, null, all, now, { openedAt: opened })
    const rate = (service: typeof A, cls: typeof VIP | null): number =>
      rates.find((r) => r.serviceId === service && r.priorityClassId === cls)?.perHour ?? 0
    // the window alone says 20 premier customers an hour; the prior's half hour of a service of
    // ordinary customers makes it three over 39 minutes
    expect(rate(A, VIP)).toBeCloseTo((3 / 39) * 60, 9)
    // the service keeps its own rate (five in nine minutes), the rest of it ordinary
    expect(rate(A, VIP) + rate(A, null)).toBeCloseTo((5 / 9) * 60, 9)
    expect(rate(A, null)).toBeCloseTo(((2 + (5 / 9) * 30) / 39) * 60, 9)
    // a service without premier customers: its own rate, whatever the other's did
    expect(rate(B, null)).toBeCloseTo((1 / 9) * 60, 9)
    expect(rates.some((r) => r.serviceId === B && r.priorityClassId !== null)).toBe(false)
    // each rate rests on what the window saw: the prior is the service's own window again, not
    // more observation (a service without premier customers: its count, as before the prior)
    expect(rates.find((r) => r.priorityClassId === VIP)?.evidence).toBe(3)
    expect(rates.find((r) => r.serviceId === A && r.priorityClassId === null)?.evidence).toBe(5)
    expect(rates.find((r) => r.serviceId === B && r.priorityClassId === null)?.evidence).toBe(1)
  })

  it('lets the day show a class as the window fills: at its end the prior and the window weigh the same', () => {
    const opened = OPENING
    const now = opened + 1_800_000
    const vip = issued(15, opened, now).map((t) => ({ ...t, priorityClassId: VIP }))
    const rates = expectedArrivals(TEST_BRANCH, null, [...issued(15, opened, now), ...vip], now, { openedAt: opened })
    const premier = rates.find((r) => r.priorityClassId === VIP)?.perHour as number
    // half the service's customers are premier: 30 an hour seen, 15 expected
    expect(premier).toBeCloseTo(15, 9)
    expect(rates.find((r) => r.serviceId === A && r.priorityClassId === null)?.perHour).toBeCloseTo(45, 9)
  })

  it('splits a service by the day’s class shares without history: a few premier customers in half an hour are not a rush of them', () => {
    const opened = OPENING
    const now = opened + 2 * 3_600_000
    const vip = (n: number, from: number, to: number): IssuedTicket[] =>
      issued(n, from, to).map((t) => ({ ...t, priorityClassId: VIP }))
    const all = [...issued(60, opened, now), ...vip(3, opened, now - 1_800_000), ...vip(3, now - 1_800_000, now)]
    const rates = expectedArrivals(TEST_BRANCH, null, all, now, { openedAt: opened })
    const premier = rates.find((r) => r.priorityClassId === VIP)?.perHour as number
    // the last half hour alone would say 6 an hour; the day says 3
    expect(premier).toBeGreaterThan(2.5)
    expect(premier).toBeLessThan(4)
  })

  it('still sees a surge within the half hour without history', () => {
    const opened = OPENING
    const now = opened + 2 * 3_600_000
    const all = [...issued(45, opened, now - 1_800_000), ...issued(40, now - 1_800_000, now)]
    const rates = expectedArrivals(TEST_BRANCH, null, all, now, { openedAt: opened })
    const rate = rates[0]?.perHour as number
    expect(rate).toBeGreaterThan(50)
    expect(rate).toBeLessThanOrEqual(80)
    // the hour after, fading towards the day's average (42.5 an hour), and on from there
    expect(rates).toHaveLength(3)
    expect(rates[0]).toMatchObject({ until: now + 1_800_000 })
    expect(rates[1]?.perHour).toBeLessThan(rate)
    expect(rates[1]?.perHour).toBeGreaterThan(42.5)
    expect(rates[1]).toMatchObject({ from: now + 1_800_000, until: now + 5_400_000 })
    expect(rates[2]?.perHour).toBeLessThan(rates[1]?.perHour as number)
    expect(rates[2]?.until).toBeUndefined()
  })
})
