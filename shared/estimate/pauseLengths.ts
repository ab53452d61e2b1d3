import type { QueueEvent } from '../queue/events'
import type { PauseReasonCode } from '../queue/counterState'

/** How long the pauses of one reason lasted: how many ended, and their seconds in all. */
export interface PauseSum {
  readonly n: number
  readonly sumSec: number
}

/** The ended pauses of a period, by reason. Additive across days. */
export type PauseSums = Readonly<Partial<Record<PauseReasonCode, PauseSum>>>

/** Pauses begun and not yet ended, by counter: when, and why. */
export type OpenPauses = ReadonlyMap<string, { readonly at: number; readonly code: PauseReasonCode }>

/**
 * Folds one event into the pauses: a counter paused opens one; resumed or closed ends it (a
 * teller who goes home from a pause paused until then); the day's close drops those still open
 * (how long they would have lasted is not known).
 *
 * @example
 * // c1 paused for a break at 12:00:00, resumed at 12:40:00
 * addPauseEvent({ sums: {}, open: new Map() }, resumed).sums //=> { break: { n: 1, sumSec: 2400 } }
 */
export function addPauseEvent(
  p: { readonly sums: PauseSums; readonly open: OpenPauses },
  e: QueueEvent,
): { readonly sums: PauseSums; readonly open: OpenPauses } {
  if (e.type === 'counterPaused') {
    return { sums: p.sums, open: new Map(p.open).set(e.counterId, { at: e.at, code: e.reason.code }) }
  }
  if (e.type === 'counterResumed' || e.type === 'counterClosed') {
    const begun = p.open.get(e.counterId)
    if (begun === undefined) return p
    const open = new Map(p.open)
    open.delete(e.counterId)
    const was = p.sums[begun.code] ?? { n: 0, sumSec: 0 }
    const sec = Math.max(0, (e.at - begun.at) / 1000)
    return { sums: { ...p.sums, [begun.code]: { n: was.n + 1, sumSec: was.sumSec + sec } }, open }
  }
  if (e.type === 'dayClosed' && p.open.size > 0) return { sums: p.sums, open: new Map() }
  return p
}

/** The ended pauses of a day's events, by reason. */
export function pauseSums(events: readonly QueueEvent[]): PauseSums {
  let p: { sums: PauseSums; open: OpenPauses } = { sums: {}, open: new Map() }
  for (const e of events) p = addPauseEvent(p, e)
  return p.sums
}

/**
 * Each reason's expected pause length: the configured default, worth `priorWeight` pauses,
 * moved by the pauses that ended (shrinkage to the prior: three lunch breaks of 45 minutes take
 * a "break" from 15 to 30 minutes, a dozen to about 40).
 *
 * @example
 * learnPauseSec({ break: 900, other: 900 }, [{ break: { n: 3, sumSec: 8100 } }], 3).break //=> 1800
 */
export function learnPauseSec<K extends PauseReasonCode>(
  prior: Readonly<Record<K, number>>,
  days: readonly (PauseSums | undefined)[],
  priorWeight: number,
): Record<K, number> {
  const out: Record<K, number> = { ...prior }
  for (const code of Object.keys(prior) as K[]) {
    let n = 0
    let sum = 0
    for (const d of days) {
      const s = d?.[code]
      if (s === undefined) continue
      n += s.n
      sum += s.sumSec
    }
    if (n > 0) out[code] = (priorWeight * prior[code] + sum) / (priorWeight + n)
  }
  return out
}
