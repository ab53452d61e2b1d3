import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId } from '../domain/ids'
import { localSecondOfDay, streamKey, usualHourAt, type UsualPattern } from '../delays/usualPattern'
import type { ArrivalRate } from './counterAvailability'

/** A customer who took a ticket: all the arrival-rate estimate needs. */
export interface IssuedTicket {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly issuedAt: number
}

/** Today's rate is taken as at most this multiple (or at least its inverse) of the usual one. */
const MAX_SURGE = 1.75
/**
 * A surge fades: its log-factor decays with this time constant over the horizon (seconds). A
 * rush seen in the last half hour is a rush for the next minutes, less so an hour later. Taken
 * whole for four hours, it made the projection starve a low-preference service behind newcomers
 * who never came, and over-promise its waits by two to three times after the rush (generated
 * days 2019, 2020, 2033). One hour was chosen on tuning seeds (2001–2040) over half an hour and
 * none; see docs/estimation.md.
 */
const SURGE_FADE_SEC = 3600

/** Without history, the horizon in pieces (seconds from now; null: on and on). */
const NO_HISTORY_PIECES: readonly (readonly [number, number | null])[] = [
  [0, 1800],
  [1800, 5400],
  [5400, null],
]

/**
 * The surge factor `surge` as it applies `aheadSec` from now: surge^(e^(−ahead/1 h)).
 *
 * @example
 * fadedSurge(1.75, 0) //=> 1.75
 * fadedSurge(1.75, 3600) //=> 1.23 (1.75^0.37)
 */
export function fadedSurge(surge: number, aheadSec: number): number {
  return Math.exp(Math.log(surge) * Math.exp(-Math.max(0, aheadSec) / SURGE_FADE_SEC))
}

export interface ArrivalRateOptions {
  /** Recent arrivals counted over this window (seconds, default 30 minutes). */
  readonly windowSec: number
  /** The usual rate for the hour weighs as much as this many seconds of observation (default an hour). */
  readonly usualWeightSec: number
  /** When the day opened (epoch ms): the window never reaches back before it. */
  readonly openedAt: number | null
  /** Hours ahead given their own usual rate (default 4; the last one runs on). */
  readonly hoursAhead: number
}

/**
 * The arrival rates to expect from now on, per service and class, hour by hour: the usual rates
 * for this hour and the next ones (from recent days), scaled by today's surge — how many
 * customers of the service the last half hour brought against the usual number, as a
 * Gamma–Poisson posterior with the usual hour worth an hour of observation (so a surge shows
 * within minutes, a few extra customers do not swing it, and a quiet spell does not zero it),
 * within ×1/1.75…×1.75, fading over the horizon (`fadedSurge`, each hour at its midpoint). With
 * no usual pattern, today's average scaled the same way: the next half hour, the hour after, and on;
 * before the first window has filled, each service's own window rate, its premier classes' shares
 * shrunk towards none (`earlyRates`); nothing in the first five minutes.
 *
 * @example
 * // usually 30/h now and 60/h from noon; 25 in the last 30 minutes
 * expectedArrivals(branch, usual, issued, at1130)
 * //=> [{ …, perHour: 40, from: 11:30, until: 12:00 }, { …, perHour: 80, from: 12:00, until: 13:00 }, …]
 */
export function expectedArrivals(
  branch: BranchConfig,
  usual: UsualPattern | null,
  issued: readonly IssuedTicket[],
  now: number,
  options: Partial<ArrivalRateOptions> = {},
): ArrivalRate[] {
  const windowSec = options.windowSec ?? 1800
  const weight = options.usualWeightSec ?? 3600
  const hoursAhead = Math.max(1, options.hoursAhead ?? 4)
  const from = Math.max(now - windowSec * 1000, options.openedAt ?? Number.NEGATIVE_INFINITY)
  const observedSec = (now - from) / 1000
  const counts = new Map<string, number>()
  for (const t of issued) {
    if (t.issuedAt <= from || t.issuedAt > now) continue
    const k = streamKey(t.serviceId, t.priorityClassId)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const hour = usual === null ? undefined : usualHourAt(usual, now)
  const out: ArrivalRate[] = []
  const classes = [null, ...branch.priorityClasses.map((p) => p.id)]
  const openedAt = options.openedAt ?? null
  const daySec = openedAt === null ? 0 : (now - openedAt) / 1000
  if (hour === undefined && daySec <= observedSec + 60) {
    // no history, and the window not filled yet (or the opening unknown)
    return observedSec < 300 ? out : earlyRates(branch, classes, counts, observedSec, windowSec)
  }
  for (const s of branch.services) {
    if (usual === null || hour === undefined) {
      out.push(...withoutHistory(s.id, classes, issued, now, from, observedSec, openedAt ?? now, weight))
      continue
    }
    // Today's surge is measured on the whole service (a handful of premier customers in half an
    // hour says little about premier customers, more about the day) and applied to each class.
    let seenAll = 0
    let usualAll = 0
    for (const cls of classes) {
      seenAll += counts.get(streamKey(s.id, cls)) ?? 0
      usualAll += hour.arrivals[streamKey(s.id, cls)] ?? 0
    }
    const expectedAll = (usualAll * observedSec) / 3600
    const surge =
      usualAll > 0
        ? Math.min(
            MAX_SURGE,
            Math.max(
              1 / MAX_SURGE,
              (seenAll + (usualAll * weight) / 3600) / (expectedAll + (usualAll * weight) / 3600),
            ),
          )
        : 1
    const evidence = seenAll + (usualAll * weight) / 3600
    // the rest of this hour, then whole hours
    const hourEnd = now + (3600 - (localSecondOfDay(now, usual.utcOffsetMin) % 3600)) * 1000
    for (const cls of classes) {
      const k = streamKey(s.id, cls)
      const push = (rate: number, a: number, b: number | null): void => {
        if (rate > 0) {
          out.push({
            serviceId: s.id,
            priorityClassId: cls,
            perHour: rate,
            from: a,
            until: b,
            evidence: Math.max(1, evidence),
          })
        }
      }
      const usualNow = hour.arrivals[k] ?? 0
      // a class today's usual never sees is taken from what today has shown
      const seen = counts.get(k) ?? 0
      const fade = (a: number, b: number): number => fadedSurge(surge, (a + b) / 2000 - now / 1000)
      push(
        usualNow > 0 ? usualNow * fade(now, hourEnd) : observedSec < 300 ? 0 : (seen / observedSec) * 3600,
        now,
        hoursAhead === 1 ? null : hourEnd,
      )
      for (let h = 1; h < hoursAhead; h++) {
        const start = hourEnd + (h - 1) * 3_600_000
        const later = usualHourAt(usual, start)?.arrivals[k] ?? 0
        push(later * fade(start, start + 3_600_000), start, h === hoursAhead - 1 ? null : start + 3_600_000)
      }
    }
  }
  return out
}

/**
 * The first window of a day without history (`counts` per stream over `observedSec`), service by
 * service: the service's own rate is the window's, and its split between ordinary and premier
 * customers a Gamma–Poisson posterior per class whose prior — worth `priorSec` of observation —
 * puts the whole service on its ordinary customers: a premier class is the exception until the
 * day shows otherwise. Three premier customers in the first nine minutes used to read as 20 an
 * hour for the rest of the day, overtaking every ordinary customer of the service (generated day
 * 4003: 112 minutes promised for a 10-minute wait); here 4.6 (three over the nine minutes and the
 * prior's half hour), the rest of the service's 34 an hour ordinary. At the window's end the prior
 * and the window weigh the same; after it, the day's own shares (`withoutHistory`).
 */
function earlyRates(
  branch: BranchConfig,
  classes: readonly (PriorityClassId | null)[],
  counts: ReadonlyMap<string, number>,
  observedSec: number,
  priorSec: number,
): ArrivalRate[] {
  const out: ArrivalRate[] = []
  for (const s of branch.services) {
    let all = 0
    for (const cls of classes) all += counts.get(streamKey(s.id, cls)) ?? 0
    for (const cls of classes) {
      const seen = counts.get(streamKey(s.id, cls)) ?? 0
      const shape = seen + (cls === null ? (all / observedSec) * priorSec : 0)
      if (shape <= 0) continue
      out.push({
        serviceId: s.id,
        priorityClassId: cls,
        perHour: (shape / (observedSec + priorSec)) * 3600,
        // the prior is the service's own window, not more observation: the rate rests on `all`
        evidence: Math.max(1, Math.min(shape, all)),
      })
    }
  }
  return out
}

/**
 * The rates to expect with no usual day to lean on, once the window has filled: today's own
 * average since opening per class is the prior (worth `weightSec` of observation, as the usual
 * hour is with history), scaled by the surge the last window shows on the whole service — the
 * same Gamma–Poisson posterior as with history, so three premier customers in half an hour do not
 * read as six an hour, while a surge still shows within the half hour.
 */
function withoutHistory(
  service: ServiceId,
  classes: readonly (PriorityClassId | null)[],
  issued: readonly IssuedTicket[],
  now: number,
  from: number,
  observedSec: number,
  openedAt: number,
  weightSec: number,
): ArrivalRate[] {
  const out: ArrivalRate[] = []
  if (observedSec < 300) return out
  const recent = new Map<PriorityClassId | null, number>()
  const day = new Map<PriorityClassId | null, number>()
  for (const t of issued) {
    if (t.serviceId !== service || t.issuedAt > now) continue
    if (t.issuedAt > from) recent.set(t.priorityClassId, (recent.get(t.priorityClassId) ?? 0) + 1)
    if (t.issuedAt > openedAt) day.set(t.priorityClassId, (day.get(t.priorityClassId) ?? 0) + 1)
  }
  const daySec = (now - openedAt) / 1000
  let dayAll = 0
  let recentAll = 0
  for (const cls of classes) {
    dayAll += day.get(cls) ?? 0
    recentAll += recent.get(cls) ?? 0
  }
  if (dayAll === 0) return out
  const dayRate = dayAll / daySec
  const prior = dayRate * weightSec
  const surge = Math.min(MAX_SURGE, Math.max(1 / MAX_SURGE, (recentAll + prior) / (dayRate * observedSec + prior)))
  for (const cls of classes) {
    const n = day.get(cls) ?? 0
    if (n === 0) continue
    // the next half hour, the hour after it, then on: each at the surge faded to its middle
    // (the last, open-ended, to its first half hour)
    for (const [a, b] of NO_HISTORY_PIECES) {
      out.push({
        serviceId: service,
        priorityClassId: cls,
        perHour: (n / daySec) * 3600 * fadedSurge(surge, b === null ? a + 1800 : (a + b) / 2),
        ...(a === 0 ? {} : { from: now + a * 1000 }),
        ...(b === null ? {} : { until: now + b * 1000 }),
        evidence: Math.max(1, recentAll + prior),
      })
    }
  }
  return out
}
