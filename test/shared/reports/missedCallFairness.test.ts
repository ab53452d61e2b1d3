import { describe, expect, it } from 'vitest'
import { buildDayReport, type DayReport } from '../../../shared/reports/dayReport'
import { presentStays } from '../../../shared/reports/presentStays'
import type { Ticket } from '../../../shared/queue/ticket'
import { Driver } from '../support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../support/testBranch'

function reportOf(d: Driver, asOf: number | null): DayReport {
  return buildDayReport({ events: d.log, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf })
}

function discrimination(r: DayReport, t: Ticket): number | undefined {
  return r.tickets.find((x) => x.id === t.id)?.discriminationSec
}

/** Calls the next ticket at counter 1 and lets its customer miss the call: recalled twice, then a no-show. */
function missNext(d: Driver): Ticket {
  const t = d.callNext(C1)
  for (let i = 0; i < TEST_BRANCH.policy.recallsBeforeNoShow; i++) d.advance(30).run({ type: 'recall', counterId: C1 })
  d.advance(30).run({ type: 'markNoShow', counterId: C1 })
  return d.ticket(t.id)
}

describe('RAQFM of a customer who missed the call', () => {
  it('counts them gone from the missed call: the day so far and the closed day agree', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const p = d.issue(A)
    d.issue(A)
    missNext(d)
    d.serveNext(C1, 60)
    const early = reportOf(d, d.now)
    // the re-join window passes; somebody else comes and is served while P is long gone
    d.advance(40 * 60)
    d.issue(A)
    d.advance(5)
    d.serveNext(C1, 120)
    const beforeClose = reportOf(d, d.now)
    d.run({ type: 'closeDay' })
    const closed = reportOf(d, null)

    // the tile and the KPI CSV of the day so far say what the closed day says of the same events
    expect(beforeClose.tickets.map((t) => t.discriminationSec)).toEqual(closed.tickets.map((t) => t.discriminationSec))
    expect(beforeClose.fairness.raqfm.meanSquared).not.toBeNull()
    expect(beforeClose.fairness.raqfm.meanSquared).toBeCloseTo(closed.fairness.raqfm.meanSquared as number, 12)
    expect(beforeClose.kpis.raqfm).toBeCloseTo(closed.kpis.raqfm as number, 12)
    // P was owed nothing of the service given after they missed their call, whenever asked
    for (const r of [early, beforeClose, closed]) expect(discrimination(r, p)).toBeCloseTo(0, 9)
  })

  it('brings back one who re-joins, owing them nothing of the service given while they were away', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const p = d.issue(A)
    const q = d.issue(A)
    const missedAt = missNext(d).missedAt as number
    // Q is served alone while P is away: Q is owed all of it
    d.serveNext(C1, 60)
    d.advance(50).run({ type: 'rejoin', ticketId: p.id })
    const rejoinedAt = d.now
    d.serveNext(C1, 60)
    const beforeClose = reportOf(d, d.now)
    d.run({ type: 'closeDay' })
    const closed = reportOf(d, null)

    expect(presentStays(d.ticket(p.id), d.now)).toEqual([
      { from: p.issuedAt, to: missedAt },
      { from: rejoinedAt, to: d.ticket(p.id).endedAt },
    ])
    // nobody shared a counter with anybody present: perfectly fair, and the same once closed
    for (const r of [beforeClose, closed]) {
      expect(discrimination(r, p)).toBeCloseTo(0, 9)
      expect(discrimination(r, q)).toBeCloseTo(0, 9)
      expect(r.fairness.raqfm.meanSquared).toBeCloseTo(0, 12)
    }
  })

  it('keeps the figures of a day without a missed call as they were', () => {
    // one counter, two customers arriving together, 60 s each: FCFS gives the first +30, the second −30
    const d = new Driver().openDay().open(C1, ALICE)
    const first = d.issue(A)
    const second = d.issue(A)
    d.serveNext(C1, 60)
    d.serveNext(C1, 60)
    d.run({ type: 'closeDay' })
    const r = reportOf(d, null)
    expect(discrimination(r, first)).toBeCloseTo(30, 9)
    expect(discrimination(r, second)).toBeCloseTo(-30, 9)
    expect(r.fairness.raqfm.sumSec).toBeCloseTo(0, 9)
  })

  it('has a customer who missed the call leave at the miss even when cancelled later', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const p = d.issue(A)
    const missedAt = missNext(d).missedAt as number
    d.advance(300).run({ type: 'cancel', ticketId: p.id })
    expect(presentStays(d.ticket(p.id), d.now)).toEqual([{ from: p.issuedAt, to: missedAt }])
  })
})
