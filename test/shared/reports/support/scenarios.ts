import type { BranchConfig } from '../../../../shared/domain/branch'
import { counterId, type CounterId, type PriorityClassId, type ServiceId } from '../../../../shared/domain/ids'
import { sampleExponential, seededRng, type Rng } from '../../../../shared/sim/random'
import type { SimArrival, SimCounterPlan } from '../../../../shared/sim/simulateBranch'

/** 09:00 on 2026-11-24 in Beijing (UTC+8), as epoch ms. */
export const OPEN_AT = Date.UTC(2026, 10, 24, 1)
export const BEIJING = 480

/**
 * A seeded generator with its first draws thrown away. `seededRng` seeds xoroshiro128+ directly
 * from a small integer, and its first outputs are then nearly 1 and nearly linear in the seed
 * (seed 0 → 0.99999999999, 0.75; seed 1 → 0.99999998, 0.8125 …), which would make the first
 * customer of every simulated day arrive late. Twenty steps of the generator mix the state.
 */
export function rngFor(seed: number): Rng {
  const rng = seededRng(seed)
  for (let i = 0; i < 20; i++) rng.next()
  return rng
}

/** A branch of `n` identical counters all serving the given services. */
export function poolBranch(base: BranchConfig, n: number, services: readonly ServiceId[]): BranchConfig {
  return {
    ...base,
    counters: Array.from({ length: n }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services })),
  }
}

/**
 * Poisson arrivals whose rate changes by the hour (`perHour[h]` customers expected in hour h),
 * each with an exponential transaction time of mean `meanServiceSec` fixed in advance.
 */
export function hourlyPoissonArrivals(
  seed: number,
  perHour: readonly number[],
  meanServiceSec: number,
  serviceId: ServiceId,
  classOf: (u: number) => PriorityClassId | null = () => null,
): SimArrival[] {
  const rng = rngFor(seed)
  const out: SimArrival[] = []
  perHour.forEach((n, h) => {
    if (n <= 0) return
    let t = h * 3600
    for (;;) {
      t += sampleExponential(rng, 3600 / n)
      if (t >= (h + 1) * 3600) break
      out.push({
        at: t,
        serviceId,
        priorityClassId: classOf(rng.next()),
        serviceSec: sampleExponential(rng, meanServiceSec),
        leaves: false,
      })
    }
  })
  return out
}

/**
 * Counter plans for an hourly staffing schedule: counter i is open in the hours where the
 * schedule has more than i counters; each unbroken run of hours is its own counter id (the
 * simulator opens and closes a counter once). A counter staffed in the last hour stays open
 * until the queue is empty. Returns the counter ids to configure and the plans.
 */
export function plansForSchedule(schedule: readonly number[]): { ids: CounterId[]; plans: SimCounterPlan[] } {
  const plans: SimCounterPlan[] = []
  const most = Math.max(0, ...schedule)
  for (let i = 0; i < most; i++) {
    let h = 0
    while (h < schedule.length) {
      if ((schedule[h] as number) <= i) {
        h++
        continue
      }
      const from = h
      while (h < schedule.length && (schedule[h] as number) > i) h++
      plans.push({
        id: counterId(`s${i}-${from}`),
        openSec: from * 3600,
        closeSec: h === schedule.length ? null : h * 3600,
      })
    }
  }
  return { ids: plans.map((p) => p.id), plans }
}
