import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { tellerDay } from '../../../renderer/src/logic/counter/tellerDay'
import { Driver } from '../../shared/support/driver'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH } from '../../shared/support/testBranch'

/**
 * Counter 2 (Alice): A001 is served in 45 s (A, standard 60 s); B001 is served for 200 s and then
 * transferred on to service A. Her day: 1 served, the average over that one visit, the
 * transferred visit's 200 s apart; together they are the report's line for her.
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
      withinShare: 1,
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
})
