import { mixSeed, seededRng } from './random'
import type { Scenario } from './scenario'

/**
 * The same branch on a day its tellers sit at other counters: branches move tellers between
 * counters from day to day (a rota, one covering for another's day off, cash-counter duty by
 * turns). Each counter keeps its services, preferences, hours and breaks; the tellers — one per
 * counter, `T1`… in the order of `day.counters`, each at the speed the generator gave that
 * counter — are dealt to the counters in a random order drawn from `seed` and `dayIndex`. Day 0
 * keeps every teller at their own counter. Deterministic.
 *
 * @example
 * rotaOf(randomBranchDay(7), 7, 0).counters.map((c) => c.staff) //=> ['T1', 'T2', …]
 * rotaOf(randomBranchDay(7), 7, 3).counters.map((c) => c.staff) //=> a shuffle of them
 */
export function rotaOf(day: Scenario, seed: number, dayIndex: number): Scenario {
  const tellers = day.counters.map((c, i) => ({ staff: `T${i + 1}`, speed: c.speed }))
  const rng = seededRng(mixSeed(seed * 7919 + 733 + dayIndex * 104_729))
  const dealt =
    dayIndex === 0
      ? tellers
      : tellers
          .map((t) => ({ t, key: rng.next() }))
          .sort((a, b) => a.key - b.key)
          .map(({ t }) => t)
  return {
    ...day,
    name: `${day.name ?? 'day'} (rota ${dayIndex})`,
    counters: day.counters.map(({ speed: _own, ...counter }, i) => {
      const t = dealt[i] as (typeof tellers)[number]
      return { ...counter, staff: t.staff, ...(t.speed === undefined ? {} : { speed: t.speed }) }
    }),
  }
}
