import type { PriorityClassId, ServiceId } from '../domain/ids'
import type { QueueEvent } from '../queue/events'
import { assertNever } from '../util/assertNever'

/** What one hour of the day is usually like, averaged over the recent days given. */
export interface UsualHour {
  /** Mean number of counters staffed (open and not paused) during the hour. */
  readonly countersOpen: number
  /** Share of the hour each counter was staffed, per counter id, averaged over days. */
  readonly counterOpenShare: Readonly<Record<string, number>>
  /** Customers per hour, per arrival stream (`streamKey`: service and priority class). */
  readonly arrivals: Readonly<Record<string, number>>
}

/**
 * The branch's usual day, hour by hour (local time): what "fewer counters than usual" and
 * "more customers than usual" are measured against, and the arrivals the estimator expects.
 * Plain JSON; the hub recomputes it from the journals of recent days (`learnUsualPattern`),
 * e.g. the last four weeks of the same weekday.
 */
export interface UsualPattern {
  readonly days: number
  readonly utcOffsetMin: number
  /** 24 entries, index = local hour. */
  readonly hours: readonly UsualHour[]
}

/** The key of an arrival stream: `personal|` for ordinary customers, `personal|vip` for a class. */
export function streamKey(service: ServiceId | string, cls: PriorityClassId | string | null): string {
  return `${service}|${cls ?? ''}`
}

/** Seconds since local midnight. */
export function localSecondOfDay(epochMs: number, utcOffsetMin: number): number {
  const ms = (((epochMs + utcOffsetMin * 60_000) % 86_400_000) + 86_400_000) % 86_400_000
  return ms / 1000
}

/** Adds the part of [from, to) (seconds of day) that falls in each hour to `perHour`. */
function spread(perHour: number[], from: number, to: number): void {
  for (let h = Math.floor(from / 3600); h < 24 && h * 3600 < to; h++) {
    const lo = Math.max(from, h * 3600)
    const hi = Math.min(to, (h + 1) * 3600)
    if (hi > lo) perHour[h] = (perHour[h] as number) + (hi - lo) / 3600
  }
}

/**
 * The usual pattern of a set of days, each given as its journal (the events of that day, as the
 * hub stores them). A day counts fully in every hour: a branch closed at 8:00 on every day has
 * zero counters usually open at 8:00. `weights` (one per day, default 1 each) make it a weighted
 * average: the days of the same kind as the day ahead count more (`usualDayWeights`).
 *
 * @example
 * learnUsualPattern([mondayEvents, tuesdayEvents], 480).hours[10].countersOpen //=> 4.5
 */
export function learnUsualPattern(
  days: readonly (readonly QueueEvent[])[],
  utcOffsetMin = 480,
  weights?: readonly number[],
): UsualPattern {
  if (weights !== undefined && (weights.length !== days.length || weights.some((w) => !(w >= 0))))
    throw new RangeError(`learnUsualPattern: ${weights.length} weights (each ≥ 0) for ${days.length} days`)
  const open: number[] = new Array<number>(24).fill(0)
  const share: Record<string, number>[] = Array.from({ length: 24 }, () => ({}))
  const arrivals: Record<string, number>[] = Array.from({ length: 24 }, () => ({}))
  days.forEach((events, d) => {
    const weight = weights?.[d] ?? 1
    const since = new Map<string, number>()
    const perCounter = new Map<string, number[]>()
    const close = (id: string, at: number): void => {
      const from = since.get(id)
      if (from === undefined) return
      since.delete(id)
      let hours = perCounter.get(id)
      if (hours === undefined) {
        hours = new Array<number>(24).fill(0)
        perCounter.set(id, hours)
      }
      spread(hours, localSecondOfDay(from, utcOffsetMin), localSecondOfDay(from, utcOffsetMin) + (at - from) / 1000)
    }
    for (const e of events) {
      switch (e.type) {
        case 'counterOpened':
        case 'counterResumed':
          if (!since.has(e.counterId)) since.set(e.counterId, e.at)
          break
        case 'counterPaused':
        case 'counterClosed':
          close(e.counterId, e.at)
          break
        case 'dayClosed':
          for (const id of [...since.keys()]) close(id, e.at)
          break
        case 'ticketIssued': {
          const h = Math.floor(localSecondOfDay(e.at, utcOffsetMin) / 3600)
          const k = streamKey(e.serviceId, e.priorityClassId)
          const row = arrivals[h] as Record<string, number>
          row[k] = (row[k] ?? 0) + weight
          break
        }
        // The usual pattern is arrivals and staffed hours; nothing else a day does changes it.
        case 'dayOpened':
        case 'ticketCalled':
        case 'ticketRecalled':
        case 'serviceStarted':
        case 'serviceCompleted':
        case 'transactionAdded':
        case 'ticketNoShow':
        case 'ticketRejoined':
        case 'ticketTransferred':
        case 'ticketParked':
        case 'ticketResumed':
        case 'ticketCancelled':
        case 'ticketRated':
        case 'priorityChanged':
        case 'delayAnnounced':
        case 'delayCleared':
          break
        default:
          assertNever(e, 'event')
      }
    }
    const last = events[events.length - 1]
    if (last !== undefined) for (const id of [...since.keys()]) close(id, last.at)
    for (const [id, hours] of perCounter) {
      hours.forEach((x, h) => {
        open[h] = (open[h] as number) + x * weight
        const row = share[h] as Record<string, number>
        row[id] = (row[id] ?? 0) + x * weight
      })
    }
  })
  const total = weights === undefined ? days.length : weights.reduce((a, w) => a + w, 0)
  const n = total > 0 ? total : 1
  const per = (r: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / n]))
  return {
    days: days.length,
    utcOffsetMin,
    hours: open.map((x, h) => ({
      countersOpen: x / n,
      counterOpenShare: per(share[h] as Record<string, number>),
      arrivals: per(arrivals[h] as Record<string, number>),
    })),
  }
}

/** The usual hour at an instant. */
export function usualHourAt(usual: UsualPattern, epochMs: number): UsualHour | undefined {
  return usual.hours[Math.floor(localSecondOfDay(epochMs, usual.utcOffsetMin) / 3600)]
}
