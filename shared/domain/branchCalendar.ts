import { localDate, weekday } from './localTime'
import { stretchesOnDayOf } from './stretchTimes'
import type { ClockStretch } from './branch'

/**
 * The branch's calendar (`calendar` in branch.json): the public holidays and the weekend days
 * that are working days instead (调休, as China's holiday calendar moves them), as local
 * YYYY-MM-DD dates the manager enters each year; and, where the branch gives them, its opening
 * hours by kind of day.
 */
export interface BranchCalendar {
  readonly holidays: readonly string[]
  readonly workingWeekends: readonly string[]
  readonly opening?: OpeningHours
}

/**
 * When the branch's doors are open, by kind of day: a working day (Monday to Friday, and a 调休
 * weekend working day), a weekend day, a public holiday. No stretch: closed that kind of day.
 * Many branches open at weekends with shorter hours and close on holidays, so each has its own.
 */
export interface OpeningHours {
  readonly workingDays: readonly ClockStretch[]
  readonly weekends: readonly ClockStretch[]
  readonly holidays: readonly ClockStretch[]
}

export type DayKind = 'workingDay' | 'weekend' | 'holiday'

/**
 * What kind of day a local date is: a listed holiday, a listed working weekend day, else by the
 * day of the week.
 *
 * @example
 * dayKind('2026-10-01', { holidays: ['2026-10-01'], workingWeekends: [] }) //=> 'holiday'
 * dayKind('2026-10-10', { holidays: [], workingWeekends: ['2026-10-10'] }) //=> 'workingDay' (a Saturday)
 */
export function dayKind(date: string, calendar: Pick<BranchCalendar, 'holidays' | 'workingWeekends'>): DayKind {
  if (calendar.holidays.includes(date)) return 'holiday'
  if (calendar.workingWeekends.includes(date)) return 'workingDay'
  const d = weekday(date)
  return d === 0 || d === 6 ? 'weekend' : 'workingDay'
}

/**
 * The branch's opening hours on a local date: none when it is closed that day; null when the
 * branch gives no opening hours (then nothing is known of them: every day may be open).
 *
 * @example
 * openingOn('2026-12-06', { holidays: [], workingWeekends: [], opening: { workingDays: [nineToFive], weekends: [], holidays: [] } }) //=> [] (a Sunday)
 */
export function openingOn(date: string, calendar: BranchCalendar): readonly ClockStretch[] | null {
  const opening = calendar.opening
  if (opening === undefined) return null
  const kind = dayKind(date, calendar)
  return kind === 'holiday' ? opening.holidays : kind === 'weekend' ? opening.weekends : opening.workingDays
}

/**
 * When the doors close for the last time today (epoch ms), for the estimates' newcomers: null
 * when the branch gives no opening hours, is closed today, or `now` is past that close — tickets
 * still being issued then say the doors are open after all, and nothing is known of when they
 * will close.
 *
 * @example
 * doorsClose(calendarNineToFive, Date.UTC(2026, 11, 7, 2), 480) //=> Date.UTC(2026, 11, 7, 9) (17:00 in Beijing)
 */
export function doorsClose(calendar: BranchCalendar, now: number, utcOffsetMinutes: number): number | null {
  const stretches = openingOn(localDate(now, utcOffsetMinutes), calendar)
  if (stretches === null || stretches.length === 0) return null
  const at = Math.max(...stretchesOnDayOf(stretches, now, utcOffsetMinutes).map((s) => s.closeAt))
  return at > now ? at : null
}

/** A calendar with no holidays, no working weekends and no opening hours given. */
export const NO_CALENDAR: BranchCalendar = { holidays: [], workingWeekends: [] }
