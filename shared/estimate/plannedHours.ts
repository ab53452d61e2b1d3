import type { BranchConfig } from '../domain/branch'
import type { UsualPattern } from '../delays/usualPattern'
import { localDate, startOfLocalDay } from '../domain/localTime'
import { stretchesOnDayOf } from '../domain/stretchTimes'
import type { CounterPlan } from './counterAvailability'

/**
 * A counter counts as usually staffed in an hour when it was, on average, for at least this
 * share of it on the branch's past days.
 */
const USUALLY_STAFFED = 0.5

/**
 * Whether a counter is usually staffed in local hour `h` of the branch's usual day: the one
 * threshold the estimator's roster (`usualRoster`) and the what-if's usual day both take.
 *
 * @example
 * usuallyStaffed(usual, 'c3', 12) //=> true when counter 3 was open 80 % of 12:00–13:00 on average
 */
export function usuallyStaffed(usual: UsualPattern, counterId: string, h: number): boolean {
  return (usual.hours[h]?.counterOpenShare[counterId] ?? 0) >= USUALLY_STAFFED
}

/**
 * Today's roster as the estimator takes it: each counter's planned `hours` (branch civil time)
 * on the day `now` falls in, as epoch-ms stretches; for a counter without hours, the stretches
 * of the day it is usually staffed (`usualRoster`), and none without a usual day yet.
 *
 * @example
 * // counter c1 with hours [{ opens: '09:00', closes: '12:00' }], utcOffset 480, now 2026-12-07 10:00 in Shanghai
 * plannedHours(branch, null, now, 480) //=> [{ counterId: 'c1', openAt: <09:00 that day>, closeAt: <12:00 that day> }]
 */
export function plannedHours(
  branch: BranchConfig,
  usual: UsualPattern | null,
  now: number,
  utcOffsetMinutes: number,
): CounterPlan[] {
  const midnight = startOfLocalDay(localDate(now, utcOffsetMinutes), utcOffsetMinutes)
  const usually = usualRoster(branch, usual, midnight)
  return branch.counters.flatMap((c) =>
    c.hours === undefined
      ? usually.filter((p) => p.counterId === c.id)
      : stretchesOnDayOf(c.hours, now, utcOffsetMinutes).map((s) => ({ counterId: c.id, ...s })),
  )
}

/**
 * The roster a branch keeps without saying it: for each counter, the runs of hours its past days
 * had it staffed for at least half the hour (`UsualPattern.counterOpenShare`, pauses excluded),
 * their ends placed within the hour by the shares, from `midnight` (the day's local midnight,
 * epoch ms). Without it a counter still closed is
 * never expected to open, so at a branch whose tellers arrive through the morning the first
 * open counter is projected to serve the whole usual day alone.
 */
export function usualRoster(branch: BranchConfig, usual: UsualPattern | null, midnight: number): CounterPlan[] {
  if (usual === null || usual.days === 0) return []
  const plans: CounterPlan[] = []
  for (const c of branch.counters) {
    const share = (h: number): number => usual.hours[h]?.counterOpenShare[c.id] ?? 0
    let from: number | null = null
    for (let h = 0; h <= usual.hours.length; h++) {
      const staffed = usuallyStaffed(usual, c.id, h)
      if (staffed && from === null) from = h
      if (!staffed && from !== null) {
        // Within the run's first and last hours, the time is placed by the shares: a counter
        // staffed two thirds of 10:00–11:00 and none of the hour before opened about 10:20; one
        // staffed a third of the hour after the run stayed until about 20 past.
        const opens = from + (1 - share(from)) - share(from - 1)
        const closes = h - (1 - share(h - 1)) + share(h)
        plans.push({ counterId: c.id, openAt: midnight + opens * 3600_000, closeAt: midnight + closes * 3600_000 })
        from = null
      }
    }
  }
  return plans
}
