import { describe, expect, it } from 'vitest'
import { DayReportSchema } from '../../../shared/api/dayReportSchema'
import { QueueSnapshotSchema } from '../../../shared/api/queueStateSchema'
import { RangeReportSchema } from '../../../shared/api/rangeReportSchema'
import { ticketId } from '../../../shared/domain/ids'
import { feedbackId, recordFeedback } from '../../../shared/feedback/feedback'
import { ComparisonSchema } from '../../../shared/hq/views'
import { replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../../shared/queue/state'
import { summarizeDay } from '../../../shared/reports/dailySummary'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { rangeReport } from '../../../shared/reports/rangeReport'
import { problemLines, schemaProblems } from '../../../shared/util/schemaProblems'
import { OPENING } from '../support/driver'
import { ALICE, BOB, TEST_BRANCH } from '../support/testBranch'
import { handDayEvents } from '../reports/support/handDay'

/** A value as it crosses the wire: JSON and back. */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const lines = (schema: Parameters<typeof schemaProblems>[0], v: unknown) => problemLines(schemaProblems(schema, v))

function dayReport() {
  const complaint = recordFeedback(
    {
      id: feedbackId('fb1'),
      ticketId: ticketId('20261124-A001'),
      kind: 'complaint',
      channel: 'counter',
      text: '等了很久',
      receivedAt: OPENING + 700_000,
    },
    { utcOffsetMinutes: 480, holidays: [], workingWeekends: [] },
  )
  return wire(
    buildDayReport({
      events: handDayEvents(),
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [complaint],
      asOf: null,
      staff: [
        { id: ALICE, name: 'Alice' },
        { id: BOB, name: 'Bob' },
      ],
    }),
  )
}

describe('the answer schemas', () => {
  it('accept a whole day report as the hub builds it, every section filled', () => {
    const r = dayReport()
    // The hand-made day fills the deep parts: overtakes, transfers, pauses, delays, ratings, feedback.
    expect(r.fairness.longestOvertaken.length).toBeGreaterThan(0)
    expect(r.transactions.longest.length).toBeGreaterThan(0)
    expect(r.counters.counters.some((c) => c.pauses.length > 0)).toBe(true)
    expect(r.delays.length).toBeGreaterThan(0)
    expect(r.satisfaction.overall.ratings).toBeGreaterThan(0)
    expect(r.feedback.items.length).toBe(1)
    expect(lines(DayReportSchema, r)).toEqual([])
  })

  it('refuse a day report with a wrong type deep inside, naming the path', () => {
    const r = dayReport() as unknown as Record<string, never>
    const damaged = wire(r) as unknown as {
      tickets: Record<string, unknown>[]
      fairness: { longestOvertaken: Record<string, unknown>[] }
      satisfaction: { overall: { counts: unknown[] } }
      counters: { counters: { pauses: Record<string, unknown>[] }[] }
    }
    ;(damaged.tickets[2] as Record<string, unknown>).waitSec = 'long'
    ;(damaged.fairness.longestOvertaken[0] as Record<string, unknown>).reason = 'whim'
    damaged.satisfaction.overall.counts = [1, 2, 3]
    const paused = damaged.counters.counters.findIndex((c) => c.pauses.length > 0)
    ;(damaged.counters.counters[paused]?.pauses[0] as Record<string, unknown>).from = null
    expect(lines(DayReportSchema, damaged)).toEqual(
      expect.arrayContaining([
        'tickets[2].waitSec: must be a number or null',
        expect.stringMatching(/^fairness\.longestOvertaken\[0\]\.reason: must be one of "priority", /),
        expect.stringMatching(/^satisfaction\.overall\.counts: /),
        `counters.counters[${paused}].pauses[0].from: must be number`,
      ]),
    )
  })

  it('accept the live state at every step of a day, and refuse a damaged visit by its path', () => {
    const events = handDayEvents()
    for (let n = 1; n <= events.length; n += 5) {
      const snapshot = wire({
        serverNow: OPENING,
        journal: 'j1',
        state: replay(events.slice(0, n), EMPTY_STATE),
        estimates: null,
      })
      expect(lines(QueueSnapshotSchema, snapshot), `after ${n} events`).toEqual([])
    }
    const state = wire(replay(events, EMPTY_STATE))
    const served = state.done.findIndex((t) => t.visits.some((v) => v.transactions.length > 0))
    const damaged = wire({ serverNow: OPENING, journal: 'j1', state, estimates: null }) as unknown as {
      state: { done: { visits: { transactions: Record<string, unknown>[] }[] }[] }
    }
    ;(damaged.state.done[served]?.visits[0]?.transactions[0] as Record<string, unknown>).outcome = 'eaten'
    expect(lines(QueueSnapshotSchema, damaged)).toEqual([
      `state.done[${served}].visits[0].transactions[0].outcome: must be "served" or "noShow" or "transferred" or "parked" or "cancelled" or "removedAtClose" or null`,
    ])
  })

  it('accept a range report and HQ comparison rows built from daily summaries', () => {
    const summary = summarizeDay(dayReport())
    const range = wire(rangeReport([summary], summary.date, summary.date))
    expect(lines(RangeReportSchema, range)).toEqual([])
    const comparison = {
      from: summary.date,
      to: summary.date,
      regions: [{ id: 'east', name: { 'zh-CN': '华东', en: 'East' } }],
      branches: [{ id: 'sh-pudong', name: { 'zh-CN': '浦东', en: 'Pudong' }, regionId: 'east' }],
      rows: [
        {
          branchId: 'sh-pudong',
          regionId: 'east',
          days: 1,
          autoClosedDays: [{ date: summary.date, autoClosed: 'endOfDay' }],
          olderRulesDays: [],
          kpis: range.kpis,
          noShowShare: 0.1,
          shortfallCounterHours: 0,
          shortHours: 0,
        },
      ],
    }
    expect(lines(ComparisonSchema, comparison)).toEqual([])
    const bad = wire(comparison)
    ;(bad.rows[0] as unknown as { kpis: Record<string, unknown> }).kpis.waitMeanSec = '12 s'
    expect(lines(ComparisonSchema, bad)).toEqual(['rows[0].kpis.waitMeanSec: must be a number or null'])
  })
})
