import type { BranchConfig } from '../domain/branch'
import { counterId, type ServiceId } from '../domain/ids'
import { DEMO_BRANCH } from '../demo/demoBranch'
import type { QueueEvent } from '../queue/events'
import { sampleExponential, sampleLognormal, seededRng, type Rng } from './random'
import type { Scenario } from './scenario'
import { scenarioClass, scenarioService } from './scenarioFromBranch'
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
  const rate = busyRate
  const peak = 1.6
  const area = busyArea()
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

/** The busy day's shape: relative arrival rate `t` seconds after opening (peaks at 10:00 and 14:30). */
function busyRate(t: number): number {
  return 0.6 + Math.exp(-(((t - 3600) / 2400) ** 2)) + 0.8 * Math.exp(-(((t - 19800) / 3000) ** 2))
}

/** The rate's integral over the 8-hour day, by the minute. */
function busyArea(from = 0, until = 28800): number {
  let area = 0
  for (let x = from; x < until; x += 60) area += busyRate(x + 30) * 60
  return area
}

/** How a busy day's transaction times are drawn: lognormal around a little over half the standard. */
function busyServiceMeanSec(standardSec: number): number {
  return 0.55 * standardSec + 40
}
const BUSY_SERVICE_CV = 0.6

/**
 * The busy day as a scenario (`docs/simulator.md`), for simulating days with the estimator in the
 * loop (`simulateDays`): the same hourly shape, service mix, classes (5 % each), transaction
 * times, walk and no-shows as `busyDayEvents`; `earlyCounters` of the branch's counters staffed
 * from 09:00, the rest from 09:30, all until 17:00.
 *
 * @example
 * busyScenario(DEMO_BRANCH, { tickets: 700, earlyCounters: 6, date: '2026-11-24' }).arrivals.length //=> 12
 */
export function busyScenario(
  branch: BranchConfig,
  o: { readonly tickets: number; readonly earlyCounters: number; readonly date: string },
): Scenario {
  const scale = o.tickets / busyArea()
  const hourly = Array.from({ length: 8 }, (_, h) => busyArea(h * 3600, (h + 1) * 3600) * scale)
  const shares: [string | null, number][] = [
    [null, 0.9],
    ...branch.priorityClasses.slice(0, 2).map((c): [string, number] => [c.id, 0.05]),
  ]
  const round = (x: number): number => Math.round(x * 100) / 100
  return {
    name: 'busy day',
    date: o.date,
    utcOffsetMin: 480,
    hours: { open: '09:00', close: '17:00' },
    services: branch.services.map((s) =>
      scenarioService(s, { dist: 'lognormal', meanSec: busyServiceMeanSec(s.standardSec), cv: BUSY_SERVICE_CV }),
    ),
    priorityClasses: branch.priorityClasses.slice(0, 2).map(scenarioClass),
    arrivals: MIX.flatMap(([service, p]) =>
      shares.map(([priority, q]) => ({
        service,
        ...(priority === null ? {} : { priority }),
        perHour: hourly.map((n) => round(n * p * q)),
      })),
    ),
    counters: branch.counters.map((c, i) => ({
      id: c.id,
      services: [...c.services],
      ...(i < o.earlyCounters ? {} : { open: '09:30' }),
    })),
    noShowProbability: 0.03,
    walkSec: 12,
    recallIntervalSec: 20,
    recallsBeforeNoShow: branch.policy.recallsBeforeNoShow,
    waitCapSec: branch.policy.waitCapSec,
  }
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
          busyServiceMeanSec(o.branch.services.find((x) => x.id === ticket.serviceId)?.standardSec ?? 60),
          BUSY_SERVICE_CV,
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
