import { describe, expect, it } from 'vitest'
import { closingAtIssue } from '../../hub/estimation/closingWarnings'
import type { BranchConfig } from '../../shared/domain/branch'
import { NO_CALENDAR } from '../../shared/domain/branchCalendar'
import type { TicketId } from '../../shared/domain/ids'
import type { WaitEstimate } from '../../shared/queue/ticket'
import { Driver, OPENING } from '../shared/support/driver'
import { A, TEST_BRANCH } from '../shared/support/testBranch'

// Every counter planned 09:00–10:00 on 2026-11-24 (Beijing): the end the warning names.
const UNTIL_TEN: BranchConfig = {
  ...TEST_BRANCH,
  counters: TEST_BRANCH.counters.map((c) => ({ ...c, hours: [{ opens: '09:00', closes: '10:00' }] })),
}
const sources = { branch: () => UNTIL_TEN, calendar: () => NO_CALENDAR, utcOffsetMinutes: () => 480 }

/** A walk-in issued at 09:40 with the given figure, and the driver to move the clock on. */
function issuedAt0940(estimate: WaitEstimate): { d: Driver; id: TicketId } {
  const d = new Driver(UNTIL_TEN, OPENING + 40 * 60_000).openDay()
  const e = d.run({
    type: 'issueTicket',
    serviceId: A,
    priorityClassId: null,
    language: 'zh-CN',
    appointmentAt: null,
    estimate,
  })
  if (e.type !== 'ticketIssued') throw new Error('expected ticketIssued')
  return { d, id: e.ticketId }
}

describe('the closing warning of a ticket the estimates do not include yet', () => {
  it('says what its receipt said, however many seconds have passed since the issue', () => {
    // A range to 09:58: in time at issue, past 10:00 if counted from 09:43.
    const { d, id } = issuedAt0940({ mean: 600, p10: 300, p50: 540, p90: 1080 })
    expect(closingAtIssue(d.ticket(id), sources)).toBeNull()
    d.advance(180)
    expect(closingAtIssue(d.ticket(id), sources)).toBeNull()
  })

  it('warns when the figure given at issue reaches past the counters’ planned end', () => {
    const { d, id } = issuedAt0940({ mean: 900, p10: 300, p50: 840, p90: 1500 })
    expect(closingAtIssue(d.ticket(id), sources)).toMatchObject({ kind: 'mayNot', clock: '10:00' })
  })
})
