import type { WaitEstimate } from '../queue/ticket'
import { showsRange } from '../queue/showsRange'

/**
 * Self-correcting calibration of the 80 % range: online conformal recalibration in the manner of
 * adaptive conformal inference (Gibbs & Candès, "Adaptive conformal inference under distribution
 * shift", NeurIPS 2021), in its quantile-tracking form (Angelopoulos, Candès & Tibshirani,
 * "Conformal PID control", 2023).
 *
 * The conformity score is normalised by the model's own spread (normalised conformity scores,
 * Papadopoulos et al. 2002; Lei et al. 2018): each end of the model's range [p10, p90] is moved
 * in log time, its distance from the median stretched or shrunk by a factor — e^lo for the low
 * end, e^hi for the high end: p90 → p50·(p90/p50)^(e^hi), p10 → p50·(p10/p50)^(e^lo). Each wait
 * that actually happened is compared with the range that was shown for it: a wait above the high
 * end raises hi by 0.9·η, one inside lowers it by 0.1·η (and the same for the low end), so each
 * end is missed 10 % of the time in the long run whatever the model gets wrong — a wrong
 * standard, a slow teller, a policy that serves a service more often than projected. The offsets
 * are the sum of five parts: the branch's, the service's, the service's in this hour of the day,
 * each moved by its own step, so a service seen rarely borrows the branch's correction while one
 * with plenty of waits gets its own, hour by hour; the branch's for waits of this length (the
 * model's median in doubling bands: under 2 minutes, 2–4, 4–8, … an hour and more); and the
 * branch's today (below). A booked customer who checked in on time has three parts instead, of
 * their own (`BOOKED_PARTS`). A model's
 * spread is not wrong by the same factor at every length — on generated days the waits of 3–10
 * minutes were missed above 2 × as often as below, those of half an hour and more the other way —
 * and a service's parts, which see its short and long waits alike, cannot tell them apart
 * (conditional calibration by bins of the prediction: "Mondrian" conformal prediction, Vovk et
 * al., "Algorithmic learning in a random world", 2005).
 *
 * Why normalised: the same correction then means the same thing for every state of the queue. It
 * used to multiply the ends themselves (p90·e^hi), and on a long, regular queue — an hour's wait
 * known to ±5 % — a narrowing of 5 %, which an hour of waits inside the range had taught, put
 * both ends on the median, and the next hour's small drift missed nearly every wait (hours at
 * 0.05–0.34 on a generated day). Scaled by the model's spread, a correction narrows such a range
 * in proportion, and never to nothing, while a wide range is corrected as much as before.
 *
 * The corrections leak: they fade towards none (a leaky integrator, the integral term of conformal
 * PID control with forgetting) — the hour's part with a 6-hour time constant, the branch's, the
 * service's and the length's with 24 open hours. A correction learned while the model was wrong —
 * a teller's pace not yet learned, a surge not yet seen — would otherwise outlive the error by
 * hours: after a miss widens a range by 0.9·η, it takes nine waits inside to take it back, and on
 * a day of hour-long waits those come an hour later. Fading keeps the range the model's own
 * wherever the waits have stopped saying otherwise. But a leak also holds a correction short of
 * what the waits ask for (at rest, the misses exceed 10 % by the correction over η × the waits
 * seen per time constant), so where the model's own range is too wide the shown one stayed wide;
 * the slower parts, which see every wait of a service or of the branch, leak four times slower,
 * and the hour's part — a few dozen waits, where a stale correction does the most harm — as
 * before (docs/estimation.md, sixteenth round).
 *
 * The fifth part is today's, and does not leak: the integral term of conformal PID control over
 * today's waits alone, started afresh as each day opens (`afterClosedHours`). It takes up what the
 * leaking parts leave: where the model's range is too wide or too narrow all day, their rest
 * point holds the day's coverage away from 80 %, and the day's own misses and hits now count
 * until the day ends. Started from nothing each morning, it carries no stale correction into the
 * next day — the harm the leak was brought in against (docs/estimation.md, eighteenth round).
 *
 * Plain JSON, small, and rebuilt from the journals of recent days by replaying their waits in
 * order (`learnCalibration`), so nothing new has to be stored.
 */
export interface CalibrationCell {
  /** Log of the factor on the low end's log-distance from the median (positive widens). */
  readonly lo: number
  /** Log of the factor on the high end's log-distance from the median (positive widens). */
  readonly hi: number
  /** Waits this cell has seen. */
  readonly n: number
  /** When `lo` and `hi` were last moved (epoch ms): they fade towards 0 from then. */
  readonly at: number
}

export interface WaitCalibration {
  readonly cells: Readonly<Record<string, CalibrationCell>>
}

export const NO_CALIBRATION: WaitCalibration = { cells: {} }

/** Target share of waits below the range and above it. */
const TAIL = 0.1
/**
 * The parts, in the order `cellOf` names them: the branch's, the service's, the service-and-hour's,
 * the length's and today's for walk-ins; the branch's, the service's and today's for booked
 * customers — each its step and the time constant of its fading (seconds; today's do not fade,
 * they end with the day).
 */
const PARTS = [
  { step: 0.01, leakSec: 24 * 3600 },
  { step: 0.02, leakSec: 24 * 3600 },
  { step: 0.04, leakSec: 6 * 3600 },
  { step: 0.04, leakSec: 24 * 3600 },
  { step: 0.02, leakSec: Number.POSITIVE_INFINITY },
  { step: 0.02, leakSec: 24 * 3600 },
  { step: 0.08, leakSec: 24 * 3600 },
  { step: 0.04, leakSec: Number.POSITIVE_INFINITY },
] as const
/**
 * Which parts correct a wait. A booked customer who checked in on time is called by other rules
 * than a walk-in (first within their grace once their slot has come, `policy/callOrder`), so the
 * model is wrong about their waits in another way: on generated days with bookings their ranges
 * held 88 % of their waits while the walk-ins' held 79 %, one correction serving both. They have
 * parts of their own, and teach the walk-ins' nothing (docs/estimation.md, twenty-first round).
 */
const WALK_IN_PARTS = [0, 1, 2, 3, 4] as const
const BOOKED_PARTS = [5, 6, 7] as const
/** Today's part's cell: dropped as a day opens. */
export const TODAY_CELL = 'today'
/**
 * No part moves beyond this (a factor of e^2.5 ≈ 12 on an end's log-distance, either way). Their
 * sum may go further: a model far too sure of itself (a range of ±7 % for waits of cv 0.8) needs
 * more than e^2.5 at its low end, which the branch's and the service's parts reach together.
 */
const LIMIT = 2.5
/** The length bands: the model's median in doublings of a minute, from "under 2" to "64 and more". */
const LONGEST_BAND = 6

/** How much of a part's cell's correction is left at `now`, faded since it was last moved. */
function fadeFactor(c: CalibrationCell, part: number, now: number): number {
  return Math.exp(-Math.max(0, now - c.at) / 1000 / (PARTS[part] as (typeof PARTS)[number]).leakSec)
}

/** A part's cell as it stands at `now`, faded since it was last moved. */
function faded(c: CalibrationCell, part: number, now: number): CalibrationCell {
  const f = fadeFactor(c, part, now)
  return { ...c, lo: c.lo * f, hi: c.hi * f, at: now }
}

/**
 * The calibration as a day opens at `openedAt`: today's part starts from nothing, and the hours
 * the branch was closed since the other parts' last move (a night, a weekend) do not age them. What it corrects is the model's bias, which a closed
 * branch does not change; fading it over the night (when every part had a six-hour time
 * constant) kept 7 % of the services' corrections and under 2 % of each hour's (last moved a
 * whole day before), so a hub relearned every morning what the day before had taught. A
 * calibration from a later time (a replay of an earlier date) is left as it is.
 *
 * @example
 * afterClosedHours(eveningCalibration, nextMorning) // every cell as old as at last evening's move
 */
export function afterClosedHours(calibration: WaitCalibration, openedAt: number): WaitCalibration {
  const ended = Object.keys(calibration.cells).some(isToday)
  const cells = Object.entries(calibration.cells).filter(([k]) => !isToday(k))
  const last = cells.reduce((m, [, c]) => Math.max(m, c.at), Number.NEGATIVE_INFINITY)
  const closed = openedAt - last
  if (!(closed > 0) || !Number.isFinite(closed)) return ended ? { cells: Object.fromEntries(cells) } : calibration
  return { cells: Object.fromEntries(cells.map(([k, c]) => [k, { ...c, at: c.at + closed }])) }
}

/**
 * The cell a wait is corrected by in part `part` (the order of `PARTS`): the branch's, its
 * service's, its service's in this hour, its length's (from the model's median) and today's; a
 * booked customer's, the branch's booked customers', its service's booked customers' and
 * today's booked customers'.
 */
function cellOf(part: number, serviceCellKey: string, hour: number, median: number): string {
  switch (part) {
    case 0:
      return '*'
    case 1:
      return serviceCellKey
    case 2:
      return hourCell(serviceCellKey, hour)
    case 3:
      return lengthCell(median)
    case 4:
      return TODAY_CELL
    case 5:
      return BOOKED_CELL
    case 6:
      return `${BOOKED_CELL}|${serviceCellKey}`
    default:
      return BOOKED_TODAY_CELL
  }
}

const BOOKED_CELL = 'booked'
/** Booked customers' part of today: dropped as a day opens, as `TODAY_CELL` is. */
const BOOKED_TODAY_CELL = `${TODAY_CELL}|booked`
const isToday = (key: string): boolean => key === TODAY_CELL || key === BOOKED_TODAY_CELL

const serviceCell = (serviceId: string): string => `s:${serviceId}`
const hourCell = (serviceCellKey: string, hour: number): string => `${serviceCellKey}|h:${hour}`
/** "len:0" for a median under 2 minutes (or none to speak of), "len:1" for 2–4, … "len:6" for 64 and more. */
const lengthCell = (median: number): string => {
  const minutes = median / 60
  return `len:${minutes >= 2 ? Math.min(LONGEST_BAND, Math.floor(Math.log2(minutes))) : 0}`
}

/**
 * The estimate with its range recalibrated for this service at this hour of the day (local hour,
 * 0–23), a walk-in's or (`booked`) a booked customer's who checked in on time. The mean and
 * median are the model's; each end keeps its side of the median (an end on the median, or a low
 * end at zero, stays where it is). An estimate of "now" (p90 = 0) stays as it is.
 *
 * @example
 * calibrateEstimate(NO_CALIBRATION, 'personal', 10, e, now) //=> e, unchanged
 */
export function calibrateEstimate(
  calibration: WaitCalibration,
  serviceId: string,
  hour: number,
  estimate: WaitEstimate,
  now: number,
  booked = false,
): WaitEstimate {
  if (estimate.p90 <= 0) return estimate
  // Runs for every estimate shown: the cells are read without the faded copies `faded` would make.
  const cells = calibration.cells
  const own = serviceCell(serviceId)
  let lo = 0
  let hi = 0
  for (const part of booked ? BOOKED_PARTS : WALK_IN_PARTS) {
    const c = cells[cellOf(part, own, hour, estimate.p50)]
    if (c === undefined) continue
    const f = fadeFactor(c, part, now)
    lo += c.lo * f
    hi += c.hi * f
  }
  if (lo === 0 && hi === 0) return estimate
  const p10 = stretch(estimate.p50, Math.min(estimate.p10, estimate.p50), lo)
  const p90 = stretch(estimate.p50, Math.max(estimate.p90, estimate.p50), hi)
  return { ...estimate, p10, p90 }
}

/**
 * An end of the range with its log-distance from the median multiplied by e^by:
 * median·(end/median)^(e^by).
 *
 * @example
 * stretch(100, 200, Math.log(2)) //=> 400 (twice as far from the median in log time)
 */
export function stretch(median: number, end: number, by: number): number {
  if (!(median > 0) || !(end > 0)) return end
  return median * Math.exp(Math.log(end / median) * Math.exp(by))
}

/**
 * Learns from one wait that happened: the range shown for it (at issue) and the time until it
 * was actually called, a walk-in's or (`booked`) a booked customer's. Shown ranges of "now"
 * teach nothing and are skipped.
 *
 * @example
 * observeWait(NO_CALIBRATION, 'personal', 10, { mean: 300, p10: 120, p50: 280, p90: 500 }, 900, now)
 * //=> hi of 'personal' at 10:00 raised by 0.036, the service's by 0.018, that of waits of 4–8 minutes by 0.036, today's by 0.018
 */
export function observeWait(
  calibration: WaitCalibration,
  serviceId: string,
  hour: number,
  shown: WaitEstimate,
  actualSec: number,
  now: number,
  booked = false,
): WaitCalibration {
  if (!showsRange(shown) || !Number.isFinite(actualSec)) return calibration
  const below = actualSec < shown.p10 ? 1 : 0
  const above = actualSec > shown.p90 ? 1 : 0
  const cells = { ...calibration.cells }
  const own = serviceCell(serviceId)
  for (const i of booked ? BOOKED_PARTS : WALK_IN_PARTS) {
    const { step } = PARTS[i]
    const k = cellOf(i, own, hour, shown.p50)
    const c = faded(cells[k] ?? { lo: 0, hi: 0, n: 0, at: now }, i, now)
    cells[k] = {
      lo: clamp(c.lo + step * (below - TAIL)),
      hi: clamp(c.hi + step * (above - TAIL)),
      n: c.n + 1,
      at: now,
    }
  }
  return { cells }
}

function clamp(x: number): number {
  return Math.max(-LIMIT, Math.min(LIMIT, x))
}
