import { dayKind } from '../domain/branchCalendar'
import { addDays, localDate, startOfLocalDay } from '../domain/localTime'

/**
 * Which days the branch works: Monday to Friday, less public holidays, plus the weekend days
 * declared working days to make up for a holiday (调休, as China's holiday calendar does).
 * Dates are local YYYY-MM-DD; the hub passes this year's lists.
 */
export interface WorkCalendar {
  readonly utcOffsetMinutes: number
  readonly holidays: readonly string[]
  readonly workingWeekends: readonly string[]
}

/**
 * Whether a local date is a working day of the calendar.
 *
 * @example
 * isWorkingDay('2026-10-01', { utcOffsetMinutes: 480, holidays: ['2026-10-01'], workingWeekends: [] }) //=> false
 */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  return dayKind(date, calendar) === 'workingDay'
}

/**
 * The reply deadline of feedback received at `receivedAt`: the end of the `workingDays`-th
 * working day after the day it was received (the day of receipt does not count, whatever the
 * hour; weekends and holidays are skipped; 调休 weekend working days count). Returned as the
 * instant the next local day begins, so a reply is on time when it is made before it.
 *
 * @example
 * // received Friday 2026-11-27: Mon 30, Tue 1, Wed 2 → due before Thursday 2026-12-03 00:00
 * replyDeadline(Date.UTC(2026, 10, 27, 7), { utcOffsetMinutes: 480, holidays: [], workingWeekends: [] })
 * //=> startOfLocalDay('2026-12-03', 480)
 */
export function replyDeadline(receivedAt: number, calendar: WorkCalendar, workingDays = 3): number {
  let date = localDate(receivedAt, calendar.utcOffsetMinutes)
  let counted = 0
  // A calendar with no working day at all would loop forever; a year is far beyond any rule.
  for (let i = 0; i < 366 && counted < workingDays; i++) {
    date = addDays(date, 1)
    if (isWorkingDay(date, calendar)) counted++
  }
  return startOfLocalDay(addDays(date, 1), calendar.utcOffsetMinutes)
}
