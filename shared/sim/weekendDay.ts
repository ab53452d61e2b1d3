import { mixSeed, seededRng } from './random'
import type { Scenario, ScenarioCounter } from './scenario'

/**
 * The same branch on a weekend day: many branches open on Saturdays and Sundays with fewer
 * tellers and fewer customers. A random 40–70 % of the counters stay (at least one for every
 * service; the ones kept work the whole day), and every arrival stream is scaled by what the
 * kept counters can do against all of them, times 0.8–1.1, so the weekend is about as loaded as
 * a working day. Services, their transaction times, the customers' patience and the hours are
 * the working day's. Deterministic for a seed.
 *
 * @example
 * weekendOf(randomBranchDay(7), 7).counters.length //=> about half of randomBranchDay(7)'s
 */
export function weekendOf(day: Scenario, seed: number): Scenario {
  const rng = seededRng(mixSeed(seed * 7919 + 557))
  const share = 0.4 + 0.3 * rng.next()
  const wanted = Math.max(1, Math.round(day.counters.length * share))
  // A random order of the counters; then each service's first counter in it, then the rest.
  const order = day.counters.map((c) => ({ c, key: rng.next() })).sort((a, b) => a.key - b.key)
  const kept = new Set<ScenarioCounter>()
  for (const s of day.services) {
    if ([...kept].some((c) => c.services.includes(s.id))) continue
    const first = order.find(({ c }) => c.services.includes(s.id))
    if (first !== undefined) kept.add(first.c)
  }
  for (const { c } of order) if (kept.size < wanted) kept.add(c)
  const pace = (cs: Iterable<ScenarioCounter>): number => [...cs].reduce((a, c) => a + (c.speed ?? 1), 0)
  const scale = (pace(kept) / pace(day.counters)) * (0.8 + 0.3 * rng.next())
  const scaled = (r: number): number => Math.round(r * scale * 100) / 100
  const counters = day.counters
    .filter((c) => kept.has(c))
    .map(({ open: _open, close: _close, ...allDay }) => allDay as ScenarioCounter)
  return {
    ...day,
    name: `${day.name ?? 'day'} (weekend)`,
    counters,
    arrivals: day.arrivals.map((a) => ({
      ...a,
      perHour: typeof a.perHour === 'number' ? scaled(a.perHour) : a.perHour.map(scaled),
    })),
  }
}
