import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { tellerDay } from '../../../renderer/src/logic/counter/tellerDay'
import { todayNumbers } from '../../../renderer/src/logic/manager/todayNumbers'
import { Driver } from '../../shared/support/driver'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH } from '../../shared/support/testBranch'

/**
 * Counter 2 (Alice): A001 is served in 45 s (A, standard 60 s); B001 is served for 200 s and then
 * transferred on to service A (standard 180 s). Her day: 1 served, the average over that one
 * visit, the transferred visit's 200 s apart; together they are the report's line for her. Both
 * transactions are judged against their standard, as the manager's strip and the report judge them.
 */
function day(): Driver {
  const d = new Driver().openDay().open(C2, ALICE).open(C1, BOB)
  d.issue(A)
  d.issue(B)
  d.callNext(C2)
  d.run({ type: 'startService', counterId: C2 })
  d.advance(45)
  d.run({ type: 'completeService', counterId: C2, completedServiceId: null })
  const b = d.callNext(C2)
  d.run({ type: 'startService', counterId: C2 })
  d.advance(200)
  d.run({ type: 'transfer', ticketId: b.id, toServiceId: A, toCounterId: null })
  return d
}

describe("the teller's day", () => {
  it('counts the served visits, averages over them and keeps a transferred visit apart', () => {
    const d = day()
    expect(tellerDay(d.state, TEST_BRANCH, ALICE)).toEqual({
      served: 1,
      transactions: 1,
      averageSec: 45,
      standard: { judged: 2, within: 1, share: 0.5 },
      apart: { transactions: 1, averageSec: 200 },
    })
  })

  it("adds up to the manager report's line for the teller", () => {
    const d = day()
    d.run({ type: 'closeDay' })
    const mine = tellerDay(d.state, TEST_BRANCH, ALICE)
    const report = buildDayReport({
      events: d.log,
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
    })
    const line = report.transactions.byStaff.find((s) => s.staffId === ALICE)
    expect(line?.count).toBe(mine.transactions + mine.apart.transactions)
    expect(line?.mean).toBeCloseTo(
      ((mine.averageSec ?? 0) * mine.transactions + (mine.apart.averageSec ?? 0) * mine.apart.transactions) /
        (mine.transactions + mine.apart.transactions),
    )
  })

  it('judges the standard as the manager and the report do (audit37 F13: 71 s served, 52 s transferred)', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    const a3 = d.issue(A)
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(71)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(52)
    d.run({ type: 'transfer', ticketId: a3.id, toServiceId: B, toCounterId: null })
    const mine = tellerDay(d.state, TEST_BRANCH, ALICE)
    expect(mine.standard).toEqual({ judged: 2, within: 1, share: 0.5 })
    expect(todayNumbers(d.state, TEST_BRANCH, d.now).withinStandardShare).toBe(0.5)
    d.run({ type: 'closeDay' })
    const report = buildDayReport({
      events: d.log,
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
    })
    expect(report.transactions.byStaff.find((s) => s.staffId === ALICE)?.withinStandardShare).toBe(0.5)
    // only the 71-s transaction is over its standard, by 11 s; the 52-s one is not listed
    expect(report.transactions.longest.map((x) => [x.number, x.overSec])).toEqual([['A001', 11]])
  })
})
