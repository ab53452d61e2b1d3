import type { BranchConfig } from '../domain/branch'
import type { CounterId, StaffId } from '../domain/ids'
import { PAUSE_REASONS, type PauseReasonCode } from '../queue/counterState'
import type { Ticket } from '../queue/ticket'
import type { CounterSpan } from './dayLog'

/** One pause of a counter, with the teller's reason. */
export interface PauseRow {
  readonly from: number
  readonly to: number | null
  readonly durationSec: number
  readonly code: PauseReasonCode
  readonly note: string
}

/** A counter's day: staffed time, paused time and why, time calling and serving. */
export interface CounterRow {
  readonly counterId: CounterId
  readonly number: number | null
  readonly staffIds: readonly StaffId[]
  /** Staffed (open or paused). */
  readonly openSec: number
  readonly pausedSec: number
  /** Calling a customer until they arrive (or are marked no-show). */
  readonly callingSec: number
  readonly servingSec: number
  /** Serving time ÷ staffed time not paused. */
  readonly utilisation: number | null
  readonly pauses: readonly PauseRow[]
}

export interface CounterSection {
  readonly counters: readonly CounterRow[]
  /** Paused time of all counters by reason. */
  readonly pausedByReason: readonly { readonly code: PauseReasonCode; readonly pauses: number; readonly sec: number }[]
}

/**
 * Counters' staffed, paused, calling and serving time, and the pauses with their reasons.
 *
 * @example
 * counterSection(log.counterSpans, log.tickets, branch, asOf).pausedByReason[0] //=> { code: 'break', pauses: 2, sec: 1800 }
 */
export function counterSection(
  spans: readonly CounterSpan[],
  tickets: readonly Ticket[],
  branch: BranchConfig,
  asOf: number,
): CounterSection {
  const ids = new Set<CounterId>([...spans.map((s) => s.counterId)])
  for (const j of tickets) for (const v of j.visits) ids.add(v.counterId)
  const calling = new Map<CounterId, number>()
  const serving = new Map<CounterId, number>()
  for (const j of tickets) {
    for (const v of j.visits) {
      const end = v.endedAt ?? asOf
      const arrived = v.startedAt ?? end
      calling.set(v.counterId, (calling.get(v.counterId) ?? 0) + (arrived - v.calledAt) / 1000)
      if (v.startedAt !== null) serving.set(v.counterId, (serving.get(v.counterId) ?? 0) + (end - v.startedAt) / 1000)
    }
  }
  const order = new Map(branch.counters.map((c, i) => [c.id, i]))
  const counters = [...ids]
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map((counterId) => {
      const mine = spans.filter((s) => s.counterId === counterId)
      const len = (s: CounterSpan): number => ((s.to ?? asOf) - s.from) / 1000
      const openSec = mine.reduce((t, s) => t + len(s), 0)
      const pauses = mine.flatMap((s) =>
        s.state === 'paused' && s.reason !== null
          ? [{ from: s.from, to: s.to, durationSec: len(s), code: s.reason.code, note: s.reason.note }]
          : [],
      )
      const pausedSec = pauses.reduce((t, p) => t + p.durationSec, 0)
      const servingSec = serving.get(counterId) ?? 0
      return {
        counterId,
        number: branch.counters.find((c) => c.id === counterId)?.number ?? null,
        staffIds: [...new Set(mine.flatMap((s) => (s.staffId === null ? [] : [s.staffId])))],
        openSec,
        pausedSec,
        callingSec: calling.get(counterId) ?? 0,
        servingSec,
        utilisation: openSec - pausedSec > 0 ? servingSec / (openSec - pausedSec) : null,
        pauses,
      }
    })
  const pausedByReason = PAUSE_REASONS.map((code) => {
    const list = counters.flatMap((c) => c.pauses.filter((p) => p.code === code))
    return { code, pauses: list.length, sec: list.reduce((t, p) => t + p.durationSec, 0) }
  })
  return { counters, pausedByReason }
}

/**
 * Seconds of [from, to) during which counters were staffed (`open`: open or paused) and
 * available (`available`: open and not paused), summed over counters. Divided by the length of
 * the interval this is the mean number of counters open.
 *
 * @example
 * counterTimeIn(spans, hourStart, hourStart + 3_600_000, asOf) //=> { open: 10800, available: 9000 }
 */
export function counterTimeIn(
  spans: readonly CounterSpan[],
  from: number,
  to: number,
  asOf: number,
): { open: number; available: number } {
  let open = 0
  let available = 0
  for (const s of spans) {
    const overlap = Math.min(to, s.to ?? asOf) - Math.max(from, s.from)
    if (overlap <= 0) continue
    open += overlap / 1000
    if (s.state === 'open') available += overlap / 1000
  }
  return { open, available }
}
