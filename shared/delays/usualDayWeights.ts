import { dayKind, type BranchCalendar, type DayKind } from '../domain/branchCalendar'

/**
 * What the days of other kinds are worth together, in days, beside those of the day's own kind:
 * enough that a first Saturday after weeks of weekdays is half the weekdays' pattern, little
 * enough that four Saturdays of two counters are not pulled towards the weekdays' six.
 */
const OTHER_KINDS_WORTH = 1

/** The kind whose days stand in when a kind has none yet: a holiday the branch opens is run like a weekend. */
const STAND_IN: Readonly<Record<DayKind, DayKind | null>> = { holiday: 'weekend', weekend: null, workingDay: null }

/**
 * How much each recent day counts in the usual pattern of `date` (`learnUsualPattern`'s
 * weights): a branch's weekend or holiday is not its working day — fewer counters, other hours,
 * fewer customers — so the days of the same kind (`dayKind`: the calendar's holidays and working
 * weekends, else the day of the week) count one each, and the others together as one day. With no
 * day of its kind yet (a holiday: of the weekend's), every day counts the same, as before the
 * branch had any.
 *
 * @example
 * // ten working days and two Sundays before a Saturday
 * usualDayWeights([...weekdays, '2026-11-29', '2026-12-06'], '2026-12-12', NO_CALENDAR)
 * //=> [0.1, … (ten), 1, 1]
 */
export function usualDayWeights(
  dates: readonly string[],
  date: string,
  calendar: Pick<BranchCalendar, 'holidays' | 'workingWeekends'>,
): number[] {
  const kinds = dates.map((d) => dayKind(d, calendar))
  const own = dayKind(date, calendar)
  const stand = STAND_IN[own]
  const like = kinds.some((k) => k === own) ? own : stand !== null && kinds.some((k) => k === stand) ? stand : null
  if (like === null) return dates.map(() => 1)
  const others = kinds.filter((k) => k !== like).length
  return kinds.map((k) => (k === like ? 1 : OTHER_KINDS_WORTH / others))
}
