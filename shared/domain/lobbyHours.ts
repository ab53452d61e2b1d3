import { doorsOpenAt, nextOpening } from '../demo/demoHours'
import type { QueueState } from '../queue/state'
import type { BranchCalendar } from './branchCalendar'
import { localDate } from './localTime'

/**
 * Where the branch's day stands for a customer walking up to the kiosk:
 * - `open`: tickets are issued (the doors are open, or a teller is at a counter: someone serves);
 * - `beforeOpening`: the day is open but the doors are not yet, nobody is at a counter, and the
 *   doors open later today (`opensAt`, epoch ms);
 * - `ended`: the business day is closed, or the doors have shut for the rest of it; `opensAt` is
 *   the next opening, null when the calendar gives no hours;
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
      : { kind: 'ended', opensAt: nextOpening(calendar, now, utcOffsetMinutes) }
  if (Object.values(state.counters).some((c) => c.status !== 'closed')) return { kind: 'open' }
  if (doorsOpenAt(calendar, now, utcOffsetMinutes)) return { kind: 'open' }
  const opensAt = nextOpening(calendar, now, utcOffsetMinutes)
  if (opensAt !== null && localDate(opensAt, utcOffsetMinutes) === localDate(now, utcOffsetMinutes))
    return { kind: 'beforeOpening', opensAt }
  return { kind: 'ended', opensAt }
}
