import { DEFAULT_POLICY, DEFAULT_RECALL_INTERVAL_SEC, type BranchConfig, type ClockStretch } from '../domain/branch'
import type { BranchCalendar } from '../domain/branchCalendar'
import { counterId, priorityClassId, serviceId, type CounterId } from '../domain/ids'
import type { CounterPlan } from '../estimate/counterAvailability'
import { clockMinutes } from '../util/clockMinutes'
import { mixSeed, sampleExponential, sampleGamma, sampleLognormal, seededRng, type Rng } from './random'
import type { DurationDist, Scenario } from './scenario'
import type { SimArrival, SimCounterPlan, SimModel } from './simulateBranch'
import type { TraceRow } from './trace'

/** A draw from a scenario's duration distribution (seconds). */
export function sampleDuration(dist: DurationDist, rng: Rng): number {
  switch (dist.dist) {
    case 'exp':
      return sampleExponential(rng, dist.meanSec)
    case 'gamma': {
      const shape = 1 / (dist.cv * dist.cv)
      return (sampleGamma(rng, shape) / shape) * dist.meanSec
    }
    case 'lognormal':
      return sampleLognormal(rng, dist.meanSec, dist.cv)
    case 'det':
      return dist.sec
  }
}

/** The mean of a duration distribution (seconds). */
export function durationMean(dist: DurationDist): number {
  return dist.dist === 'det' ? dist.sec : dist.meanSec
}

/** A duration distribution's squared coefficient of variation, as `sampleDuration` draws it. */
export function durationScv(dist: DurationDist): number {
  switch (dist.dist) {
    case 'exp':
      return 1
    case 'gamma':
    case 'lognormal':
      return dist.cv * dist.cv
    case 'det':
      return 0
  }
}

/** The branch configuration a scenario describes (names default to the ids). */
export function scenarioBranch(s: Scenario): BranchConfig {
  return {
    name: { 'zh-CN': s.name ?? '模拟网点', en: s.name ?? 'Simulated branch' },
    services: s.services.map((x) => ({
      id: serviceId(x.id),
      prefix: x.prefix,
      name: x.name ?? { 'zh-CN': x.id, en: x.id },
      targetWaitSec: x.targetWaitSec,
      standardSec: x.standardSec,
      documents: [],
      selfServiceCapable: false,
    })),
    counters: s.counters.map((c, i) => ({ id: counterId(c.id), number: i + 1, services: c.services.map(serviceId) })),
    priorityClasses: (s.priorityClasses ?? []).map((p) => ({
      id: priorityClassId(p.id),
      name: p.name ?? { 'zh-CN': p.id, en: p.id },
      rate: p.rate,
      headStartSec: p.headStartSec ?? 0,
    })),
    policy: {
      ...DEFAULT_POLICY,
      recallsBeforeNoShow: s.recallsBeforeNoShow ?? DEFAULT_POLICY.recallsBeforeNoShow,
      recallIntervalSec: s.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC,
      waitCapSec: s.waitCapSec ?? null,
    },
  }
}

/** The day's clock: when the scenario's branch opens (epoch ms) and how long its doors stay open. */
export interface ScenarioClock {
  readonly date: string
  readonly utcOffsetMin: number
  readonly openAt: number
  /** Seconds from opening to the doors closing (no arrivals after; counters finish the queue). */
  readonly doorsCloseSec: number
}

export function scenarioClock(s: Scenario): ScenarioClock {
  const date = s.date ?? '2026-11-24'
  const utcOffsetMin = s.utcOffsetMin ?? 480
  const openMin = clockMinutes(s.hours.open)
  const openAt = Date.parse(`${date}T00:00:00Z`) + (openMin - utcOffsetMin) * 60_000
  return { date, utcOffsetMin, openAt, doorsCloseSec: (clockMinutes(s.hours.close) - openMin) * 60 }
}

/** Counter staffing in simulator seconds: from its open time (default opening) to its close (default: until the queue is empty). */
export function scenarioCounterPlans(s: Scenario): SimCounterPlan[] {
  const open = clockMinutes(s.hours.open)
  return s.counters.map((c) => ({
    id: counterId(c.id),
    openSec: c.open === undefined ? 0 : (clockMinutes(c.open) - open) * 60,
    closeSec: c.close === undefined ? null : (clockMinutes(c.close) - open) * 60,
    ...(c.staff === undefined ? {} : { staff: c.staff }),
    ...(c.breaks === undefined
      ? {}
      : {
          breaks: c.breaks.map((b) => ({
            atSec: (clockMinutes(b.at) - open) * 60,
            forSec: b.minutes * 60,
            reason: b.reason ?? 'break',
          })),
        }),
  }))
}

/** The same plan as the estimator takes it (epoch ms): the roster the manager knows. */
export function scenarioSchedule(s: Scenario): CounterPlan[] {
  const { openAt } = scenarioClock(s)
  return scenarioCounterPlans(s).map((p) => ({
    counterId: p.id,
    openAt: openAt + p.openSec * 1000,
    closeAt: p.closeSec === null ? null : openAt + p.closeSec * 1000,
  }))
}

/**
 * The scenario's plan as a manager would configure it in branch.json: each counter with an `open`
 * or `close` given gets those planned `hours` (the other end the doors'), the others none; the
 * doors' hours are the calendar's opening on every kind of day (the scenario's day is open,
 * whatever its date). What the product's hour-based rules (`servingEnd`) read. The simulator's
 * counter without `close` serves until the queue is empty: its plan, as entered, is the doors' close.
 *
 * @example
 * scenarioConfigured({ hours: { open: '09:00', close: '17:00' }, counters: [{ id: 'k', services: ['a'], close: '15:00' }], … })
 * //=> { branch: { counters: [{ id: 'k', hours: [{ opens: '09:00', closes: '15:00' }], … }], … }, calendar: { opening: { workingDays: [{ opens: '09:00', closes: '17:00' }], … } } }
 */
export function scenarioConfigured(s: Scenario): { branch: BranchConfig; calendar: BranchCalendar } {
  const branch = scenarioBranch(s)
  const doors: ClockStretch[] = [{ opens: s.hours.open, closes: s.hours.close }]
  const planned = new Map(
    s.counters
      .filter((c) => c.open !== undefined || c.close !== undefined)
      .map((c) => [c.id, [{ opens: c.open ?? s.hours.open, closes: c.close ?? s.hours.close }]]),
  )
  return {
    branch: {
      ...branch,
      counters: branch.counters.map((c) => {
        const hours = planned.get(c.id)
        return hours === undefined ? c : { ...c, hours }
      }),
    },
    calendar: { holidays: [], workingWeekends: [], opening: { workingDays: doors, weekends: doors, holidays: doors } },
  }
}

/** One opening hour of an arrival stream, in seconds from opening: its rate (above zero) and span. */
export interface StreamHour {
  readonly fromSec: number
  readonly untilSec: number
  readonly perHour: number
}

/** The hours in which a stream brings customers (one rate for the day, or one per hour), up to the doors' close. */
export function streamHours(stream: Scenario['arrivals'][number], doorsCloseSec: number): StreamHour[] {
  const out: StreamHour[] = []
  for (let h = 0; h < Math.ceil(doorsCloseSec / 3600); h++) {
    const perHour = Array.isArray(stream.perHour) ? (stream.perHour[h] ?? 0) : stream.perHour
    if (perHour > 0) out.push({ fromSec: h * 3600, untilSec: Math.min(doorsCloseSec, (h + 1) * 3600), perHour })
  }
  return out
}

/**
 * The day's customers: each arrival stream is a Poisson process whose rate is constant within
 * each opening hour (one rate for the day, or one per hour). Each customer's transaction time,
 * whether they leave, and their patience are drawn when they arrive, from the arrival stream's
 * generator — so a what-if run with the same seed and another staffing plan sees the very same
 * customers with the very same needs (common random numbers).
 */
export function scenarioArrivals(
  s: Scenario,
  rng: Rng,
): { arrivals: SimArrival[]; baseServiceSec: number[]; transferServiceSec: number[] } {
  const { doorsCloseSec } = scenarioClock(s)
  const byService = new Map(s.services.map((x) => [x.id, x]))
  const drawn: { a: SimArrival; base: number; then: number; order: number }[] = []
  let order = 0
  for (const stream of s.arrivals) {
    const service = byService.get(stream.service)
    if (service === undefined) continue
    for (const { fromSec, untilSec, perHour } of streamHours(stream, doorsCloseSec)) {
      let t = fromSec
      for (;;) {
        t += sampleExponential(rng, 3600 / perHour)
        if (t >= untilSec) break
        const base = sampleDuration(service.serviceTime, rng)
        const leaves = (s.noShowProbability ?? 0) > 0 && rng.next() < (s.noShowProbability ?? 0)
        const patience = s.patience === undefined ? undefined : sampleDuration(s.patience, rng)
        // drawn only where the scenario has transfers: other scenarios keep their customers
        const sent = sentOn(s, stream.service, rng)
        const then = sent === null ? 0 : sampleDuration(sent.serviceTime, rng)
        const booking = bookedSlot(s, t, doorsCloseSec, rng)
        const a: SimArrival = {
          at: t,
          serviceId: serviceId(stream.service),
          priorityClassId: stream.priority === undefined ? null : priorityClassId(stream.priority),
          serviceSec: null,
          leaves,
          ...(patience === undefined ? {} : { patienceSec: patience }),
          ...(sent === null ? {} : { transferTo: serviceId(sent.id) }),
          ...(booking === null ? {} : { booking }),
        }
        drawn.push({ a, base, then, order: order++ })
      }
    }
  }
  drawn.sort((x, y) => x.a.at - y.a.at || x.order - y.order)
  return {
    arrivals: drawn.map((d) => d.a),
    baseServiceSec: drawn.map((d) => d.base),
    transferServiceSec: drawn.map((d) => d.then),
  }
}

/**
 * A customer arriving at `t` who booked (`bookings`): their slot is the first boundary after they
 * arrive, within the day. Drawn only where the scenario has bookings: other scenarios keep their
 * customers.
 */
function bookedSlot(
  s: Scenario,
  t: number,
  doorsCloseSec: number,
  rng: Rng,
): { readonly slotSec: number; readonly graceSec: number } | null {
  if (s.bookings === undefined || rng.next() >= s.bookings.share) return null
  const slot = s.bookings.slotMinutes * 60
  const slotSec = Math.ceil(t / slot) * slot
  return slotSec >= doorsCloseSec ? null : { slotSec, graceSec: s.bookings.graceSec }
}

/** The service a customer of `from` is sent on to after their transaction, if any (`transfers`). */
function sentOn(s: Scenario, from: string, rng: Rng): Scenario['services'][number] | null {
  const ways = (s.transfers ?? []).filter((t) => t.from === from)
  if (ways.length === 0) return null
  let u = rng.next()
  for (const t of ways) {
    if ((u -= t.share) < 0) return s.services.find((x) => x.id === t.to) ?? null
  }
  return null
}

/** Arrivals replayed from a trace: its times, services, classes and transaction durations. */
export function traceArrivals(rows: readonly TraceRow[]): { arrivals: SimArrival[]; baseServiceSec: number[] } {
  const sorted = [...rows].sort((a, b) => a.atSec - b.atSec)
  return {
    arrivals: sorted.map((r) => ({
      at: r.atSec,
      serviceId: serviceId(r.service),
      priorityClassId: r.priority === null ? null : priorityClassId(r.priority),
      serviceSec: null,
      leaves: r.noShow,
      ...(r.patienceSec === null ? {} : { patienceSec: r.patienceSec }),
    })),
    baseServiceSec: sorted.map((r) => r.durationSec),
  }
}

/**
 * The simulator model of a scenario (or of a trace with the scenario's counters). Transaction
 * times are each customer's drawn (or recorded) time divided by the counter's speed.
 *
 * @example
 * const { model } = scenarioSimModel(scenario, 7)
 * simulateBranch(model, seededRng(8))
 */
export function scenarioSimModel(
  s: Scenario,
  seed: number,
  trace: readonly TraceRow[] | null = null,
): { model: SimModel; baseServiceSec: readonly number[]; clock: ScenarioClock } {
  const clock = scenarioClock(s)
  const branch = scenarioBranch(s)
  const { arrivals, baseServiceSec, transferServiceSec } =
    trace === null
      ? scenarioArrivals(s, seededRng(mixSeed(seed)))
      : { ...traceArrivals(trace), transferServiceSec: [] as number[] }
  const speed = new Map<CounterId, number>(s.counters.map((c) => [counterId(c.id), c.speed ?? 1]))
  const model: SimModel = {
    branch,
    openAt: clock.openAt,
    date: clock.date,
    arrivals,
    counters: scenarioCounterPlans(s),
    // a customer sent on is at their second counter: the transaction drawn for the other service
    serviceTime: (ticket, counter) =>
      ((ticket.transfers > 0 ? transferServiceSec[ticket.seq - 1] : baseServiceSec[ticket.seq - 1]) ?? 60) /
      (speed.get(counter) ?? 1),
    walkSec: s.walkSec ?? 0,
    recallIntervalSec: s.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC,
  }
  return { model, baseServiceSec, clock }
}
