import { describe, expect, it } from 'vitest'
import { buildDayReport, type DayReport } from '../../../shared/reports/dayReport'
import { readDay } from '../../../shared/reports/dayLog'
import { sliceDay } from '../../../shared/reports/sliceDay'
import { Driver } from '../support/driver'
import { A, ALICE, B, C1, C2, TEST_BRANCH } from '../support/testBranch'

function reportOf(d: Driver): DayReport {
  return buildDayReport({ events: d.log, branch: d.branch, utcOffsetMinutes: 480, feedback: [], asOf: null })
}

function reasons(r: DayReport): Record<string, number> {
  return Object.fromEntries(r.fairness.byReason.filter((x) => x.overtakes > 0).map((x) => [x.reason, x.overtakes]))
}

describe('overtakes', () => {
  it('finds none on a first come, first served day', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    for (let i = 0; i < 4; i++) d.advance(10).issue(A)
    for (let i = 0; i < 4; i++) d.serveNext(C1, 30)
    d.run({ type: 'closeDay' })
    const r = reportOf(d)
    expect(r.kpis.overtakes).toBe(0)
    expect(r.fairness.fcfsExceptions).toBe(0)
    expect(r.fairness.maxOrdinaryOvertakenWaitSec).toBeNull()
  })

  it('attributes a later customer of the counter preferred service to counter preference, not FCFS', () => {
    const d = new Driver().openDay()
    d.issue(B)
    d.advance(10).issue(A)
    d.advance(10).open(C2, ALICE) // counter 2 serves personal first, then business
    expect(d.callNext(C2).number).toBe('A001')
    const r = reportOf(d)
    expect(reasons(r)).toEqual({ counterPreference: 1 })
    expect(r.fairness.fcfsExceptions).toBe(0)
    expect(r.fairness.longestOvertaken[0]).toMatchObject({ number: 'B001', byNumber: 'A001', waitedSec: 20 })
  })

  it('attributes a re-joined no-show placed ahead of later arrivals to the re-join rule', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const first = d.issue(A)
    for (let i = 0; i < 3; i++) d.advance(10).issue(A)
    d.advance(10).callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    d.advance(10).run({ type: 'rejoin', ticketId: first.id })
    // behind the next two waiting (A002, A003), ahead of A004
    expect([d.serveNext(C1), d.serveNext(C1), d.serveNext(C1), d.serveNext(C1)].map((t) => t.number)).toEqual([
      'A002',
      'A003',
      'A001',
      'A004',
    ])
    const r = reportOf(d)
    expect(reasons(r)).toEqual({ rejoin: 1 })
    expect(r.volume.rejoins).toBe(1)
    expect(r.tickets.find((t) => t.number === 'A004')?.overtaken).toBe(1)
  })

  it('attributes a customer coming back from stepping aside to the resume rule', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const first = d.issue(A)
    d.advance(5).callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(15).run({ type: 'park', counterId: C1 })
    d.advance(10).issue(A)
    d.advance(10).run({ type: 'resume', ticketId: first.id })
    d.advance(10)
    expect(d.serveNext(C1).number).toBe('A001')
    const r = reportOf(d)
    expect(reasons(r)).toEqual({ resume: 1 })
    expect(r.transactions.overall.count).toBe(2) // the parked visit and the finished one
  })
})

describe('report of the day so far', () => {
  it('closes open waits, visits and pauses at the moment asked, and counts who is still in', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.advance(30).issue(A)
    d.advance(30).callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    const asOf = d.now + 45_000
    const r = buildDayReport({ events: d.log, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf })
    expect(r.closedAt).toBeNull()
    expect(r.volume.inBranch).toBe(2)
    expect(r.tickets.map((t) => t.waitedSec)).toEqual([60, 75])
    expect(r.counters.counters[0]).toMatchObject({ openSec: 105, servingSec: 45 })
    // an unfinished transaction is not yet timed against the standard
    expect(r.transactions.overall.count).toBe(0)
  })
})

describe('sliceDay', () => {
  it('cuts one business day out of a journal that runs across days', () => {
    const d = new Driver().openDay('2026-11-24')
    d.issue(A)
    d.run({ type: 'closeDay' })
    d.advance(86_400).openDay('2026-11-25')
    d.issue(A)
    d.issue(A)
    const first = sliceDay(d.log, '2026-11-24')
    expect(first.map((e) => e.type)).toEqual(['dayOpened', 'ticketIssued', 'dayClosed'])
    const second = sliceDay(d.log, '2026-11-25')
    expect(second).toHaveLength(3)
    expect(sliceDay(d.log, '2026-11-26')).toEqual([])
    // the fold stops at the first day's close even when given the whole journal
    expect(readDay(d.log, TEST_BRANCH).tickets).toHaveLength(1)
  })
})
