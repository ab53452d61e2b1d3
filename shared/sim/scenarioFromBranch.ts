import type { UsualPattern } from '../delays/usualPattern'
import { usuallyStaffed } from '../estimate/plannedHours'
import { isNoShow } from '../queue/noShow'
import type { BranchConfig, ClockStretch, CounterConfig, PriorityClassConfig, ServiceConfig } from '../domain/branch'
import { doneServiceId, type Ticket } from '../queue/ticket'
import { startOfLocalDay } from '../domain/localTime'
import { assertNever } from '../util/assertNever'
import { clockMinutes } from '../util/clockMinutes'
import type {
  DurationDist,
  Scenario,
  ScenarioArrival,
  ScenarioCounter,
  ScenarioPriorityClass,
  ScenarioService,
} from './scenario'

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
  /**
   * Today's opening hours from the branch's calendar (`openingOn`); null (or absent) when the
   * calendar gives none, or gives the day none (closed): then a usual 09:00–17:00 day, stretched
   * to the hours tickets were taken.
   */
  readonly opening?: readonly ClockStretch[] | null
  /**
   * The branch's usual day of today's kind, learned from its recent days (`learnUsualPattern`);
   * null (or absent) when it has none yet. Where today's arrivals say nothing yet, the scenario
   * starts from it: its arrivals by hour and the hours its counters are usually staffed.
   */
  readonly usual?: UsualPattern | null
}

/** Where a scenario's arrivals and roster come from (`arrivalsSource`), as the screen says it. */
export type ArrivalsSource = 'today' | 'usualDay' | 'placeholder'

/** A usual branch day, used where today says nothing yet. */
const DEFAULT_OPEN = 9
const DEFAULT_CLOSE = 17
/** Arrivals per hour per service when nobody has come yet and the branch has no usual day: a starting point to edit. */
export const DEFAULT_RATE = 6
/** Transactions vary: a lognormal with this coefficient of variation unless today shows better. */
const DEFAULT_CV = 0.8
/** Today's arrivals say something once this much of the opening hours has passed (a quarter of an hour). */
const MEANINGFUL_MS = 15 * 60_000
/** The latest a scenario's day may close: its clock is "HH:MM" up to 23:59. */
const LAST_MINUTE = 23 * 60 + 59
/** Fewer transactions than this say too little about a service's mean. */
const MIN_SAMPLES = 5
const DEFAULT_WALK_SEC = 15

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits

/** Today's opening hours as minutes of the day: from the calendar, else a usual day stretched to the tickets. */
function dayHours(input: TodaySoFar): { open: number; close: number } {
  const opening = input.opening ?? []
  if (opening.length > 0) {
    return {
      open: Math.min(...opening.map((o) => clockMinutes(o.opens))),
      close: Math.min(LAST_MINUTE, Math.max(...opening.map((o) => clockMinutes(o.closes)))),
    }
  }
  const minuteOf = (at: number): number =>
    Math.floor(((at - startOfLocalDay(input.date, input.utcOffsetMinutes)) / 60_000) % 1440)
  const issued = input.tickets.map((t) => Math.floor(minuteOf(t.issuedAt) / 60) * 60)
  return {
    open: Math.min(DEFAULT_OPEN * 60, ...issued),
    close: Math.min(23 * 60, Math.max(DEFAULT_CLOSE * 60, ...issued.map((m) => m + 60))),
  }
}

/**
 * Whether today's tickets say anything yet about the day's arrivals: a quarter of an hour of
 * the opening hours has passed. Before that (before the doors open, or just after) a handful of
 * early tickets would be extrapolated to a whole day, and the scenario starts from a usual rate
 * instead; the screen says so.
 *
 * @example
 * todaysArrivalsMeaningful({ …, now: at0407, opening: [{ opens: '09:00', closes: '17:00' }] }) //=> false
 */
export function todaysArrivalsMeaningful(input: TodaySoFar): boolean {
  const midnight = startOfLocalDay(input.date, input.utcOffsetMinutes)
  return input.tickets.length > 0 && input.now - (midnight + dayHours(input).open * 60_000) >= MEANINGFUL_MS
}

/**
 * Where today's scenario takes its arrivals from: today's tickets once they say something
 * (`todaysArrivalsMeaningful`), else the branch's usual day when it has learned one (days > 0),
 * else a placeholder rate per service (`DEFAULT_RATE`) the screen asks the manager to change.
 *
 * @example
 * arrivalsSource({ …, now: at0752, usual: learnedMonth }) //=> 'usualDay'
 * arrivalsSource({ …, now: at0752, usual: null }) //=> 'placeholder'
 */
export function arrivalsSource(input: TodaySoFar): ArrivalsSource {
  if (todaysArrivalsMeaningful(input)) return 'today'
  return usualArrivals(input.usual ?? null, 0, 24).length > 0 ? 'usualDay' : 'placeholder'
}

/**
 * A what-if scenario (`docs/simulator.md`) of today: the branch's services, standards, priority
 * classes, counters and wait cap as configured, and today's demand — arrivals per service and
 * class for each hour so far, the current hour's rate extrapolated, and the hours still to come
 * at the mean rate of the hours already past — with today's mean transaction time per service,
 * share of no-shows and walk to the counter. The day's hours are today's opening hours from the
 * calendar (`opening`), and each counter works its roster's hours (all day without one): the
 * manager edits the scenario to ask "what if". Before a quarter of an hour of the day has passed
 * (`todaysArrivalsMeaningful`), it starts from the branch's usual day of today's kind (`usual`:
 * its arrivals by hour and stream, each counter worked the hours it usually is), not from the few
 * tickets taken so far; a branch with no usual day yet starts every service at `DEFAULT_RATE`.
 *
 * @example
 * scenarioFromBranch({ branch, utcOffsetMinutes: 480, date: '2026-11-24', now, tickets, name: 'today', opening })
 * //=> { name: 'today', hours: { open: '09:00', close: '17:00' }, arrivals: [{ service: 'personal', perHour: [30, 42, …] }], … }
 */
export function scenarioFromBranch(input: TodaySoFar): Scenario {
  const { branch, tickets, utcOffsetMinutes: offset } = input
  const { open, close } = dayHours(input)
  const openAt = startOfLocalDay(input.date, offset) + open * 60_000
  const source = arrivalsSource(input)
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
    arrivals: arrivalsOf(input, source, openAt, open, close),
    counters: countersOf(input, source, open, close),
    noShowProbability: round(tickets.length === 0 ? 0 : tickets.filter(isNoShow).length / tickets.length, 2),
    walkSec: Math.round(meanWalkSec(tickets) ?? DEFAULT_WALK_SEC),
    recallsBeforeNoShow: branch.policy.recallsBeforeNoShow,
    ...(branch.policy.recallIntervalSec === undefined ? {} : { recallIntervalSec: branch.policy.recallIntervalSec }),
    waitCapSec: branch.policy.waitCapSec,
  }
}

function arrivalsOf(
  input: TodaySoFar,
  source: ArrivalsSource,
  openAt: number,
  open: number,
  close: number,
): ScenarioArrival[] {
  const hours = Math.ceil((close - open) / 60)
  switch (source) {
    case 'today':
      return arrivalStreams(input.tickets, openAt, hours, input.now)
    case 'usualDay':
      return usualArrivals(input.usual ?? null, Math.floor(open / 60), hours)
    case 'placeholder':
      return input.branch.services.map((s) => ({ service: s.id, perHour: DEFAULT_RATE }))
    default:
      return assertNever(source, 'arrivals source')
  }
}

/**
 * The usual day's arrival streams over the day's `hours` opening hours from local hour `first`
 * (customers an hour, to a tenth); none when there is no usual day or nobody usually comes.
 */
function usualArrivals(usual: UsualPattern | null, first: number, hours: number): ScenarioArrival[] {
  if (usual === null || usual.days <= 0) return []
  const keys = new Set(usual.hours.flatMap((h) => Object.keys(h.arrivals)))
  const streams: ScenarioArrival[] = []
  for (const key of [...keys].sort()) {
    const [service = '', priority = ''] = key.split('|')
    const perHour = Array.from({ length: Math.max(1, hours) }, (_, i) =>
      round(usual.hours[first + i]?.arrivals[key] ?? 0, 1),
    )
    if (perHour.every((r) => r === 0)) continue
    streams.push(priority === '' ? { service, perHour } : { service, priority, perHour })
  }
  return streams
}

/**
 * The counters of the day: on today's tickets or the placeholder, each as configured (its
 * roster's hours, all day without one); from the usual day, each worked the hours it usually is
 * (`usuallyStaffed`), and one usually not worked at all left out, unless none is worked.
 */
function countersOf(input: TodaySoFar, source: ArrivalsSource, open: number, close: number): ScenarioCounter[] {
  const configured = input.branch.counters.map((c) => scenarioCounter(c, open, close))
  const usual = input.usual ?? null
  if (source !== 'usualDay' || usual === null) return configured
  const worked: ScenarioCounter[] = []
  for (const c of input.branch.counters) {
    const staffed: number[] = []
    for (let h = Math.floor(open / 60); h * 60 < close; h++) if (usuallyStaffed(usual, c.id, h)) staffed.push(h)
    const firstHour = staffed[0]
    const lastHour = staffed[staffed.length - 1]
    if (firstHour === undefined || lastHour === undefined) continue
    const from = Math.max(open, firstHour * 60)
    const to = Math.min(close, (lastHour + 1) * 60)
    worked.push({
      id: c.id,
      services: [...c.services],
      ...(from > open ? { open: hhmm(from) } : {}),
      ...(to < close ? { close: hhmm(to) } : {}),
    })
  }
  return worked.length === 0 ? configured : worked
}

/**
 * A configured counter as a scenario's: open from its roster's first `opens` to its last `closes`
 * within the day's hours, or all day when it has no roster (or none inside the day).
 */
function scenarioCounter(c: CounterConfig, open: number, close: number): ScenarioCounter {
  const counter = { id: c.id, services: [...c.services] }
  const hours = c.hours ?? []
  if (hours.length === 0) return counter
  const from = Math.max(open, Math.min(...hours.map((h) => clockMinutes(h.opens))))
  const to = Math.min(close, Math.max(...hours.map((h) => clockMinutes(h.closes))))
  if (from >= to) return counter
  return {
    ...counter,
    ...(from > open ? { open: hhmm(from) } : {}),
    ...(to < close ? { close: hhmm(to) } : {}),
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

/**
 * One stream per service and class seen today, with a rate for every opening hour (counted from
 * the day's opening; a ticket taken before the doors opened counts in the first hour).
 */
function arrivalStreams(tickets: readonly Ticket[], openAt: number, hours: number, now: number): ScenarioArrival[] {
  const hourIndex = (at: number): number => Math.min(hours - 1, Math.max(0, Math.floor((at - openAt) / 3_600_000)))
  const elapsed = (now - openAt) / 3_600_000
  const nowIndex = Math.floor(elapsed)
  const minuteShare = elapsed - nowIndex
  const streams = new Map<string, { service: string; priority: string | null; counts: number[] }>()
  for (const t of tickets) {
    const key = `${t.serviceId}\u0000${t.priorityClassId ?? ''}`
    const stream = streams.get(key) ?? {
      service: t.serviceId,
      priority: t.priorityClassId,
      counts: Array.from({ length: hours }, () => 0),
    }
    const i = hourIndex(t.issuedAt)
    stream.counts[i] = (stream.counts[i] ?? 0) + 1
    streams.set(key, stream)
  }
  return [...streams.values()].map((s) => {
    const past = s.counts.slice(0, Math.max(0, nowIndex))
    const current = s.counts[nowIndex]
    // The hour under way counts as a rate once a quarter of it has passed; before that it is noise.
    const currentRate = current !== undefined && minuteShare >= 0.25 ? current / minuteShare : null
    const known = currentRate === null ? past : [...past, currentRate]
    const mean = known.length === 0 ? (current ?? 0) : known.reduce((a, b) => a + b, 0) / known.length
    const perHour = s.counts.map((c, i) => {
      if (i < nowIndex) return c
      if (i === nowIndex) return round(currentRate ?? mean, 1)
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
