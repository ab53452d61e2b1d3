import { openingOn, type BranchCalendar } from '../domain/branchCalendar'
import type { BranchConfig } from '../domain/branch'
import type { CounterId, ServiceId } from '../domain/ids'
import type { WaitEstimate } from '../queue/ticket'
import { localDate } from '../domain/localTime'
import { stretchesOnDayOf } from '../domain/stretchTimes'

/**
 * When the last counter that may serve a customer is planned to stop today: the instant (epoch
 * ms) and the same time as the branch's clock reads it ("17:00"), which is what a customer is told.
 */
export interface ServingEnd {
  readonly at: number
  readonly clock: string
}

/**
 * What a customer is told before and after taking a ticket when the wait may run past the
 * counters' planned end (the kiosk's service button, the receipt, the paper, the status page):
 * - `mayNot`: the estimate's 80 % range reaches past it (p90 beyond): "may not be served before 17:00";
 * - `unlikely`: more likely than not past it (the median, p50, beyond): "unlikely to be served before 17:00".
 *
 * The median and not the mean decides "unlikely": a wait's distribution is skewed to the right, so
 * its mean lies above its median, and a mean just past the end still leaves better than even odds.
 * The end is the counters' plan, not the doors: staff serve who is inside after the doors close
 * (docs/installing.md), and a teller who stays on goes on calling, so the words say "the counters
 * are planned to close", never "you will not be served".
 */
export interface ClosingWarning extends ServingEnd {
  readonly kind: 'mayNot' | 'unlikely'
}

/**
 * When the last counter that may serve `serviceId` (only `targetCounterId` for a ticket sent to
 * one counter) is planned to stop today, from its planned `hours`, or for a counter without hours
 * the doors' last close today (`calendar.opening`). Null — nothing to warn about — when one of
 * those counters has no known end (no hours and no opening hours, or the calendar says the branch
 * is closed today and tickets are issued anyway), when no counter serves it, or when the end has
 * passed (tellers staying on: nothing is known of when they will stop). A counter with empty
 * `hours` is not planned today and does not count.
 *
 * @example
 * // c1 serves personal, hours 09:00–12:00 and 13:00–16:30; c2 serves it without hours; doors close 17:00
 * servingEnd(branch, calendar, 'personal', null, <10:00 in Beijing>, 480) //=> { at: <17:00>, clock: '17:00' }
 * servingEnd(branch, calendar, 'personal', 'c1', <10:00 in Beijing>, 480) //=> { at: <16:30>, clock: '16:30' }
 */
export function servingEnd(
  branch: BranchConfig,
  calendar: BranchCalendar,
  serviceId: ServiceId,
  targetCounterId: CounterId | null,
  now: number,
  utcOffsetMinutes: number,
): ServingEnd | null {
  const opening = openingOn(localDate(now, utcOffsetMinutes), calendar)
  const doors = opening === null || opening.length === 0 ? null : opening
  let end: ServingEnd | null = null
  for (const c of branch.counters) {
    if (!c.services.includes(serviceId) || (targetCounterId !== null && c.id !== targetCounterId)) continue
    const stretches = c.hours ?? doors
    if (stretches === null) return null
    const timed = stretchesOnDayOf(stretches, now, utcOffsetMinutes)
    for (let i = 0; i < timed.length; i++) {
      const closeAt = timed[i]?.closeAt ?? Number.NEGATIVE_INFINITY
      if (end === null || closeAt > end.at) end = { at: closeAt, clock: stretches[i]?.closes ?? '' }
    }
  }
  return end !== null && end.at > now ? end : null
}

/**
 * Whether a wait shown now may run past the counters' planned end (`ClosingWarning`); null when it
 * ends in time by the estimate, or when no end is known. A wait that ends exactly at the end is in
 * time. The estimate is in seconds until the call, as every estimate the customer is shown.
 *
 * @example
 * // 16:40, counters planned to stop at 17:00 (20 minutes ahead)
 * servedBeforeClose({ mean: 1500, p10: 900, p50: 1320, p90: 2400 }, now, end) //=> { kind: 'unlikely', ...end }
 * servedBeforeClose({ mean: 1080, p10: 600, p50: 1020, p90: 1500 }, now, end) //=> { kind: 'mayNot', ...end }
 * servedBeforeClose({ mean: 600, p10: 300, p50: 540, p90: 1200 }, now, end) //=> null (p90 exactly at 17:00)
 */
export function servedBeforeClose(estimate: WaitEstimate, now: number, end: ServingEnd | null): ClosingWarning | null {
  if (end === null) return null
  const leftSec = (end.at - now) / 1000
  if (estimate.p50 > leftSec) return { kind: 'unlikely', ...end }
  if (estimate.p90 > leftSec) return { kind: 'mayNot', ...end }
  return null
}
