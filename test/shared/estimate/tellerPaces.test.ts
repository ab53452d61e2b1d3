import { describe, expect, it } from 'vitest'
import { counterPaces, staffPaces } from '../../../shared/estimate/counterSpeed'
import { learnServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import {
  addTicketToStats,
  emptyServiceTimeStats,
  type ServiceTimeStats,
} from '../../../shared/estimate/serviceTimeStats'
import { ticketId } from '../../../shared/domain/ids'
import type { Ticket, Visit } from '../../../shared/queue/ticket'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, TEST_BRANCH } from '../support/testBranch'
import { sums } from './support/moments'

/** Nearly fixed work: `n` visits of about `sec` seconds. */
const steady = (n: number, sec: number): number[] => Array.from({ length: n }, (_, i) => sec * (1 + 0.02 * Math.sin(i)))

/**
 * A day of service A: each entry a teller at a counter with their visits. The same visits
 * by counter and by teller, as `addTicketToStats` keeps them.
 */
function day(
  date: string,
  seats: readonly { counter: string; staff: string; sec: number; n: number }[],
): ServiceTimeStats {
  const byCounter: Record<string, ReturnType<typeof sums>> = {}
  const byStaff: Record<string, ReturnType<typeof sums>> = {}
  for (const s of seats) {
    byCounter[s.counter] = sums(steady(s.n, s.sec))
    byStaff[s.staff] = sums(steady(s.n, s.sec))
  }
  return {
    ...emptyServiceTimeStats(date),
    occupancy: { [A]: sums(seats.flatMap((s) => steady(s.n, s.sec))) },
    occupancyByCounter: { [A]: byCounter },
    occupancyByStaff: { [A]: byStaff },
  }
}

// Alice takes 100 s and Bob 150 s for the same work; yesterday Alice sat at counter 1 and Bob at
// counter 2, today the other way round, and each has done two customers so far.
const yesterday = day('2026-11-23', [
  { counter: C1, staff: ALICE, sec: 100, n: 40 },
  { counter: C2, staff: BOB, sec: 150, n: 40 },
])
const today = day('2026-11-24', [
  { counter: C1, staff: BOB, sec: 150, n: 2 },
  { counter: C2, staff: ALICE, sec: 100, n: 2 },
])

describe("tellers' paces", () => {
  it('follow the teller to another counter, where the counter’s own pace is still yesterday’s teller’s', () => {
    const tellers = staffPaces(TEST_BRANCH, [yesterday], today, [ALICE, BOB])
    expect((tellers[BOB] as number) / (tellers[ALICE] as number)).toBeCloseTo(1.5, 1)
    const desks = counterPaces(TEST_BRANCH, [yesterday], today)
    // counter 1 still looks fast: 40 of its visits were Alice's
    expect((desks[C1] as number) / (desks[C2] as number)).toBeLessThan(0.8)
  })

  it('give each staffed counter its teller’s figure, and a counter nobody sits at its own', () => {
    const staffing = { [C1]: BOB, [C2]: ALICE, [C3]: null }
    const m = learnServiceTimes(TEST_BRANCH, [yesterday], today, { staffing })
    const at = (c: string): number => m.occupancyByCounter[A]?.[c]?.meanSec as number
    expect(at(C1) / at(C2)).toBeGreaterThan(1.35)
    expect(at(C1) / at(C2)).toBeLessThan(1.65)
    // without who sits where, the desks' history: counter 1 fast, counter 2 slow
    const desks = learnServiceTimes(TEST_BRANCH, [yesterday], today)
    const deskAt = (c: string): number => desks.occupancyByCounter[A]?.[c]?.meanSec as number
    expect(deskAt(C1) / deskAt(C2)).toBeLessThan(0.8)
    // counter 3 (services B and A) is closed: the figure of the counter, as without staffing
    expect(m.occupancyByCounter[B]?.[C3]).toEqual(desks.occupancyByCounter[B]?.[C3])
  })

  it('start a teller never seen at the branch’s pace, and learn theirs within a few visits', () => {
    const fresh = staffPaces(TEST_BRANCH, [yesterday], today, [CAROL])
    expect(fresh[CAROL]).toBeCloseTo(1, 9)
    const m = learnServiceTimes(TEST_BRANCH, [yesterday], today, { staffing: { [C1]: CAROL, [C2]: ALICE } })
    const branchMean = m.occupancy[A]?.meanSec as number
    const carol = m.occupancyByCounter[A]?.[C1]?.meanSec as number
    // between Alice (100 s) and Bob (150 s): the branch's pace, not counter 1's history
    expect(carol).toBeGreaterThan(100 * 1.1)
    expect(carol).toBeLessThan(150)
    expect(Math.abs(carol - branchMean) / branchMean).toBeLessThan(0.15)
    // three visits of 200 s later, Carol is the slowest
    const withCarol: ServiceTimeStats = {
      ...today,
      occupancyByStaff: { [A]: { ...today.occupancyByStaff?.[A], [CAROL]: sums(steady(3, 200)) } },
    }
    const paces = staffPaces(TEST_BRANCH, [yesterday], withCarol, [CAROL])
    expect(paces[CAROL]).toBeGreaterThan(paces[BOB] as number)
  })

  it('are kept by teller from the finished visits, a visit with no teller only by counter', () => {
    const visit = (staffId: Visit['staffId'], calledAt: number): Visit => ({
      counterId: C2,
      staffId,
      serviceId: A,
      calledAt,
      recalls: 0,
      lastCalledAt: calledAt,
      startedAt: calledAt + 10_000,
      endedAt: calledAt + 90_000,
      outcome: 'served',
      transactions: [],
      outOfOrder: null,
    })
    const ticket = (id: string, v: Visit): Ticket =>
      ({ id: ticketId(id), serviceId: A, issuedAt: 0, visits: [v] }) as unknown as Ticket
    let s = addTicketToStats(emptyServiceTimeStats('2026-11-24'), ticket('t1', visit(ALICE, 1000)))
    s = addTicketToStats(s, ticket('t2', visit(null, 100_000)))
    expect(s.occupancyByCounter[A]?.[C2]?.n).toBe(2)
    expect(s.occupancyByStaff?.[A]?.[ALICE]).toMatchObject({ n: 1, sum: 90 })
    expect(Object.keys(s.occupancyByStaff?.[A] ?? {})).toEqual([ALICE])
  })
})
