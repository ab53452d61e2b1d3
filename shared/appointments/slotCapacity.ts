import type { ServiceConfig } from '../domain/branch'
import { shareWithinTargets } from '../queueing/staffing'

/** What the staffing plan says about one service in one local hour. */
export interface HourPlan {
  /** Counters that serve the service and are planned open, counted by the share of the hour. */
  readonly counters: number
  /** Walk-in customers of the service usually arriving in the hour. */
  readonly walkIns: number
}

/**
 * The capacity rule: the most bookings one hour of one service may take. With `c` counters
 * planned for the service (whole counters: the planned share rounded down), walk-ins arriving
 * at their usual rate and a counter holding each customer for `holdSec` on average, bookings
 * may be added as long as an M/M/c queue (Erlang C) of walk-ins plus bookings still calls
 * `goalShare` of customers within the service's target wait. The most `B` with
 * shareWithinTargets(c, (walkIns + B)/3600, 1/holdSec, target) ≥ goalShare; 0 when even the
 * walk-ins alone miss it, or no counter is planned.
 *
 * Simplifications, on the safe side of what the branch can keep: bookings are counted as if
 * they arrived at random (they are spread over the hour's slots, which is gentler); booked
 * customers go ahead of walk-ins when due, which Erlang's first-come-first-served share does not
 * see, so the goal share is the walk-ins' share only approximately.
 *
 * @example
 * // 2 counters, 10 walk-ins an hour, 5-minute transactions, 80 % within 10 minutes
 * bookingsPerHour({ counters: 2, walkIns: 10 }, service, 300, 0.8) //=> 8
 */
export function bookingsPerHour(
  plan: HourPlan,
  service: Pick<ServiceConfig, 'targetWaitSec'>,
  holdSec: number,
  goalShare: number,
): number {
  const c = Math.floor(plan.counters + 1e-9)
  if (c <= 0 || holdSec <= 0) return 0
  const mu = 1 / holdSec
  const target = [{ share: 1, targetSec: service.targetWaitSec }]
  const keeps = (b: number): boolean => shareWithinTargets(c, (plan.walkIns + b) / 3600, mu, target) >= goalShare
  if (!keeps(0)) return 0
  // The stable limit bounds the search: c counters take at most c·3600/holdSec an hour.
  let b = 0
  const most = Math.ceil((c * 3600) / holdSec)
  while (b < most && keeps(b + 1)) b++
  return b
}

/**
 * How many bookings one slot takes: the hour's bookings shared evenly over its slots, rounded
 * down, so the slots of an hour together never exceed `bookingsPerHour`.
 *
 * @example
 * slotCapacity(8, 30) //=> 4
 * slotCapacity(3, 30) //=> 1
 */
export function slotCapacity(perHour: number, slotMinutes: number): number {
  return Math.floor((perHour * slotMinutes) / 60)
}
