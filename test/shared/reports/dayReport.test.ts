import { describe, expect, it } from 'vitest'
import { ticketId } from '../../../shared/domain/ids'
import { feedbackId, recordFeedback } from '../../../shared/feedback/feedback'
import type { QueueEvent } from '../../../shared/queue/events'
import { showsRange } from '../../../shared/queue/showsRange'
import type { WaitEstimate } from '../../../shared/queue/ticket'
import { buildDayReport, type DayReport } from '../../../shared/reports/dayReport'
import { summarizeDay } from '../../../shared/reports/dailySummary'
import { kpisOfSummaries } from '../../../shared/reports/summaryKpis'
import { startOfLocalDay } from '../../../shared/domain/localTime'
import { OPENING } from '../support/driver'
import { ALICE, BOB, C1, C3, TEST_BRANCH, VIP } from '../support/testBranch'
import { handDayEvents } from './support/handDay'

const sec = (s: number): number => OPENING + s * 1000

function report(): DayReport {
  const complaint = recordFeedback(
    {
      id: feedbackId('fb1'),
      ticketId: ticketId('20261124-A001'),
      kind: 'complaint',
      channel: 'counter',
      text: '等了很久',
      receivedAt: sec(700),
    },
    { utcOffsetMinutes: 480, holidays: [], workingWeekends: [] },
  )
  return buildDayReport({
    events: handDayEvents(),
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    feedback: [complaint],
    asOf: null,
  })
}

describe('buildDayReport on a hand-computed day', () => {
  const r = report()
  const row = (n: string) => r.tickets.find((t) => t.number === n)

  it('counts the volumes', () => {
    expect(r.volume).toMatchObject({
      issued: 8,
      served: 5,
      noShows: 1,
      cancelled: 1,
      removedAtClose: 1,
      inBranch: 0,
      transferredTickets: 1,
      transfers: 1,
    })
    expect(r.date).toBe('2026-11-24')
    expect(r.closedAt).toBe(sec(1000))
  })

  it('measures waits from issue to first call, leaving out those who left before their target', () => {
    expect(r.tickets.map((t) => [t.number, t.waitSec])).toEqual([
      ['A001', 250],
      ['A002', 340],
      ['A003', 60],
      ['B001', 220],
      ['A004', 60],
      ['A005', 10],
      ['A006', null],
      ['A007', null],
    ])
    // sorted 10, 60, 60, 220, 250, 340
    expect(r.waiting.overall).toMatchObject({ count: 6, max: 340, median: 140, judged: 6, withinTargetShare: 1 })
    expect(r.waiting.overall.mean).toBeCloseTo(940 / 6, 10)
    expect(r.waiting.overall.p90).toBeCloseTo(295, 10)
    expect(row('A006')).toMatchObject({ waitedSec: 10, withinTarget: null, outcome: 'cancelled' })
    expect(row('A007')).toMatchObject({ waitedSec: 50, withinTarget: null, outcome: 'removedAtClose' })
    expect(r.waiting.neverCalled).toBe(2)
    const vip = r.waiting.byClass.find((c) => c.priorityClassId === VIP)
    expect(vip).toMatchObject({ count: 1, mean: 60 })
    expect(r.waiting.histogram.slice(0, 4)).toEqual([
      { fromSec: 0, toSec: 120, count: 3 },
      { fromSec: 120, toSec: 300, count: 2 },
      { fromSec: 300, toSec: 600, count: 1 },
      { fromSec: 600, toSec: 900, count: 0 },
    ])
  })

  it('lists the longest waits with the delay announced meanwhile', () => {
    const [first, second] = r.waiting.longest
    expect(first).toMatchObject({ number: 'A002', waitedSec: 340, transfers: 1, overtaken: 1 })
    expect(first?.delays.map((d) => d.kind)).toEqual(['cashCount'])
    expect(second).toMatchObject({ number: 'A001', waitedSec: 250, overtaken: 1 })
  })

  it('times transactions against their service standard, per counter and teller', () => {
    expect(r.transactions.overall).toMatchObject({ count: 6, withinStandard: 5 })
    expect(r.transactions.overall.withinStandardShare).toBeCloseTo(5 / 6, 12)
    const alice = r.transactions.byStaff.find((s) => s.staffId === ALICE)
    const bob = r.transactions.byStaff.find((s) => s.staffId === BOB)
    expect(alice).toMatchObject({ count: 5, withinStandard: 4 })
    expect(bob).toMatchObject({ count: 1, withinStandard: 1, mean: 60 })
    expect(r.transactions.byCounter.map((c) => [c.counterId, c.count])).toEqual([
      [C1, 5],
      [C3, 1],
    ])
    // the transfer's business transaction is judged by the business standard (180 s)
    const business = r.transactions.byService.find((s) => s.serviceId === 'b')
    expect(business).toMatchObject({ count: 1, standardSec: 180, withinStandard: 1 })
    expect(r.transactions.longest[0]).toMatchObject({ number: 'A001', durationSec: 130, overSec: 70 })
    const personal = r.transactions.byService.find((s) => s.serviceId === 'a')
    // 50, 130, 30, 30, 35 against 60 s: ≤ 30 s: 2, ≤ 60 s: 2, ≤ 90: 0, ≤ 120: 0, ≤ 180: 1
    expect(personal?.bins.map((b) => b.count)).toEqual([2, 2, 0, 0, 1, 0])
  })

  it('reports which of the five times met their standard', () => {
    expect(r.fiveTimes.map((f) => [f.time, f.judged, f.within, f.met])).toEqual([
      ['waiting', 6, 6, true],
      ['response', 5, 5, true],
      ['service', 6, 5, true],
      ['appointment', 0, 0, null],
      ['guaranteed', 6, 6, true],
    ])
    expect(row('A003')).toMatchObject({ responseSec: 20, serviceSec: 50, holdSec: 70 })
    expect(row('A002')).toMatchObject({ serviceSec: 90, responseSec: 10, finalServiceId: 'b' })
  })

  it('checks the shown estimates against the actual waits', () => {
    const e = r.estimates.overall
    // Judged by the whole minutes shown: A001 "1–5 min", called at 4:10, inside; A002 "5–8 min"
    // (its 80 % range 5:50–7:30), called at 5:40, inside as shown; A003 (top 50 s) was told
    // "soon" and promised no range.
    expect(e).toMatchObject({ count: 3, insideRange: 2, aboveRange: 0, belowRange: 0 })
    expect(e.insideRangeShare).toBe(1)
    expect(r.tickets.map((t) => t.estimateInRange)).toEqual([true, true, null, null, null, null, null, null])
    expect(e.meanErrorSec).toBeCloseTo(20 / 3, 10)
    expect(e.rmseSec).toBeCloseTo(Math.sqrt((2500 + 3600 + 900) / 3), 10)
    expect(row('A002')?.estimateErrorSec).toBe(-60)
  })

  it('finds every overtake and its reason', () => {
    const byReason = Object.fromEntries(r.fairness.byReason.map((x) => [x.reason, x]))
    expect(byReason.priority).toMatchObject({ overtakes: 2, calls: 1, tickets: 2, sameService: 2 })
    expect(byReason.transfer).toMatchObject({ overtakes: 1, calls: 1, tickets: 1 })
    expect(byReason.outOfOrder).toMatchObject({ overtakes: 1, calls: 1 })
    expect(byReason.rejoin?.overtakes).toBe(0)
    expect(byReason.counterPreference?.overtakes).toBe(0)
    expect(r.fairness.unexplained).toBe(0)
    expect(r.fairness.fcfsExceptions).toBe(3)
    expect(r.fairness.outOfOrderReasons).toEqual([{ reason: 'urgent', calls: 1 }])
    expect(r.fairness.maxOrdinaryOvertakenWaitSec).toBe(180)
    expect(r.fairness.longestOvertaken[0]).toMatchObject({ number: 'A001', byNumber: 'A003', waitedSec: 180 })
    expect(r.fairness.maxWaitByClass.find((c) => c.priorityClassId === null)?.maxWaitSec).toBe(340)
    expect(r.kpis.overtakes).toBe(4)
  })

  it('makes RAQFM discriminations sum to zero, favouring the VIP and the out-of-turn call', () => {
    const sum = r.tickets.reduce((s, t) => s + t.discriminationSec, 0)
    expect(Math.abs(sum)).toBeLessThan(1e-9)
    expect(r.fairness.raqfm.sumSec).toBeCloseTo(0, 9)
    expect(row('A003')?.discriminationSec).toBeGreaterThan(0)
    expect(row('A005')?.discriminationSec).toBeGreaterThan(0)
    expect(row('A004')?.discriminationSec).toBeLessThan(0)
    expect(r.fairness.raqfm.unitSec).toBeCloseTo((50 + 130 + 90 + 30 + 35) / 5, 10)
  })

  it('accounts for counters: staffed, paused with its reason, calling and serving', () => {
    const [c1, c3] = r.counters.counters
    expect(c1).toMatchObject({ counterId: C1, openSec: 1000, pausedSec: 300, servingSec: 275, callingSec: 65 })
    expect(c1?.pauses).toEqual([{ from: sec(600), to: sec(900), durationSec: 300, code: 'break', note: 'lunch' }])
    expect(c1?.utilisation).toBeCloseTo(275 / 700, 12)
    expect(c3).toMatchObject({ counterId: C3, openSec: 550, pausedSec: 0, servingSec: 60, callingSec: 70 })
    expect(r.counters.pausedByReason.find((p) => p.code === 'break')).toEqual({ code: 'break', pauses: 1, sec: 300 })
    expect(r.delays).toMatchObject([{ kind: 'cashCount', durationSec: 200 }])
  })

  it('puts the day in local clock hours with counters open', () => {
    expect(r.hours).toHaveLength(1)
    expect(r.hours[0]).toMatchObject({ hour: 9, arrivals: 8, transactions: 6 })
    expect(r.hours[0]?.countersOpen).toBeCloseTo(1550 / 3600, 12)
    expect(r.hours[0]?.countersAvailable).toBeCloseTo(1250 / 3600, 12)
  })

  it('gives satisfaction per teller and feedback with its deadline', () => {
    expect(r.satisfaction.overall).toMatchObject({ ratings: 2, mean: 4, counts: [0, 0, 1, 0, 1], satisfiedShare: 0.5 })
    expect(r.satisfaction.byStaff).toMatchObject([{ staffId: ALICE, ratings: 2 }])
    expect(r.feedback.items).toMatchObject([
      { ticketNumber: 'A001', status: 'open', deadline: startOfLocalDay('2026-11-28', 480) },
    ])
    expect(r.feedback.byKind.find((k) => k.kind === 'complaint')?.count).toBe(1)
  })

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r)
  })
})

describe('buildDayReport edge cases', () => {
  it('gives an empty report, not an error, for an empty journal or a day without customers', () => {
    const empty = buildDayReport({ events: [], branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
    expect(empty.date).toBeNull()
    expect(empty.volume.issued).toBe(0)
    expect(empty.kpis.waitMeanSec).toBeNull()
    expect(empty.fairness.raqfm.meanSquared).toBeNull()
    const quiet = buildDayReport({
      events: [
        { type: 'dayOpened', date: '2026-11-24', seq: 1, at: OPENING },
        { type: 'counterOpened', counterId: C1, staffId: ALICE, seq: 2, at: OPENING },
        { type: 'dayClosed', seq: 3, at: OPENING + 2 * 3_600_000 },
      ],
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
    })
    expect(quiet.hours.map((h) => [h.hour, h.arrivals, h.countersOpen])).toEqual([
      [9, 0, 1],
      [10, 0, 1],
    ])
    expect(quiet.staffing.rows.map((x) => x.advised)).toEqual([0, 0])
    expect(JSON.parse(JSON.stringify(quiet))).toStrictEqual(quiet)
  })

  it('judges no range where "soon" was shown, however long the wait', () => {
    // A001 (called at 4:10) is shown "soon" instead: its top of 98 s rounds to 2 minutes.
    const soon = { mean: 60, p10: 20, p50: 55, p90: 98 }
    expect(showsRange(soon)).toBe(true) // the estimator's calibration still learns from its raw range
    const events = handDayEvents().map((e) =>
      e.type === 'ticketIssued' && e.number === 'A001' ? { ...e, estimate: soon } : e,
    )
    const r = buildDayReport({ events, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
    expect(r.estimates.overall).toMatchObject({ count: 3, insideRange: 1, aboveRange: 0, belowRange: 0 })
    expect(r.estimates.overall.insideRangeShare).toBe(1)
    expect(r.estimates.overall.aboveRangeShare).toBe(0)
    expect(r.tickets.find((t) => t.number === 'A001')).toMatchObject({ estimateInRange: null, estimateErrorSec: 190 })
    expect(r.kpis.estimateInsideRangeShare).toBe(1)
    // The same over days, from the daily summaries HQ and the range reports add up.
    expect(kpisOfSummaries([summarizeDay(r)]).estimateInsideRangeShare).toBe(1)
  })

  it('judges the range shown in whole minutes, above and below it', () => {
    // A001 (called at 4:10) shown "1–4 min"; A002 (called at 5:40) shown "6–8 min"
    const shown: Record<string, WaitEstimate> = {
      A001: { mean: 200, p10: 100, p50: 180, p90: 230 },
      A002: { mean: 400, p10: 370, p50: 390, p90: 450 },
    }
    const events = handDayEvents().map((e) =>
      e.type === 'ticketIssued' && shown[e.number] !== undefined ? { ...e, estimate: shown[e.number] } : e,
    ) as QueueEvent[]
    const r = buildDayReport({ events, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
    expect(r.estimates.overall).toMatchObject({ count: 3, insideRange: 0, aboveRange: 1, belowRange: 1 })
    expect(r.estimates.overall.aboveRangeShare).toBe(0.5)
    expect(r.tickets.slice(0, 3).map((t) => t.estimateInRange)).toEqual([false, false, null])
  })

  it('skips events about tickets it never saw issued, and counts them', () => {
    const events = [
      ...handDayEvents().slice(0, -1),
      { type: 'ticketCancelled' as const, ticketId: ticketId('20261124-Z999'), seq: 999, at: sec(999) },
      ...handDayEvents().slice(-1),
    ]
    const r = buildDayReport({ events, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
    expect(r.ignoredEvents).toBe(1)
    expect(r.volume.issued).toBe(8)
  })
})
