import { mixSeed, seededRng, type Rng } from './random'
import type { DurationDist, Scenario, ScenarioArrival, ScenarioCounter } from './scenario'
import { tellerBreaks } from './tellerBreaks'

/**
 * Random branch days nobody designed, for measuring the estimator where it was not tuned
 * (`bench/randomDays.bench.ts`, the calibration tests). Each seed gives one scenario:
 *
 * - 1–6 services, each with its own transaction-time family — fixed, gamma or lognormal, the
 *   coefficient of variation 0.1–2.5 — and a configured standard that may be far from the truth
 *   (a third of the time the one-minute standard, whatever the service really takes);
 * - 2–10 counters (at least one per service), each serving 1–3 services in its own order of preference, a few on shifts
 *   that open late or close early (every service keeps one counter all day), tellers ±40 % speed;
 * - arrivals with a morning ramp, a lunch bump and a surge hour or two, the day's load 60–97 % of
 *   what the counters can do; 0–2 priority classes; 0–40 % of customers who give up
 *   (exponential patience) and a few who never come back; walking time 0–60 s.
 *
 * With `breaks`, every teller also pauses during the day (`tellerBreaks`: a meal break in a long
 * shift, sometimes a short break, cash count or meeting), told to the estimator only as the
 * counter pauses; the customers are fewer by the time the breaks take. Drawn from a stream of its
 * own: the same seed's day is otherwise the same with and without them.
 *
 * Deterministic for a seed; the same seed always gives the same day.
 *
 * @example
 * randomBranchDay(7).services.length //=> between 1 and 6
 */
/** About the most customers a generated day has (more counters get longer transactions). */
const MAX_CUSTOMERS = 700

export function randomBranchDay(seed: number, o: { readonly breaks?: boolean } = {}): Scenario {
  const rng = seededRng(mixSeed(seed * 7919 + 13))
  const breakRng = seededRng(mixSeed(seed * 7919 + 101))
  const u = (a: number, b: number): number => a + (b - a) * rng.next()
  const int = (a: number, b: number): number => Math.floor(u(a, b + 1))

  const nServices = int(1, 6)
  const openHour = int(8, 10)
  const hours = int(6, 9)
  const nCounters = Math.max(nServices, int(2, 10))
  const services: {
    id: string
    prefix: string
    targetWaitSec: number
    standardSec: number
    serviceTime: DurationDist
  }[] = Array.from({ length: nServices }, (_, i) => {
    const meanSec = Math.round(Math.exp(u(Math.log(45), Math.log(900))))
    const serviceTime = transactionTime(rng, meanSec)
    const standardSec = rng.next() < 1 / 3 ? 60 : Math.max(30, Math.round(meanSec * Math.exp(u(-0.7, 0.7))))
    return {
      id: `s${i + 1}`,
      prefix: String.fromCharCode(65 + i),
      targetWaitSec: 600 + 300 * int(0, 3),
      standardSec,
      serviceTime,
    }
  })

  const counters: ScenarioCounter[] = Array.from({ length: nCounters }, (_, i) => {
    const own = i < nServices ? i : int(0, nServices - 1)
    const others = shuffle(
      rng,
      services.map((_, j) => j).filter((j) => j !== own),
    ).slice(0, int(0, Math.min(2, nServices - 1)))
    const speed = Math.round(u(0.6, 1.4) * 100) / 100
    const c: ScenarioCounter = {
      id: `c${i + 1}`,
      services: [own, ...others].map((j) => `s${j + 1}`),
      ...(speed === 1 ? {} : { speed }),
    }
    // The first counter of each service stays all day; others may work a shift.
    if (i >= nServices && rng.next() < 0.4) {
      const late = rng.next() < 0.5
      const from = late ? int(1, Math.max(1, hours - 3)) : 0
      const to = late ? hours : int(Math.min(hours - 1, 3), hours - 1)
      return {
        ...c,
        ...(from > 0 ? { open: clock(openHour + from) } : {}),
        ...(to < hours ? { close: clock(openHour + to) } : {}),
      }
    }
    return c
  })

  // Capacity per hour (services shared by preference: each counter's work split over its services).
  const meanOf = (d: DurationDist): number => (d.dist === 'det' ? d.sec : d.meanSec)
  const load = u(0.6, 0.97)
  // Each counter's time split evenly over its services gives each service its own capacity; the
  // day's customers use `load` of it (hour by hour the profile and surges take some hours above).
  const workSec = services.map(() => 0)
  // With breaks, the share of each service's counter time the tellers are there for.
  const awaySec = services.map(() => 0)
  for (const [i, c] of counters.entries()) {
    const from = c.open === undefined ? openHour : Number(c.open.slice(0, 2))
    const to = c.close === undefined ? openHour + hours : Number(c.close.slice(0, 2))
    const sec = (to - from) * 3600 * (c.speed ?? 1)
    const breaks = o.breaks === true ? tellerBreaks(breakRng, from, to) : []
    if (breaks.length > 0) counters[i] = { ...c, breaks }
    const away = breaks.reduce((a, b) => a + b.minutes * 60, 0) * (c.speed ?? 1)
    for (const id of c.services) {
      const j = Number(id.slice(1)) - 1
      workSec[j] = (workSec[j] as number) + sec / c.services.length
      awaySec[j] = (awaySec[j] as number) + away / c.services.length
    }
  }
  const perDayOf = services.map((s, j) => ((workSec[j] as number) * load * u(0.75, 1)) / meanOf(s.serviceTime))
  // A branch sees a few hundred customers a day: a busy one has longer transactions instead.
  const slower = Math.max(1, perDayOf.reduce((a, b) => a + b, 0) / MAX_CUSTOMERS)
  if (slower > 1) services.forEach((s) => (s.serviceTime = scaled(s.serviceTime, slower)))
  // The same day otherwise: the same transactions, and as many fewer customers as the breaks take.
  const present = services.map((_, j) => 1 - (awaySec[j] as number) / Math.max(1, workSec[j] as number))
  const profile = dayProfile(rng, hours)

  const priorityClasses = Array.from({ length: int(0, 2) }, (_, i) => ({
    id: i === 0 ? 'vip' : 'care',
    rate: int(2, 5),
    headStartSec: 30 * int(0, 6),
  }))
  const arrivals: ScenarioArrival[] = []
  services.forEach((s, i) => {
    const perDay = ((perDayOf[i] as number) * (present[i] as number)) / slower
    const classShare = priorityClasses.map(() => u(0.05, 0.15))
    const ordinary = 1 - classShare.reduce((a, b) => a + b, 0)
    const rates = (w: number): number[] => profile.map((p) => Math.round(((perDay * w * p) / hours) * 100) / 100)
    arrivals.push({ service: s.id, perHour: rates(ordinary) })
    priorityClasses.forEach((p, j) =>
      arrivals.push({ service: s.id, priority: p.id, perHour: rates(classShare[j] as number) }),
    )
  })

  const abandon = rng.next() < 0.25 ? 0 : u(0.02, 0.4)
  // P(leave) ≈ w / (w + m) for exponential waits of mean w and patience of mean m.
  const typicalWait = 600
  const patience: DurationDist | undefined =
    abandon === 0 ? undefined : { dist: 'exp', meanSec: Math.round((typicalWait * (1 - abandon)) / abandon) }

  return {
    name: `random day ${seed}`,
    description: `${nServices} services, ${nCounters} counters, load ${Math.round(load * 100)} %, abandonment about ${Math.round(abandon * 100)} %`,
    hours: { open: clock(openHour), close: clock(openHour + hours) },
    services,
    ...(priorityClasses.length > 0 ? { priorityClasses } : {}),
    arrivals,
    counters,
    noShowProbability: rng.next() < 0.5 ? 0 : Math.round(u(0, 0.05) * 1000) / 1000,
    ...(patience === undefined ? {} : { patience }),
    walkSec: Math.round(u(0, 60)),
  }
}

function scaled(d: DurationDist, f: number): DurationDist {
  return d.dist === 'det' ? { ...d, sec: Math.round(d.sec * f) } : { ...d, meanSec: Math.round(d.meanSec * f) }
}

function transactionTime(rng: Rng, meanSec: number): DurationDist {
  const family = Math.floor(rng.next() * 3)
  const cv = Math.round((0.1 + 2.4 * rng.next() ** 1.5) * 100) / 100
  if (family === 0) return { dist: 'det', sec: meanSec }
  return family === 1 ? { dist: 'gamma', meanSec, cv } : { dist: 'lognormal', meanSec, cv }
}

/** Hour weights of a day (mean 1): a ramp, a bump at midday, a surge hour or two. */
function dayProfile(rng: Rng, hours: number): number[] {
  const w = Array.from({ length: hours }, (_, h) => {
    const ramp = h === 0 ? 0.6 + 0.4 * rng.next() : 1
    const mid = Math.abs(h + 0.5 - hours / 2) < 1.5 ? 1 + 0.5 * rng.next() : 1
    return ramp * mid * (0.8 + 0.4 * rng.next())
  })
  for (let i = 0, surges = Math.floor(rng.next() * 3); i < surges; i++) {
    const h = Math.floor(rng.next() * hours)
    w[h] = (w[h] as number) * (1.5 + rng.next())
  }
  const mean = w.reduce((a, b) => a + b, 0) / hours
  return w.map((x) => x / mean)
}

function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[xs[i], xs[j]] = [xs[j] as T, xs[i] as T]
  }
  return xs
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`
}
