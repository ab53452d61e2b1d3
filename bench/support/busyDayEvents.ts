import type { QueueEvent } from '../../shared/queue/events'
import { BUSY_BRANCH, busyArrivals } from '../../shared/sim/busyDay'
import { sampleLognormal } from '../../shared/sim/random'
import { rngFor } from '../../test/shared/reports/support/scenarios'
import { simulateDayEvents } from '../../test/shared/reports/support/simulatedDayEvents'

/**
 * A busy branch's day (`BUSY_BRANCH`, a morning and an afternoon peak) simulated with the real
 * engine, as its journal: the day the report benchmarks measure. The same seed, the same day.
 */
export function busyDayEvents(seed: number, tickets: number, date = '2026-01-01'): QueueEvent[] {
  const rng = rngFor(seed)
  const branch = BUSY_BRANCH
  return simulateDayEvents(
    {
      branch,
      openAt: Date.UTC(2026, 0, 1, 1),
      date,
      arrivals: busyArrivals(rng, tickets),
      counters: branch.counters.map((c, i) => ({ id: c.id, openSec: i < 14 ? 0 : 1800, closeSec: 8 * 3600 })),
      serviceTime: (ticket, _c, r) =>
        sampleLognormal(
          r,
          0.55 * (branch.services.find((x) => x.id === ticket.serviceId)?.standardSec ?? 60) + 40,
          0.6,
        ),
      walkSec: 12,
      recallIntervalSec: 20,
      estimateAtIssue: (state, ticket) => {
        const ahead = state.open.filter((x) => x.status === 'waiting' && x.serviceId === ticket.serviceId).length
        return { mean: ahead * 30, p10: ahead * 15, p50: ahead * 27, p90: ahead * 55 }
      },
    },
    rng,
  ).events
}
