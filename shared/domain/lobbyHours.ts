import { doorsOpenAt, nextOpening } from '../demo/demoHours'
import type { QueueState } from '../queue/state'
import type { BranchCalendar } from './branchCalendar'
import { addDays, localDate, startOfLocalDay } from './localTime'

/**
 * Where the branch's day stands for a customer walking up to the kiosk:
 * - `open`: tickets are issued (the doors are open, or a teller is at a counter: someone serves);
 * - `beforeOpening`: the day is open but the doors are not yet, nobody is at a counter, and the
 *   doors open later today (`opensAt`, epoch ms);
 * - `ended`: the business day is closed, or the doors have shut for the rest of it; `opensAt` is
 *   the next opening, null when the calendar gives no hours (once a day is closed, the first
 *   opening after it: a day closed at 07:50 does not open again at 09:00);
 * - `notStarted`: no business day has been opened yet (a hub's first minute).
 */
export type LobbyHours =
  | { readonly kind: 'open' }
  | { readonly kind: 'beforeOpening'; readonly opensAt: number }
  | { readonly kind: 'ended'; readonly opensAt: number | null }
  | { readonly kind: 'notStarted' }

/**
 * The one decision of whether a walk-in gets a ticket now, for the hub (which refuses the tap
 * otherwise) and the kiosk (which says why and when instead of a menu). A ticket before the doors
 * open, with nobody at a counter, has no honest wait: nobody can say when a teller comes, and an
 * estimate counted from 04:00 was "0 ahead, about 70–780 min" beside a closing warning.
 *
 * @example
 * lobbyHours({ day: '2026-12-08', lastClosedDay: '2026-12-07', counters: {} }, DEMO_CALENDAR, <04:00 Beijing>, 480)
 * //=> { kind: 'beforeOpening', opensAt: <09:00 Beijing> }
 */
export function lobbyHours(
  state: Pick<QueueState, 'day' | 'lastClosedDay' | 'counters'>,
  calendar: BranchCalendar,
  now: number,
  utcOffsetMinutes: number,
): LobbyHours {
  if (state.day === null)
    return state.lastClosedDay === null
      ? { kind: 'notStarted' }
      : { kind: 'ended', opensAt: reopensAt(state.lastClosedDay, calendar, now, utcOffsetMinutes) }
  if (Object.values(state.counters).some((c) => c.status !== 'closed')) return { kind: 'open' }
  if (doorsOpenAt(calendar, now, utcOffsetMinutes)) return { kind: 'open' }
  const opensAt = nextOpening(calendar, now, utcOffsetMinutes)
  if (opensAt !== null && localDate(opensAt, utcOffsetMinutes) === localDate(now, utcOffsetMinutes))
    return { kind: 'beforeOpening', opensAt }
  return { kind: 'ended', opensAt }
}

/**
 * Whether a local date's business day has been closed (`lastClosedDay`): the engine never opens
 * such a day again, so nothing may be promised on it — no ticket, no appointment slot, no check-in.
 *
 * @example
 * dayClosed('2026-12-08', '2026-12-08') //=> true
 * dayClosed('2026-12-07', '2026-12-08') //=> false
 */
export function dayClosed(lastClosedDay: string | null, date: string): boolean {
  return lastClosedDay !== null && date <= lastClosedDay
}

/**
 * When the branch next opens after a closed business day: the calendar's next opening, but not on
 * or before the closed day (a day closed before its doors opened stays closed).
 *
 * @example
 * reopensAt('2026-12-08', DEMO_CALENDAR, <07:50 Beijing on 2026-12-08>, 480) //=> <09:00 Beijing on 2026-12-09>
 */
export function reopensAt(
  lastClosedDay: string,
  calendar: BranchCalendar,
  now: number,
  utcOffsetMinutes: number,
): number | null {
  const dayAfter = startOfLocalDay(addDays(lastClosedDay, 1), utcOffsetMinutes)
  // nextOpening looks strictly after its instant: one millisecond before the next day's midnight.
  return nextOpening(calendar, Math.max(now, dayAfter - 1), utcOffsetMinutes)
}
