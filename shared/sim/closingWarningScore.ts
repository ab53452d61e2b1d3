import type { WaitEstimate } from '../queue/ticket'
import { servedBeforeClose, servingEnd } from '../estimate/servedBeforeClose'
import type { SimDay } from './runScenario'
import { scenarioConfigured } from './scenarioModel'

/**
 * What a customer was told at issue about the counters' planned end (`servedBeforeClose` on the
 * estimate they were given): `unlikely`, `mayNot`, nothing (`none`), or nothing because no end was
 * known any more (`noEnd`: the counters' plan had already ended when the ticket was issued).
 */
export type ToldAtIssue = 'unlikely' | 'mayNot' | 'none' | 'noEnd'

/**
 * Where the end fell in the range a ticket was given: before its p10, between p10 and p50, p50
 * and p90, after p90 — an honest range sees 90 % or more, 50–90 %, 10–50 %, 10 % or fewer called
 * after it. `unlikely` is the first two, `mayNot` the third.
 */
export type EndInRange = 'beforeP10' | 'p10ToP50' | 'p50ToP90' | 'afterP90'

/** Tickets told one thing, and how many of them were not called by the end they were measured against. */
export interface WarningCell {
  readonly n: number
  /** First called after the end, or never called (still waiting when the day closed); none for `noEnd`. */
  readonly late: number
  /** Seconds from the end to the first call, summed over the late tickets that were called. */
  readonly lateSec: number
}

export type WarningCells = Readonly<Record<ToldAtIssue, WarningCell>>

/** A band of `EndInRange`, with how many of its tickets the ranges themselves expected to be late. */
export interface RangeCell extends WarningCell {
  /**
   * The ranges' own chances of a call after the end, summed (`rangeLateChance`): in the two middle
   * bands an estimate of how many should be late; in the tails a bound (at least, at most).
   */
  readonly implied: number
}

/**
 * The closing warning against what then happened, over simulated days: customers who stayed (served,
 * or still waiting when the day closed) apart from those who gave up (no-shows and cancellations:
 * left before their call), whose "call" is when a counter reached a ticket nobody answered.
 */
export interface ClosingWarningTally {
  readonly stayed: WarningCells
  readonly gaveUp: WarningCells
  /** Those who stayed and were issued within the hour before the end: where a warning can matter. */
  readonly stayedLastHour: WarningCells
  /** Those who stayed and had an end to be measured against, by where it fell in their range. */
  readonly endInRange: Readonly<Record<EndInRange, RangeCell>>
  /** Customers who stayed and were still waiting when the day closed (never called; counted late). */
  readonly neverCalled: number
  /** Tickets given no estimate at issue (nothing to judge; not in the cells). */
  readonly noEstimate: number
}

const NONE: WarningCell = { n: 0, late: 0, lateSec: 0 }
const EMPTY_CELLS: WarningCells = { unlikely: NONE, mayNot: NONE, none: NONE, noEnd: NONE }
const NO_RANGE: RangeCell = { ...NONE, implied: 0 }

export const EMPTY_TALLY: ClosingWarningTally = {
  stayed: EMPTY_CELLS,
  gaveUp: EMPTY_CELLS,
  stayedLastHour: EMPTY_CELLS,
  endInRange: { beforeP10: NO_RANGE, p10ToP50: NO_RANGE, p50ToP90: NO_RANGE, afterP90: NO_RANGE },
  neverCalled: 0,
  noEstimate: 0,
}

const plus = (c: WarningCell, d: WarningCell): WarningCell => ({
  n: c.n + d.n,
  late: c.late + d.late,
  lateSec: c.lateSec + d.lateSec,
})

/**
 * The chance the range itself gives of a first call more than `leftSec` after issue, read off its
 * three quantiles with straight lines between them (90 % at p10, 50 % at p50, 10 % at p90): an
 * approximation between them; beyond p10 and p90 only the bound (0.9, 0.1) is known.
 *
 * @example
 * rangeLateChance({ mean: 700, p10: 300, p50: 600, p90: 1500 }, 1050) //=> 0.3
 */
export function rangeLateChance(e: WaitEstimate, leftSec: number): number {
  if (leftSec < e.p10) return 0.9
  if (leftSec < e.p50) return 0.5 + (0.4 * (e.p50 - leftSec)) / (e.p50 - e.p10)
  if (leftSec < e.p90) return 0.1 + (0.4 * (e.p90 - leftSec)) / (e.p90 - e.p50)
  return 0.1
}

/** Seconds from issue to the end: where that falls among the range's quantiles. */
function endInRange(e: WaitEstimate, leftSec: number): EndInRange {
  if (leftSec < e.p10) return 'beforeP10'
  if (leftSec < e.p50) return 'p10ToP50'
  if (leftSec < e.p90) return 'p50ToP90'
  return 'afterP90'
}

/**
 * Scores the closing warning on simulated days: each ticket's warning is decided by the product's
 * own rule (`servingEnd` on the scenario's plan as configured, `scenarioConfigured`; then
 * `servedBeforeClose` on the estimate the ticket was given at issue) and set against whether its
 * first call came after that end. An honest 80 % range would leave roughly: of `mayNot`, 10 % or
 * more late; of `unlikely`, half or more; of `none`, 10 % or fewer.
 *
 * @example
 * const t = closingWarningTally(runDays(scenario, 7, 3, { dateOf: (i) => addDays(first, i) }))
 * t.stayed.unlikely //=> { n: 41, late: 30, lateSec: 21_600 }
 */
export function closingWarningTally(days: readonly SimDay[]): ClosingWarningTally {
  let tally = EMPTY_TALLY
  for (const day of days) {
    const { branch, calendar } = scenarioConfigured(day.scenario)
    const offset = day.scenario.utcOffsetMin ?? 480
    for (const r of day.records) {
      if (r.estimate === null) {
        tally = { ...tally, noEstimate: tally.noEstimate + 1 }
        continue
      }
      const issuedAt = day.openAt + r.issuedAt * 1000
      const end = servingEnd(branch, calendar, r.serviceId, null, issuedAt, offset)
      const leftSec = end === null ? 0 : (end.at - issuedAt) / 1000
      const told: ToldAtIssue = end === null ? 'noEnd' : (servedBeforeClose(r.estimate, issuedAt, end)?.kind ?? 'none')
      const calledAt = r.calledAt === null ? null : day.openAt + r.calledAt * 1000
      // A customer who stayed and was never called waited past the end; one who gave up before any
      // call tells nothing of when they would have been called.
      const gaveUp = r.outcome === 'noShow' || r.outcome === 'cancelled'
      const calledAfter = end !== null && calledAt !== null && calledAt > end.at ? (calledAt - end.at) / 1000 : null
      const late = end !== null && (calledAt === null ? !gaveUp : calledAfter !== null)
      const cell: WarningCell = { n: 1, late: late ? 1 : 0, lateSec: calledAfter ?? 0 }
      const one = { ...EMPTY_CELLS, [told]: cell }
      if (gaveUp) {
        tally = addTallies(tally, { ...EMPTY_TALLY, gaveUp: one })
        continue
      }
      const lastHour = end !== null && end.at - issuedAt <= 3_600_000
      tally = addTallies(tally, {
        ...EMPTY_TALLY,
        stayed: one,
        stayedLastHour: lastHour ? one : EMPTY_CELLS,
        endInRange:
          end === null
            ? EMPTY_TALLY.endInRange
            : {
                ...EMPTY_TALLY.endInRange,
                [endInRange(r.estimate, leftSec)]: {
                  ...cell,
                  implied: rangeLateChance(r.estimate, leftSec),
                },
              },
        neverCalled: calledAt === null ? 1 : 0,
      })
    }
  }
  return tally
}

/** Two tallies together (a set of days pooled with another). */
export function addTallies(a: ClosingWarningTally, b: ClosingWarningTally): ClosingWarningTally {
  const cells = (x: WarningCells, y: WarningCells): WarningCells => ({
    unlikely: plus(x.unlikely, y.unlikely),
    mayNot: plus(x.mayNot, y.mayNot),
    none: plus(x.none, y.none),
    noEnd: plus(x.noEnd, y.noEnd),
  })
  const r = (k: EndInRange): RangeCell => ({
    ...plus(a.endInRange[k], b.endInRange[k]),
    implied: a.endInRange[k].implied + b.endInRange[k].implied,
  })
  return {
    stayed: cells(a.stayed, b.stayed),
    gaveUp: cells(a.gaveUp, b.gaveUp),
    stayedLastHour: cells(a.stayedLastHour, b.stayedLastHour),
    endInRange: {
      beforeP10: r('beforeP10'),
      p10ToP50: r('p10ToP50'),
      p50ToP90: r('p50ToP90'),
      afterP90: r('afterP90'),
    },
    neverCalled: a.neverCalled + b.neverCalled,
    noEstimate: a.noEstimate + b.noEstimate,
  }
}
