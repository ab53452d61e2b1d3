import { describe, expect, it } from 'vitest'
import { dayKind, doorsClose, NO_CALENDAR, openingOn, type BranchCalendar } from '../../../shared/domain/branchCalendar'

const CALENDAR: BranchCalendar = {
  holidays: ['2027-01-01'],
  workingWeekends: ['2026-12-12'],
  opening: {
    workingDays: [
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:30' },
    ],
    weekends: [{ opens: '10:00', closes: '16:00' }],
    holidays: [],
  },
}

/** 2026-12-07 (a Monday) at a Beijing clock time. */
const monday = (clock: string): number => Date.parse(`2026-12-07T${clock}:00+08:00`)

describe('the branch calendar', () => {
  it('tells holidays, working weekend days and weekends apart', () => {
    expect(dayKind('2027-01-01', CALENDAR)).toBe('holiday') // a Friday
    expect(dayKind('2026-12-12', CALENDAR)).toBe('workingDay') // a Saturday, 调休
    expect(dayKind('2026-12-13', CALENDAR)).toBe('weekend') // a Sunday
    expect(dayKind('2026-12-07', CALENDAR)).toBe('workingDay')
  })

  it('gives each kind of day its own opening hours, and none where none are given', () => {
    expect(openingOn('2026-12-07', CALENDAR)).toHaveLength(2)
    expect(openingOn('2026-12-12', CALENDAR)).toEqual(CALENDAR.opening?.workingDays)
    expect(openingOn('2026-12-13', CALENDAR)).toEqual([{ opens: '10:00', closes: '16:00' }])
    expect(openingOn('2027-01-01', CALENDAR)).toEqual([])
    expect(openingOn('2026-12-13', NO_CALENDAR)).toBeNull()
  })

  it('expects no newcomers after the close still ahead today, and knows none once it has passed', () => {
    expect(doorsClose(CALENDAR, monday('08:00'), 480)).toBe(monday('17:30'))
    // over the lunch closing the day's last close is still the one that counts
    expect(doorsClose(CALENDAR, monday('12:30'), 480)).toBe(monday('17:30'))
    expect(doorsClose(CALENDAR, monday('17:45'), 480)).toBeNull()
    expect(doorsClose(CALENDAR, Date.parse('2027-01-01T10:00:00+08:00'), 480)).toBeNull()
    expect(doorsClose(NO_CALENDAR, monday('08:00'), 480)).toBeNull()
    // a close at midnight is the end of this day, not the start of it
    const late = { ...CALENDAR, opening: { ...CALENDAR.opening!, workingDays: [{ opens: '18:00', closes: '24:00' }] } }
    expect(doorsClose(late, monday('20:00'), 480)).toBe(Date.parse('2026-12-08T00:00:00+08:00'))
    // the local date, not the UTC one: 07:00 in Beijing is the day before in UTC
    expect(doorsClose(CALENDAR, Date.parse('2026-12-13T07:00:00+08:00'), 480)).toBe(
      Date.parse('2026-12-13T16:00:00+08:00'),
    )
  })
})
