import { isNoShow } from '../queue/noShow'
import type { BranchConfig, PriorityClassConfig, ServiceConfig } from '../domain/branch'
import { doneServiceId, type Ticket } from '../queue/ticket'
import { localHour } from '../domain/localTime'
import type { DurationDist, Scenario, ScenarioArrival, ScenarioPriorityClass, ScenarioService } from './scenario'

/** What the scenario is built from: the branch's configuration and today's tickets so far. */
export interface TodaySoFar {
  readonly branch: BranchConfig
  readonly utcOffsetMinutes: number
  /** Today's date and the hub's time now. */
  readonly date: string
  readonly now: number
  /** Today's tickets, open and finished. */
  readonly tickets: readonly Ticket[]
  readonly name: string
}

/** A usual branch day, used where today says nothing yet. */
const DEFAULT_OPEN = 9
const DEFAULT_CLOSE = 17
/** Arrivals per hour per service when nobody has come yet: a starting point to edit. */
const DEFAULT_RATE = 6
/** Transactions vary: a lognormal with this coefficient of variation unless today shows better. */
const DEFAULT_CV = 0.8
/** Fewer transactions than this say too little about a service's mean. */
const MIN_SAMPLES = 5
const DEFAULT_WALK_SEC = 15

const hhmm = (h: number): string => `${String(h).padStart(2, '0')}:00`
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

/**
 * A what-if scenario (`docs/simulator.md`) of today: the branch's services, standards, priority
 * classes, counters and wait cap as configured, and today's demand — arrivals per service and
 * class for each hour so far, the current hour's rate extrapolated, and the hours still to come
 * at the mean rate of the hours already past — with today's mean transaction time per service,
 * share of no-shows and walk to the counter. Every counter is open all day: the manager edits
 * the scenario to ask "what if".
 *
 * @example
 * scenarioFromBranch({ branch, utcOffsetMinutes: 480, date: '2026-11-24', now, tickets, name: 'today' })
 * //=> { name: 'today', hours: { open: '09:00', close: '17:00' }, arrivals: [{ service: 'personal', perHour: [30, 42, …] }], … }
 */
export function scenarioFromBranch(input: TodaySoFar): Scenario {
  const { branch, tickets, utcOffsetMinutes: offset } = input
  const hourOf = (at: number): number => localHour(at, offset)
  const issuedHours = tickets.map((t) => hourOf(t.issuedAt))
  const open = issuedHours.length === 0 ? DEFAULT_OPEN : Math.min(DEFAULT_OPEN, ...issuedHours)
  const close = Math.min(23, Math.max(DEFAULT_CLOSE, ...issuedHours.map((h) => h + 1)))
  const nowHour = hourOf(input.now)
  const minuteShare = ((input.now + offset * 60_000) % 3_600_000) / 3_600_000
  return {
    name: input.name,
    date: input.date,
    utcOffsetMin: offset,
    hours: { open: hhmm(open), close: hhmm(close) },
    services: branch.services.map((s) =>
      scenarioService(s, {
        dist: 'lognormal',
        meanSec: meanTransactionSec(tickets, s.id) ?? s.standardSec,
        cv: DEFAULT_CV,
      }),
    ),
    priorityClasses: branch.priorityClasses.map(scenarioClass),
    arrivals:
      tickets.length === 0
        ? branch.services.map((s) => ({ service: s.id, perHour: DEFAULT_RATE }))
        : arrivalStreams(tickets, hourOf, open, close, nowHour, minuteShare),
    counters: branch.counters.map((c) => ({ id: c.id, services: [...c.services] })),
    noShowProbability: round(tickets.length === 0 ? 0 : tickets.filter(isNoShow).length / tickets.length, 2),
    walkSec: Math.round(meanWalkSec(tickets) ?? DEFAULT_WALK_SEC),
    recallsBeforeNoShow: branch.policy.recallsBeforeNoShow,
    ...(branch.policy.recallIntervalSec === undefined ? {} : { recallIntervalSec: branch.policy.recallIntervalSec }),
    waitCapSec: branch.policy.waitCapSec,
  }
}

/** A configured service as a scenario's, its transaction times drawn from `serviceTime`. */
export function scenarioService(s: ServiceConfig, serviceTime: DurationDist): ScenarioService {
  return {
    id: s.id,
    prefix: s.prefix,
    name: { 'zh-CN': s.name['zh-CN'], en: s.name.en },
    targetWaitSec: s.targetWaitSec,
    standardSec: s.standardSec,
    serviceTime,
  }
}

/** A configured priority class as a scenario's. */
export function scenarioClass(p: PriorityClassConfig): ScenarioPriorityClass {
  return { id: p.id, name: { 'zh-CN': p.name['zh-CN'], en: p.name.en }, rate: p.rate, headStartSec: p.headStartSec }
}

/** One stream per service and class seen today, with a rate for every opening hour. */
function arrivalStreams(
  tickets: readonly Ticket[],
  hourOf: (at: number) => number,
  open: number,
  close: number,
  nowHour: number,
  minuteShare: number,
): ScenarioArrival[] {
  const streams = new Map<string, { service: string; priority: string | null; counts: number[] }>()
  for (const t of tickets) {
    const key = `${t.serviceId}\u0000${t.priorityClassId ?? ''}`
    const stream = streams.get(key) ?? {
      service: t.serviceId,
      priority: t.priorityClassId,
      counts: Array.from({ length: close - open }, () => 0),
    }
    const i = hourOf(t.issuedAt) - open
    if (i >= 0 && i < stream.counts.length) stream.counts[i] = (stream.counts[i] ?? 0) + 1
    streams.set(key, stream)
  }
  return [...streams.values()].map((s) => {
    const past = s.counts.slice(0, Math.max(0, nowHour - open))
    const current = s.counts[nowHour - open]
    // The hour under way counts as a rate once a quarter of it has passed; before that it is noise.
    const currentRate = current !== undefined && minuteShare >= 0.25 ? current / minuteShare : null
    const known = currentRate === null ? past : [...past, currentRate]
    const mean = known.length === 0 ? (current ?? 0) : known.reduce((a, b) => a + b, 0) / known.length
    const perHour = s.counts.map((c, i) => {
      const h = open + i
      if (h < nowHour) return c
      if (h === nowHour) return round(currentRate ?? mean, 1)
      return round(mean, 1)
    })
    return s.priority === null ? { service: s.service, perHour } : { service: s.service, priority: s.priority, perHour }
  })
}

/** Today's mean time at the counter of a service's customers (arrival → leaving), if enough were served. */
function meanTransactionSec(tickets: readonly Ticket[], serviceId: string): number | null {
  const durations: number[] = []
  for (const t of tickets) {
    // A customer's whole time at the counter (every transaction of the visit) is what a simulated
    // customer of this service takes; filed under the first transaction's service, as done.
    for (const v of t.visits) {
      const first = v.transactions[0]
      if (first === undefined || doneServiceId(first) !== serviceId) continue
      if (v.outcome !== 'served' || v.startedAt === null || v.endedAt === null) continue
      durations.push((v.endedAt - v.startedAt) / 1000)
    }
  }
  if (durations.length < MIN_SAMPLES) return null
  return Math.max(1, Math.round(durations.reduce((a, b) => a + b, 0) / durations.length))
}

/** Today's mean time from the (last) call to the customer at the counter. */
function meanWalkSec(tickets: readonly Ticket[]): number | null {
  const walks: number[] = []
  for (const t of tickets) {
    for (const v of t.visits) if (v.startedAt !== null) walks.push(Math.max(0, (v.startedAt - v.lastCalledAt) / 1000))
  }
  return walks.length < MIN_SAMPLES ? null : walks.reduce((a, b) => a + b, 0) / walks.length
}
