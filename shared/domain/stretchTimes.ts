import { clockMinutes } from '../util/clockMinutes'
import type { ClockStretch } from './branch'
import { localDate, startOfLocalDay } from './localTime'

/** A stretch of civil time placed on one day: epoch ms, `closeAt` after `openAt`. */
export interface TimedStretch {
  readonly openAt: number
  readonly closeAt: number
}

/**
 * Clock stretches (a counter's planned hours, the branch's opening hours) placed on the local day
 * `now` falls in. The one reading of "HH:MM" in the branch's time for the roster, the delays'
 * "expected open" and the doors' close, so the three never disagree about a counter's hours.
 *
 * @example
 * stretchesOnDayOf([{ opens: '09:00', closes: '17:00' }], Date.UTC(2026, 11, 7, 2), 480)
 * //=> [{ openAt: Date.UTC(2026, 11, 7, 1), closeAt: Date.UTC(2026, 11, 7, 9) }]
 */
export function stretchesOnDayOf(
  stretches: readonly ClockStretch[],
  now: number,
  utcOffsetMinutes: number,
): TimedStretch[] {
  const midnight = startOfLocalDay(localDate(now, utcOffsetMinutes), utcOffsetMinutes)
  return stretches.map((s) => ({
    openAt: midnight + clockMinutes(s.opens) * 60_000,
    closeAt: midnight + clockMinutes(s.closes) * 60_000,
  }))
}

/**
 * Whether `now` falls within one of the stretches (opening included, closing excluded).
 *
 * @example
 * withinStretches([{ opens: '09:00', closes: '12:00' }], Date.UTC(2026, 11, 7, 4), 480) //=> false (12:00 in Beijing)
 */
export function withinStretches(stretches: readonly ClockStretch[], now: number, utcOffsetMinutes: number): boolean {
  return stretchesOnDayOf(stretches, now, utcOffsetMinutes).some((s) => now >= s.openAt && now < s.closeAt)
}
