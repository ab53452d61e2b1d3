import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { summariseServiceTimes } from '../../../shared/estimate/serviceTimeStats'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C3, TEST_BRANCH } from '../support/testBranch'

/**
 * Counter 1 (Alice): A001 makes a deposit (A, 60 s standard: 200 s, over) then adds a card (B,
 * 180 s standard: 100 s, within). Counter 3 (Bob): A002 one deposit of 90 s (over).
 */
function day(): Driver {
  const d = new Driver().openDay().open(C1, ALICE).open(C3, BOB)
  d.issue(A)
  d.issue(A)
  d.callNext(C1)
  d.run({ type: 'startService', counterId: C1 })
  d.callNext(C3)
  d.run({ type: 'startService', counterId: C3 })
  d.advance(90)
  d.run({ type: 'completeService', counterId: C3, completedServiceId: null })
  d.advance(110)
  d.run({ type: 'addTransaction', counterId: C1, serviceId: B, quantity: 1 })
  d.advance(100)
  d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
  d.run({ type: 'closeDay' })
  return d
}

describe('transactions and visits in the daily report', () => {
  const d = day()
  const report = buildDayReport({ events: d.log, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })

  it('counts transactions and visits apart, and transactions per visit', () => {
    expect(report.transactions.visits).toMatchObject({
      visits: 2,
      transactions: 3,
      transactionsPerVisit: 1.5,
      byCount: [
        { transactions: 1, visits: 1 },
        { transactions: 2, visits: 1 },
        { transactions: 3, visits: 0 },
        { transactions: 4, visits: 0 },
      ],
    })
    expect(report.transactions.visits.time).toMatchObject({ count: 2, max: 300 })
    expect(report.volume.served).toBe(2)
  })

  it('counts transactions per service and teller, each against its own standard', () => {
    const byService = Object.fromEntries(report.transactions.byService.map((s) => [s.serviceId, s]))
    expect(byService[A]).toMatchObject({ count: 2, units: 2, standardSec: 60, withinStandard: 0 })
    expect(byService[B]).toMatchObject({ count: 1, units: 1, standardSec: 180, withinStandard: 1 })
    const byStaff = Object.fromEntries(report.transactions.byStaff.map((s) => [s.staffId, s]))
    expect(byStaff[ALICE]).toMatchObject({ count: 2, withinStandard: 1 })
    expect(byStaff[BOB]).toMatchObject({ count: 1, withinStandard: 0 })
    // the added transaction is not a "service change": it was opened for B
    expect(report.transactions.longest.every((l) => !l.serviceChanged)).toBe(true)
  })

  it('judges a transaction of several items against the standard times the quantity', () => {
    const d2 = new Driver().openDay().open(C1, ALICE)
    d2.issue(A)
    d2.callNext(C1)
    d2.run({ type: 'startService', counterId: C1 })
    d2.advance(50)
    d2.run({ type: 'addTransaction', counterId: C1, serviceId: A, quantity: 5 })
    d2.advance(250)
    d2.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    const r = buildDayReport({ events: d2.log, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
    expect(r.transactions.overall).toMatchObject({ count: 2, judged: 2, withinStandard: 2 })
    expect(r.transactions.byService[0]).toMatchObject({ units: 6, standardSec: 60 })
    expect(r.tickets[0]).toMatchObject({ serviceSec: 300, withinStandard: true })
  })

  it('lets the estimator learn a visit’s whole occupancy under the service called for, and each transaction’s time under its own', () => {
    const stats = summariseServiceTimes('2026-11-24', d.state.done)
    // A's two visits held the counter 300 s and 90 s from the call: the added card counts in A's occupancy
    expect(stats.occupancy[A]).toMatchObject({ n: 2, sum: 390 })
    // transactions: A 200 s and 90 s; B 100 s
    expect(stats.transaction[A]).toMatchObject({ n: 2, sum: 290 })
    expect(stats.transaction[B]).toMatchObject({ n: 1, sum: 100 })
  })
})
