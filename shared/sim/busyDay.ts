import type { BranchConfig } from '../domain/branch'
import { counterId, type ServiceId } from '../domain/ids'
import { DEMO_BRANCH } from '../demo/demoBranch'
import type { QueueEvent } from '../queue/events'
import { sampleExponential, sampleLognormal, seededRng, type Rng } from './random'
import { simulateBranch, type SimArrival } from './simulateBranch'

const s = (id: string): ServiceId => DEMO_BRANCH.services.find((x) => x.id === id)?.id as ServiceId
const [personal, business, wealth, cards] = [s('personal'), s('business'), s('wealth'), s('cards')]

/** The demo branch grown to a busy one: 18 counters with the demo's service mix and preferences. */
export const BUSY_BRANCH: BranchConfig = {
  ...DEMO_BRANCH,
  counters: [
    ...Array.from({ length: 8 }, () => [personal]),
    ...Array.from({ length: 3 }, () => [personal, cards]),
    ...Array.from({ length: 2 }, () => [cards, personal]),
    ...Array.from({ length: 2 }, () => [business, personal]),
    [wealth],
    [wealth, business],
    [business],
  ].map((services, i) => ({ id: counterId(`c${i + 1}`), number: i + 1, services })),
}

const MIX: readonly [ServiceId, number][] = [
  [personal, 0.6],
  [cards, 0.15],
  [business, 0.15],
  [wealth, 0.1],
]

/**
 * A day's customers over 8 hours with peaks at 10:00 and 14:30 (a Poisson process of that shape
 * by thinning), `tickets` expected, the demo branch's service mix, 5 % VIP and 5 % cared-for.
 *
 * @example
 * busyArrivals(rng, 2000).length //=> about 2000
 */
export function busyArrivals(rng: Rng, tickets: number): SimArrival[] {
  const rate = (t: number): number =>
    0.6 + Math.exp(-(((t - 3600) / 2400) ** 2)) + 0.8 * Math.exp(-(((t - 19800) / 3000) ** 2))
  const peak = 1.6
  let area = 0
  for (let x = 0; x < 28800; x += 60) area += rate(x + 30) * 60
  const out: SimArrival[] = []
  let t = 0
  const scale = tickets / area
  while (t < 28800) {
    t += sampleExponential(rng, 1 / (peak * scale))
    if (t >= 28800 || rng.next() * peak > rate(t)) continue
    let u = rng.next()
    const serviceId = (MIX.find(([, p]) => (u -= p) < 0) ?? MIX[0])?.[0] as ServiceId
    const v = rng.next()
    const priorityClassId =
      v < 0.05
        ? (DEMO_BRANCH.priorityClasses[0]?.id ?? null)
        : v < 0.1
          ? (DEMO_BRANCH.priorityClasses[1]?.id ?? null)
          : null
    out.push({ at: t, serviceId, priorityClassId, serviceSec: null, leaves: rng.next() < 0.03 })
  }
  return out
}

export interface BusyDayOptions {
  readonly branch: BranchConfig
  readonly date: string
  readonly utcOffsetMinutes: number
  /** Customers expected in the day. */
  readonly tickets: number
  readonly seed: number
  /** The day's first event seq (a hub's seqs continue from one day to the next). */
  readonly firstSeq: number
  /** Counters staffed all day; the rest open at 09:30 (default: all but the last four). */
  readonly earlyCounters?: number
}

/**
 * A business day at a branch, played through the real engine by the simulator, as the hub would
 * journal it: opened at 09:00 local time, customers from `busyArrivals`, lognormal transaction
 * times around each service's standard, a people-ahead estimate shown at issue, closed when the
 * queue is empty. Deterministic for a seed.
 *
 * @example
 * busyDayEvents({ branch: BUSY_BRANCH, date: '2026-11-24', utcOffsetMinutes: 480, tickets: 2000, seed: 1, firstSeq: 1 })
 * //=> [{ type: 'dayOpened', seq: 1, … }, …, { type: 'dayClosed', … }]  (about 9,000 events)
 */
export function busyDayEvents(o: BusyDayOptions): QueueEvent[] {
  const rng = seededRng(o.seed)
  for (let i = 0; i < 20; i++) rng.next()
  const openAt = Date.parse(`${o.date}T09:00:00Z`) - o.utcOffsetMinutes * 60_000
  const early = o.earlyCounters ?? Math.max(1, o.branch.counters.length - 4)
  const events: QueueEvent[] = []
  simulateBranch(
    {
      branch: o.branch,
      openAt,
      date: o.date,
      arrivals: busyArrivals(rng, o.tickets),
      counters: o.branch.counters.map((c, i) => ({ id: c.id, openSec: i < early ? 0 : 1800, closeSec: 8 * 3600 })),
      serviceTime: (ticket, _c, r) =>
        sampleLognormal(
          r,
          0.55 * (o.branch.services.find((x) => x.id === ticket.serviceId)?.standardSec ?? 60) + 40,
          0.6,
        ),
      walkSec: 12,
      recallIntervalSec: 20,
      onEvent: (event) => {
        events.push({ ...event, seq: o.firstSeq + event.seq - 1 })
      },
      estimateAtIssue: (state, ticket) => {
        const ahead = state.open.filter((x) => x.status === 'waiting' && x.serviceId === ticket.serviceId).length
        const estimate = { mean: ahead * 30, p10: ahead * 15, p50: ahead * 27, p90: ahead * 55 }
        const last = events[events.length - 1]
        if (last?.type === 'ticketIssued' && last.ticketId === ticket.id)
          events[events.length - 1] = { ...last, estimate }
        return estimate
      },
    },
    rng,
  )
  return events
}
