import { describe, expect, it } from 'vitest'
import type { BranchCalendar } from '../../../shared/domain/branchCalendar'
import { counterId, staffId, type CounterId } from '../../../shared/domain/ids'
import { newcomerWait } from '../../../shared/estimate/newcomerWait'
import type { CounterState } from '../../../shared/queue/counterState'

/** Opens 08:30–17:00 on working days, 10:00–16:00 at weekends, closed on New Year's Day. */
const CALENDAR: BranchCalendar = {
  holidays: ['2027-01-01'],
  workingWeekends: [],
  opening: {
    workingDays: [{ opens: '08:30', closes: '17:00' }],
    weekends: [{ opens: '10:00', closes: '16:00' }],
    holidays: [],
  },
}
const BEIJING = 480
/** Monday 2026-12-07 (or another day of that month) at hour:minute in Beijing. */
const at = (hour: number, minute = 0, date = 7) => Date.UTC(2026, 11, date, hour - 8, minute)

const shut = (id: string): CounterState => ({
  id: counterId(id),
  status: 'closed',
  staffId: null,
  ticketId: null,
  pauseReason: null,
  since: 0,
})
const staffed = (id: string): CounterState => ({ ...shut(id), status: 'idle', staffId: staffId('t01') })
const day = (date: string | null, ...counters: CounterState[]) => ({
  day: date,
  lastClosedDay: date === null ? '2026-12-07' : '2026-12-04',
  counters: Object.fromEntries(counters.map((c) => [c.id, c])) as Record<CounterId, CounterState>,
})

describe('newcomerWait', () => {
  it('gives no wait before the doors open with nobody at a counter, only when they open', () => {
    expect(newcomerWait(day('2026-12-07', shut('c1'), shut('c2')), CALENDAR, at(5), BEIJING)).toEqual({
      kind: 'opensLater',
      opensAt: at(8, 30),
      clock: '08:30',
    })
  })

  it('estimates as usual once a teller is at a counter before opening (tickets are issued then)', () => {
    expect(newcomerWait(day('2026-12-07', staffed('c1'), shut('c2')), CALENDAR, at(5), BEIJING)).toEqual({
      kind: 'estimated',
    })
  })

  it('estimates in opening hours, even before any teller has come', () => {
    expect(newcomerWait(day('2026-12-07', shut('c1')), CALENDAR, at(8, 30), BEIJING)).toEqual({ kind: 'estimated' })
  })

  it('says the branch is closed for the day once the doors have shut and nobody serves, with the next opening', () => {
    expect(newcomerWait(day('2026-12-07', shut('c1')), CALENDAR, at(18), BEIJING)).toEqual({
      kind: 'closedForDay',
      opensAt: at(8, 30, 8),
    })
  })

  it('says closed for the day once the day is closed, even within opening hours', () => {
    expect(newcomerWait(day(null), CALENDAR, at(15), BEIJING)).toEqual({ kind: 'closedForDay', opensAt: at(8, 30, 8) })
  })

  it('names the next day’s opening, not today’s, once the day is closed before the doors open', () => {
    // The audit's F9: closed at 07:53 with the doors due at 08:30, the kiosk said "opens today at 08:30".
    expect(newcomerWait(day(null), CALENDAR, at(7, 53), BEIJING)).toEqual({
      kind: 'closedForDay',
      opensAt: at(8, 30, 8),
    })
  })

  describe('edge cases', () => {
    it('names the next opening after a closed Friday: the weekend’s, not the Friday’s', () => {
      const closedFriday = { day: null, lastClosedDay: '2026-12-11', counters: {} }
      expect(newcomerWait(closedFriday, CALENDAR, at(6, 0, 11), BEIJING)).toEqual({
        kind: 'closedForDay',
        opensAt: at(10, 0, 12),
      })
    })

    it('says closed for the day on a day the branch does not open, naming the next working morning', () => {
      // New Year's Day 2027 is a Friday; the weekend opens at 10:00 on Saturday the 2nd.
      const newYear = Date.UTC(2027, 0, 1, 9 - 8)
      expect(newcomerWait(day('2027-01-01', shut('c1')), CALENDAR, newYear, BEIJING)).toEqual({
        kind: 'closedForDay',
        opensAt: Date.UTC(2027, 0, 2, 10 - 8),
      })
    })

    it('estimates after closing while a teller stays on (they still serve, so tickets are issued)', () => {
      expect(newcomerWait(day('2026-12-07', staffed('c1')), CALENDAR, at(18), BEIJING)).toEqual({ kind: 'estimated' })
    })

    it('estimates at any hour for a branch that gives no opening hours', () => {
      const noHours: BranchCalendar = { holidays: [], workingWeekends: [] }
      expect(newcomerWait(day('2026-12-07', shut('c1')), noHours, at(3), BEIJING)).toEqual({ kind: 'estimated' })
    })

    it('gives no wait in a hub’s first moment, before any day is opened', () => {
      const fresh = { day: null, lastClosedDay: null, counters: {} }
      expect(newcomerWait(fresh, CALENDAR, at(10), BEIJING)).toEqual({ kind: 'closedForDay', opensAt: null })
    })
  })
})
