import { judgeShownWait } from '../estimate/shownPromise'
import { shareOf } from './stats'
import type { TicketRow } from './ticketTimes'

/**
 * How honest the shown estimates were: the actual wait (issue → first call) against the
 * estimate shown at issue. Only tickets shown an estimate and then called are measured.
 */
export interface EstimateFigures {
  readonly count: number
  /** Mean of (actual − estimated mean): positive means customers waited longer than told. */
  readonly meanErrorSec: number | null
  readonly meanAbsErrorSec: number | null
  readonly rmseSec: number | null
  /**
   * Actual wait inside the range shown at issue, in whole minutes as the customer saw it
   * (`judgeShownWait`). The range shares are of the tickets shown a range: one shown "soon" is
   * counted in the errors above, not here.
   */
  readonly insideRange: number
  readonly insideRangeShare: number | null
  /** Waited longer than the top of the range: the promise customers feel broken. */
  readonly aboveRange: number
  readonly aboveRangeShare: number | null
  readonly belowRange: number
}

/** A row of the estimate-vs-actual chart: tickets grouped by the estimate they were shown. */
export interface CalibrationRow {
  readonly fromSec: number
  readonly toSec: number | null
  readonly count: number
  readonly meanEstimateSec: number | null
  readonly meanActualSec: number | null
  readonly insideRangeShare: number | null
}

export interface EstimateSection {
  readonly overall: EstimateFigures
  readonly calibration: readonly CalibrationRow[]
  /** Tickets shown an estimate but never called (their actual wait is unknown). */
  readonly notMeasured: number
}

const CALIBRATION_MINUTES = [0, 5, 10, 15, 20, 30, 45, 60]

/**
 * Estimate accuracy of a set of ticket rows.
 *
 * @example
 * estimateFigures(rows) //=> { count: 120, meanErrorSec: 35, rmseSec: 140, insideRangeShare: 0.82, … }
 */
export function estimateFigures(rows: readonly TicketRow[]): EstimateFigures {
  let n = 0
  let sum = 0
  let abs = 0
  let sq = 0
  let inside = 0
  let above = 0
  let below = 0
  let ranged = 0
  for (const r of rows) {
    if (r.estimateErrorSec === null || r.estimate === null || r.waitSec === null) continue
    n++
    const e = r.estimateErrorSec
    sum += e
    abs += Math.abs(e)
    sq += e * e
    // Judged against the range shown, in whole minutes; "soon" promised none and is judged
    // neither inside nor out (`judgeShownWait`), its error still counts.
    const verdict = judgeShownWait(r.estimate, r.waitSec)
    if (verdict === null) continue
    ranged++
    if (verdict === 'above') above++
    else if (verdict === 'below') below++
    else inside++
  }
  return {
    count: n,
    meanErrorSec: n === 0 ? null : sum / n,
    meanAbsErrorSec: n === 0 ? null : abs / n,
    rmseSec: n === 0 ? null : Math.sqrt(sq / n),
    insideRange: inside,
    insideRangeShare: shareOf(inside, ranged),
    aboveRange: above,
    aboveRangeShare: shareOf(above, ranged),
    belowRange: below,
  }
}

/**
 * The honesty section: overall accuracy and a calibration table by the estimate shown.
 *
 * @example
 * estimateSection(rows).calibration[0] //=> { fromSec: 0, toSec: 300, count: 40, meanActualSec: 210, … }
 */
export function estimateSection(rows: readonly TicketRow[]): EstimateSection {
  const measured = rows.filter((r) => r.estimate !== null && r.waitSec !== null)
  const calibration = CALIBRATION_MINUTES.map((m, i) => {
    const next = CALIBRATION_MINUTES[i + 1]
    const fromSec = m * 60
    const toSec = next === undefined ? null : next * 60
    const group = measured.filter((r) => {
      const est = (r.estimate as NonNullable<TicketRow['estimate']>).mean
      return est >= fromSec && (toSec === null || est < toSec)
    })
    const f = estimateFigures(group)
    const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length)
    return {
      fromSec,
      toSec,
      count: group.length,
      meanEstimateSec: mean(group.map((r) => (r.estimate as NonNullable<TicketRow['estimate']>).mean)),
      meanActualSec: mean(group.map((r) => r.waitSec as number)),
      insideRangeShare: f.insideRangeShare,
    }
  })
  return {
    overall: estimateFigures(measured),
    calibration,
    notMeasured: rows.filter((r) => r.estimate !== null && r.waitSec === null).length,
  }
}
