import type { BranchCalendar } from '../domain/branchCalendar'
import { lobbyHours } from '../domain/lobbyHours'
import { localClock } from '../domain/localTime'
import type { QueueState } from '../queue/state'
import { assertNever } from '../util/assertNever'

/**
 * Whether a ticket taken now is told a wait, for every screen that shows one before the tap (the
 * lobby display's "wait if you join", the manager's "new ticket", the kiosk's menu):
 * - `estimated`: tickets are issued now; the estimates' `newTicket` figures are the waits;
 * - `opensLater`: before the doors open today with nobody at a counter: no ticket is issued, so
 *   there is no wait to tell, only when the branch opens (`opensAt`, epoch ms; `clock`, "09:00");
 * - `closedForDay`: no more tickets today (the doors have shut for the day with nobody at a
 *   counter, the day is closed, or the branch does not open today); `opensAt` is the next
 *   opening, null when the calendar gives none.
 * Anything but `estimated` comes with no `newTicket` figures at all: a wait counted from 05:00
 * to a teller nobody knows will come was "60–630 min", which nobody can promise.
 */
export type NewcomerWait =
  | { readonly kind: 'estimated' }
  | { readonly kind: 'opensLater'; readonly opensAt: number; readonly clock: string }
  | { readonly kind: 'closedForDay'; readonly opensAt: number | null }

/**
 * The one decision of whether a would-be ticket has an estimate, from the same hours that
 * decide whether the kiosk's tap is given a ticket (`lobbyHours`): a ticket is estimated exactly
 * when it would be issued, so no issued ticket is without one and no refused one is given one.
 *
 * @example
 * newcomerWait(<day open, every counter closed>, DEMO_CALENDAR, <05:00 Beijing>, 480)
 * //=> { kind: 'opensLater', opensAt: <09:00 Beijing>, clock: '09:00' }
 * newcomerWait(<a teller at counter 1>, DEMO_CALENDAR, <05:00 Beijing>, 480) //=> { kind: 'estimated' }
 */
export function newcomerWait(
  state: Pick<QueueState, 'day' | 'lastClosedDay' | 'counters'>,
  calendar: BranchCalendar,
  now: number,
  utcOffsetMinutes: number,
): NewcomerWait {
  const hours = lobbyHours(state, calendar, now, utcOffsetMinutes)
  switch (hours.kind) {
    case 'open':
      return { kind: 'estimated' }
    case 'beforeOpening':
      return {
        kind: 'opensLater',
        opensAt: hours.opensAt,
        clock: localClock(hours.opensAt, utcOffsetMinutes).slice(0, 5),
      }
    case 'ended':
      return { kind: 'closedForDay', opensAt: hours.opensAt }
    case 'notStarted':
      // A hub's first moment, before it opens the day: the engine refuses every ticket then.
      return { kind: 'closedForDay', opensAt: null }
    default:
      return assertNever(hours, 'lobby hours')
  }
}
