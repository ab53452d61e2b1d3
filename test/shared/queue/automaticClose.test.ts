import { describe, expect, it } from 'vitest'
import { NO_CALENDAR, type BranchCalendar } from '../../../shared/domain/branchCalendar'
import { automaticClose, CLOSE_HOLD_MS, type AutomaticCloseInput } from '../../../shared/queue/automaticClose'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, C1 } from '../support/testBranch'

const HOUR = 3_600_000
/** 2026-11-24 (a Tuesday) in Beijing: the doors open 09:00–17:00. */
const NINE_TO_FIVE: BranchCalendar = {
  holidays: [],
  workingWeekends: [],
  opening: { workingDays: [{ opens: '09:00', closes: '17:00' }], weekends: [], holidays: [] },
}
const MIDNIGHT = OPENING + 15 * HOUR // 2026-11-25 00:00 in Beijing
const FIVE_PM = OPENING + 8 * HOUR

function input(d: Driver, over: Partial<AutomaticCloseInput> = {}): AutomaticCloseInput {
  return {
    state: d.state,
    lastEventAt: d.log[d.log.length - 1]?.at ?? 0,
    hubStartedAt: OPENING,
    now: MIDNIGHT + 60_000,
    calendar: NINE_TO_FIVE,
    utcOffsetMinutes: 480,
    ...over,
  }
}

/** A day: counter 1 opens at 09:00, serves one customer by 09:10 and is left open. */
function leftOpen(): Driver {
  const d = new Driver().openDay().open(C1, ALICE)
  d.issue(A)
  d.serveNext(C1)
  return d
}

describe('automaticClose', () => {
  it('does nothing while the day is still its date', () => {
    const d = leftOpen()
    expect(automaticClose(input(d, { now: MIDNIGHT - 1 }))).toEqual({ kind: 'none' })
  })

  it("ends a day left with counters open at the doors' close", () => {
    expect(automaticClose(input(leftOpen()))).toEqual({ kind: 'close', at: FIVE_PM, auto: 'endOfDay' })
  })

  it("ends it at the last event when that came after the doors' close", () => {
    const d = leftOpen()
    d.now = FIVE_PM + HOUR
    d.issue(A)
    d.serveNext(C1)
    const last = d.log[d.log.length - 1]?.at
    expect(automaticClose(input(d))).toEqual({ kind: 'close', at: last, auto: 'endOfDay' })
  })

  it('ends it at the last event when the branch gives no opening hours', () => {
    const d = leftOpen()
    const last = d.log[d.log.length - 1]?.at
    expect(automaticClose(input(d, { calendar: NO_CALENDAR }))).toEqual({ kind: 'close', at: last, auto: 'endOfDay' })
  })

  it('lets customers still waiting on a running hub wait until midnight', () => {
    const d = leftOpen()
    d.issue(A)
    expect(automaticClose(input(d))).toEqual({ kind: 'close', at: MIDNIGHT - 1, auto: 'endOfDay' })
  })

  it('ends the day at its last event after an outage, whoever was waiting', () => {
    const d = leftOpen()
    d.issue(A)
    const last = d.log[d.log.length - 1]?.at ?? 0
    const restarted = { hubStartedAt: MIDNIGHT + 9 * HOUR, now: MIDNIGHT + 9 * HOUR }
    expect(automaticClose(input(d, restarted))).toEqual({ kind: 'close', at: last, auto: 'afterOutage' })
  })

  describe('edge cases', () => {
    it('holds the close for a customer at a counter, up to the hold after midnight', () => {
      const d = leftOpen()
      d.issue(A)
      d.callNext(C1)
      expect(automaticClose(input(d))).toEqual({ kind: 'hold' })
      expect(automaticClose(input(d, { now: MIDNIGHT + CLOSE_HOLD_MS - 1 }))).toEqual({ kind: 'hold' })
      // Past the hold the waiting line decides: nobody waits, so the doors' close.
      expect(automaticClose(input(d, { now: MIDNIGHT + CLOSE_HOLD_MS }))).toEqual({
        kind: 'close',
        at: FIVE_PM,
        auto: 'endOfDay',
      })
    })

    it('does not call a day with nothing but its opening cut short by an outage', () => {
      const d = new Driver().openDay()
      const restarted = { hubStartedAt: OPENING + HOUR, now: MIDNIGHT + 9 * HOUR }
      expect(automaticClose(input(d, restarted))).toEqual({ kind: 'close', at: FIVE_PM, auto: 'endOfDay' })
    })

    it('never stamps the close before the last event, even one after midnight', () => {
      const d = leftOpen()
      d.now = MIDNIGHT + 40_000
      d.issue(A)
      expect(automaticClose(input(d))).toEqual({ kind: 'close', at: MIDNIGHT + 40_000, auto: 'endOfDay' })
    })
  })
})
