import type { BranchConfig } from '../domain/branch'
import { localDate, startOfLocalDay } from '../reports/localTime'
import { clockMinutes } from '../util/clockMinutes'
import type { CounterPlan } from './counterAvailability'

/**
 * Today's roster as the estimator takes it: every counter's planned `hours` (branch civil time)
 * on the day `now` falls in, as epoch-ms stretches. Counters without hours have no plan.
 *
 * @example
 * // counter c1 with hours [{ opens: '09:00', closes: '12:00' }], utcOffset 480, now 2026-12-07 10:00 in Shanghai
 * plannedHours(branch, now, 480) //=> [{ counterId: 'c1', openAt: <09:00 that day>, closeAt: <12:00 that day> }]
 */
export function plannedHours(branch: BranchConfig, now: number, utcOffsetMinutes: number): CounterPlan[] {
  const midnight = startOfLocalDay(localDate(now, utcOffsetMinutes), utcOffsetMinutes)
  const at = (clock: string): number => midnight + clockMinutes(clock) * 60_000
  return branch.counters.flatMap((c) =>
    (c.hours ?? []).map((h) => ({ counterId: c.id, openAt: at(h.opens), closeAt: at(h.closes) })),
  )
}
