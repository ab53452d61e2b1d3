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

/** A day's pauses folded from its events: those that ended, those under way, how many counted. */
export interface PauseFold {
  readonly sums: PauseSums
  readonly open: OpenPauses
  /** Pauses counted into `sums` so far: what a model learned from them is current while it stays. */
  readonly counted: number
}

export const NO_PAUSES: PauseFold = { sums: {}, open: new Map(), counted: 0 }

/** Shorter than this, a pause is a slip of the finger (paused and resumed at once), not a pause. */
export const MIN_PAUSE_SEC = 60

/**
 * Folds one event into the day's pauses: a counter paused opens one, resumed ends it and counts
 * it (unless it lasted under a minute). A pause that ends in the counter closing, or in the day
 * closing, is not counted: its teller never came back, and how long the pause would have lasted
 * is not known (a teller who pauses at three and goes home at half past five is not a pause of
 * two and a half hours). A new day starts with none.
 *
 * @example
 * // c1 paused for a break at 12:00:00, resumed at 12:40:00
 * addPauseEvent(addPauseEvent(NO_PAUSES, paused), resumed).sums //=> { break: { n: 1, sumSec: 2400 } }
 */
export function addPauseEvent(p: PauseFold, e: QueueEvent): PauseFold {
  if (e.type === 'dayOpened') return NO_PAUSES
  if (e.type === 'counterPaused') {
    return { ...p, open: new Map(p.open).set(e.counterId, { at: e.at, code: e.reason.code }) }
  }
  if (e.type === 'counterResumed' || e.type === 'counterClosed') {
    const begun = p.open.get(e.counterId)
    if (begun === undefined) return p
    const open = new Map(p.open)
    open.delete(e.counterId)
    const sec = (e.at - begun.at) / 1000
    if (e.type === 'counterClosed' || sec < MIN_PAUSE_SEC) return { ...p, open }
    const was = p.sums[begun.code] ?? { n: 0, sumSec: 0 }
    return {
      sums: { ...p.sums, [begun.code]: { n: was.n + 1, sumSec: was.sumSec + sec } },
      open,
      counted: p.counted + 1,
    }
  }
  if (e.type === 'dayClosed' && p.open.size > 0) return { ...p, open: new Map() }
  return p
}

/** The counted pauses of a day's events, by reason. */
export function pauseSums(events: readonly QueueEvent[]): PauseSums {
  let p = NO_PAUSES
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
