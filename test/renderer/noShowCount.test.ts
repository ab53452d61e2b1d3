import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../shared/reports/dayReport'
import { todayNumbers } from '../../renderer/src/logic/manager/todayNumbers'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../shared/support/testBranch'

/** The manager's live header and the day report, side by side, on the same events. */
function both(d: Driver): { header: number; report: number; kpi: number } {
  const report = buildDayReport({
    events: d.log,
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    feedback: [],
    asOf: d.now,
  })
  return {
    header: todayNumbers(d.state, TEST_BRANCH, d.now).noShows,
    report: report.volume.noShows,
    kpi: report.kpis.noShows,
  }
}

function miss(d: Driver): void {
  d.callNext(C1)
  d.advance(20).run({ type: 'recall', counterId: C1 })
  d.advance(20).run({ type: 'recall', counterId: C1 })
  d.advance(20).run({ type: 'markNoShow', counterId: C1 })
}

describe('no-shows: one definition, one number', () => {
  it('counts the same in the live header and the report through a replayed day', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const tickets = Array.from({ length: 6 }, () => d.issue(A))
    const seen: { header: number; report: number; kpi: number }[] = []
    // Five customers miss their calls, as in the branch that reported 5 against 0.
    for (let i = 0; i < 5; i++) {
      miss(d)
      seen.push(both(d))
    }
    expect(seen.map((s) => s.header)).toEqual([1, 2, 3, 4, 5])
    // One re-joins and is served: no longer a no-show, in both.
    d.advance(60).run({ type: 'rejoin', ticketId: tickets[0]!.id })
    d.serveNext(C1)
    seen.push(both(d))
    // One is cancelled by the manager after missing: a cancellation, not a no-show.
    d.run({ type: 'cancel', ticketId: tickets[1]!.id })
    seen.push(both(d))
    // The grace window of the rest runs out; then the day closes.
    d.advance(TEST_BRANCH.policy.noShowGraceSec + 1)
    seen.push(both(d))
    d.serveNext(C1)
    d.run({ type: 'closeDay' })
    seen.push(both(d))
    for (const s of seen) expect([s.report, s.kpi]).toEqual([s.header, s.header])
    expect(seen.map((s) => s.header)).toEqual([1, 2, 3, 4, 5, 4, 3, 3, 3])
  })
})
