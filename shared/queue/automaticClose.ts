import { openingOn, type BranchCalendar } from '../domain/branchCalendar'
import { endOfLocalDate, localDate, startOfLocalDay } from '../domain/localTime'
import { stretchesOnDayOf } from '../domain/stretchTimes'
import type { AutoClose } from './events'
import type { QueueState } from './state'

/**
 * How long after midnight a customer still at a counter keeps the day open, so the teller can
 * finish (complete, park, transfer) into the customer's own day. A visit left "serving" by a
 * teller who went home does not keep it open longer than this.
 */
export const CLOSE_HOLD_MS = 60 * 60_000

export interface AutomaticCloseInput {
  /** The open day's state (its date, who is waiting, who is at a counter). */
  readonly state: QueueState
  /** When the day's last event was journaled (its `dayOpened` at least). */
  readonly lastEventAt: number
  /** When this hub began following the day: it started (or restarted) then. */
  readonly hubStartedAt: number
  readonly now: number
  readonly calendar: BranchCalendar
  readonly utcOffsetMinutes: number
}

/** What the hub does about an open day now: nothing, wait for the counters, or close it at `at`. */
export type AutomaticClose =
  | { readonly kind: 'none' }
  | { readonly kind: 'hold' }
  | { readonly kind: 'close'; readonly at: number; readonly auto: AutoClose }

/**
 * The one rule for a day the hub closes by itself (not a manager's close), once its date has
 * passed. The close is stamped where the branch really stopped, not at midnight by default:
 *
 * - a customer still at a counter (called or serving) holds the close for up to
 *   `CLOSE_HOLD_MS` after midnight, so the visit ends as what it was (served, parked…);
 * - `afterOutage`: the hub journaled nothing of the day since it last started — it was off or
 *   down after the day's last event (a power cut, a PC switched off for the night). The day ends
 *   at that last journaled moment, the outage as best known; nothing after it is known. A day
 *   with nothing but its opening was not cut short: it is closed by the rule below;
 * - `endOfDay` on a hub that ran on: customers still waiting were in the queue on the lobby's
 *   screens until midnight, and wait until then. With nobody waiting, the day ends at its last
 *   event, or at the doors' close (`calendar.opening`) if that is later — counters left open
 *   after the last customer count until the doors closed, not until midnight.
 *
 * Never before the day's last event (even if the clock was set back), nor otherwise after `now`,
 * so the journal's times stay in order.
 *
 * @example
 * // 8 waiting tickets; the hub was restarted the next morning, its last event 10:00
 * automaticClose({ state, lastEventAt: tenAm, hubStartedAt: nextNineAm, now: nextNineAm, … })
 * //=> { kind: 'close', at: tenAm, auto: 'afterOutage' }
 */
export function automaticClose(input: AutomaticCloseInput): AutomaticClose {
  const { state, lastEventAt, now, utcOffsetMinutes } = input
  const day = state.day
  if (day === null || day >= localDate(now, utcOffsetMinutes)) return { kind: 'none' }
  const end = endOfLocalDate(day, utcOffsetMinutes)
  const atCounter = state.open.some((t) => t.status === 'called' || t.status === 'serving')
  if (atCounter && now <= end + CLOSE_HOLD_MS) return { kind: 'hold' }
  // Something happened that day (more than its opening), and nothing since the hub started.
  const cutShort = lastEventAt > (state.openedAt ?? lastEventAt) && input.hubStartedAt > lastEventAt
  if (cutShort) return { kind: 'close', at: lastEventAt, auto: 'afterOutage' }
  const waiting = state.open.some((t) => t.status === 'waiting')
  const stopped = waiting ? Math.min(now, end) : (doorsCloseOn(day, input.calendar, utcOffsetMinutes) ?? lastEventAt)
  return { kind: 'close', at: Math.max(lastEventAt, Math.min(now, stopped)), auto: 'endOfDay' }
}

/** The doors' last close on a local date; null when the branch gives no hours or is closed that day. */
function doorsCloseOn(date: string, calendar: BranchCalendar, utcOffsetMinutes: number): number | null {
  const stretches = openingOn(date, calendar)
  if (stretches === null || stretches.length === 0) return null
  const midnight = startOfLocalDay(date, utcOffsetMinutes)
  return Math.max(...stretchesOnDayOf(stretches, midnight, utcOffsetMinutes).map((s) => s.closeAt))
}
