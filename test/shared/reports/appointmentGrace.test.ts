import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../support/testBranch'

/**
 * Booked customers, each with its slot at 09:00 + `slotSec`, checked in 5 minutes before and
 * called `calledAfterSec` after the slot, one after the other at counter 1. `graceSec`: the
 * grace journaled with the ticket at check-in; undefined: a journal written before it was.
 */
function bookedDay(customers: readonly { slotSec: number; calledAfterSec: number; graceSec?: number }[]) {
  const d = new Driver().openDay().open(C1, ALICE)
  for (const c of customers) {
    const slotAt = OPENING + c.slotSec * 1000
    d.now = slotAt - 300_000
    if (c.graceSec === undefined)
      d.run({
        type: 'issueTicket',
        serviceId: A,
        priorityClassId: null,
        language: 'en',
        appointmentAt: slotAt,
        estimate: null,
      })
    else d.book(A, slotAt, c.graceSec)
    d.now = slotAt + c.calledAfterSec * 1000
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(30)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
  }
  d.advance(60)
  d.run({ type: 'closeDay' })
  const report = buildDayReport({ events: d.log, branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
  return { report, appointment: report.fiveTimes.find((f) => f.time === 'appointment') }
}

describe('the report’s judgement of booked customers', () => {
  it('judges on time by the branch’s grace journaled with each ticket, not the report’s 5 minutes', () => {
    const { report, appointment } = bookedDay([
      { slotSec: 0, calledAfterSec: 500, graceSec: 600 },
      { slotSec: 1800, calledAfterSec: 700, graceSec: 600 },
    ])
    expect(report.tickets.map((t) => t.appointmentWithin)).toEqual([true, false])
    expect(report.tickets.map((t) => t.appointmentGraceSec)).toEqual([600, 600])
    expect(report.bookings).toMatchObject({ bookedCalled: 2, onTime: 1, onTimeShare: 0.5 })
    expect(appointment).toMatchObject({ standardSec: 600, judged: 2, within: 1 })
  })

  it('replays a journal written before the grace was journaled as it always did: by the report’s 5 minutes', () => {
    const { report, appointment } = bookedDay([
      { slotSec: 0, calledAfterSec: 200 },
      { slotSec: 1800, calledAfterSec: 500 },
    ])
    expect(report.tickets.map((t) => t.appointmentWithin)).toEqual([true, false])
    expect(report.bookings.onTime).toBe(1)
    expect(appointment).toMatchObject({ standardSec: 300, judged: 2, within: 1 })
  })

  it('names no one standard when the grace changed during the day, and judges each booking by its own', () => {
    const { report, appointment } = bookedDay([
      { slotSec: 0, calledAfterSec: 400, graceSec: 600 },
      { slotSec: 1800, calledAfterSec: 400, graceSec: 300 },
    ])
    expect(report.tickets.map((t) => t.appointmentWithin)).toEqual([true, false])
    expect(appointment).toMatchObject({ standardSec: null, judged: 2, within: 1 })
  })
})
