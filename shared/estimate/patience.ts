/**
 * Customers' patience, learned from what the journal records. A ticket's first call tells one
 * of two things about its customer: present (served, transferred, parked) — their patience
 * exceeded the wait so far, a right-censored observation; or absent (a no-show) — they left at
 * some time before the call, or never meant to stay: an interval-censored observation. The
 * model: a share `noShow` of customers is gone whatever the wait (a ticket taken and forgotten),
 * the others leave at rate `perSec` while they wait (exponential patience):
 *
 *     P(absent at a call after waiting w) = q + (1 − q)(1 − e^(−θw))
 *
 * fitted by maximum likelihood under that censoring (Whitt's QLm needs θ; Mandelbaum & Zeltyn
 * estimate it from censored call-centre data the same way). Present customers enter through
 * their count and total wait (a sufficient statistic); absent ones through a histogram of their
 * waits on a logarithmic grid, so a day's data stays a few numbers per service.
 */
export interface PatienceData {
  /** First calls answered, and the sum of their waits (seconds). */
  readonly present: number
  readonly presentSec: number
  /** First calls nobody answered, counted by wait on the grid `PATIENCE_BINS`. */
  readonly absent: readonly number[]
}

/** Patience as the projection uses it. */
export interface Patience {
  /** Share of customers gone at their call whatever the wait. */
  readonly noShow: number
  /** Rate (per second) at which the others give up while they wait; 0: they do not. */
  readonly perSec: number
}

/** Bin i holds waits in [EDGE·2^((i−1)/2), EDGE·2^(i/2)); bin 0 waits under EDGE seconds. */
const EDGE = 10
export const PATIENCE_BINS = 26
const REPRESENTATIVE = Array.from({ length: PATIENCE_BINS }, (_, i) =>
  i === 0 ? EDGE / 2 : EDGE * 2 ** ((i - 0.5) / 2),
)

export const NO_PATIENCE_DATA: PatienceData = { present: 0, presentSec: 0, absent: [] }

/** The grid bin of a wait (seconds). */
function binOf(waitSec: number): number {
  if (!(waitSec >= EDGE)) return 0
  return Math.min(PATIENCE_BINS - 1, 1 + Math.floor(2 * Math.log2(waitSec / EDGE)))
}

/**
 * Adds one first call: the customer waited `waitSec` and was there (`absent` false) or not.
 *
 * @example
 * addPatience(NO_PATIENCE_DATA, 300, false) //=> { present: 1, presentSec: 300, absent: [] }
 */
export function addPatience(d: PatienceData | undefined, waitSec: number, absent: boolean): PatienceData {
  const b = d ?? NO_PATIENCE_DATA
  const w = Math.max(0, waitSec)
  if (!absent) return { ...b, present: b.present + 1, presentSec: b.presentSec + w }
  const bins = b.absent.slice()
  const i = binOf(w)
  while (bins.length <= i) bins.push(0)
  bins[i] = (bins[i] as number) + 1
  return { ...b, absent: bins }
}

/** The sum of two data sets, the second weighted by `w` (history scaled down, a pooled prior). */
export function mergePatience(a: PatienceData | undefined, b: PatienceData | undefined, w = 1): PatienceData {
  const x = a ?? NO_PATIENCE_DATA
  const y = b ?? NO_PATIENCE_DATA
  const bins = Array.from(
    { length: Math.max(x.absent.length, y.absent.length) },
    (_, i) => (x.absent[i] ?? 0) + w * (y.absent[i] ?? 0),
  )
  return { present: x.present + w * y.present, presentSec: x.presentSec + w * y.presentSec, absent: bins }
}

/** First calls a data set holds. */
export function patienceCount(d: PatienceData): number {
  return d.present + d.absent.reduce((a, b) => a + b, 0)
}

export interface PatiencePrior {
  /** Pseudo-calls with nobody absent (pulls the no-show share towards 0). Default 20. */
  readonly presentCalls: number
  /**
   * Pseudo-waiting time nobody gave up in (seconds; pulls the rate towards 0). Default: the
   * pseudo-calls' worth of it — `presentCalls` waits as long as the data's answered calls waited
   * on average (at least a minute each) — and at most 4 hours.
   */
  readonly exposureSec: number
}

const DEFAULT_PRESENT_CALLS = 20
const MIN_PRIOR_WAIT_SEC = 60
const MAX_PRIOR_EXPOSURE_SEC = 4 * 3600

/**
 * The default prior for a data set: 20 calls answered, each after the data's mean wait. A fixed
 * exposure (it was 4 hours) is worth hundreds of calls on a day of one-minute waits: on a rush
 * of a day's first hours (random day 2019) it held a service's learned patience at a sixth of
 * the truth while its own calls already showed a third of those who waited 5–15 minutes gone.
 */
function defaultPrior(d: PatienceData): PatiencePrior {
  const meanWait = d.present > 0 ? d.presentSec / d.present : 0
  const exposureSec = Math.min(MAX_PRIOR_EXPOSURE_SEC, DEFAULT_PRESENT_CALLS * Math.max(MIN_PRIOR_WAIT_SEC, meanWait))
  return { presentCalls: DEFAULT_PRESENT_CALLS, exposureSec }
}

/** Rates searched: none, or a mean patience between 20 seconds and 30 days. */
const LOG_MIN_RATE = Math.log(1 / (30 * 86_400))
const LOG_MAX_RATE = Math.log(1 / 20)

/**
 * The maximum a posteriori no-show share and patience rate of a data set, with a prior worth
 * `presentCalls` calls answered and `exposureSec` of waiting without anyone leaving (so a first
 * no-show does not make the next call a coin toss, and no data means no abandonment).
 *
 * @example
 * // 60 answered after 10 min on average; 40 gone, most after long waits
 * fitPatience(data) //=> { noShow: 0.02, perSec: 0.0011 } (mean patience about 15 minutes)
 */
export function fitPatience(d: PatienceData, prior: Partial<PatiencePrior> = {}): Patience {
  const p = { ...defaultPrior(d), ...prior }
  const present = d.present + p.presentCalls
  const exposure = d.presentSec + p.exposureSec
  const absent = d.absent
  if (!absent.some((a) => a > 0)) return { noShow: 0, perSec: 0 }
  const used: number[] = []
  const counts: number[] = []
  absent.forEach((a, i) => {
    if (a > 0) {
      used.push(REPRESENTATIVE[i] as number)
      counts.push(a)
    }
  })
  const stay = new Float64Array(used.length)
  // For a rate θ, the share q maximising the likelihood: concave in q, so Newton's method from
  // q = 0, kept inside a bracket that shrinks by the sign of the slope.
  const bestShare = (theta: number): { q: number; ll: number } => {
    for (let j = 0; j < used.length; j++) stay[j] = Math.exp(-theta * (used[j] as number))
    const slopes = (q: number): [number, number] => {
      let s1 = -present / (1 - q)
      let s2 = -present / ((1 - q) * (1 - q))
      for (let j = 0; j < used.length; j++) {
        const e = stay[j] as number
        const d = 1 - (1 - q) * e
        s1 += ((counts[j] as number) * e) / d
        s2 -= ((counts[j] as number) * e * e) / (d * d)
      }
      return [s1, s2]
    }
    let q = 0
    let [s1, s2] = slopes(0)
    if (s1 > 0) {
      let lo = 0
      let hi = 1 - 1e-9
      for (let k = 0; k < 40 && hi - lo > 1e-7; k++) {
        let next = q - s1 / s2
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi)
        q = next
        ;[s1, s2] = slopes(q)
        if (s1 > 0) lo = q
        else hi = q
        if (Math.abs(s1) < 1e-9 * (present + 1)) break
      }
    }
    let ll = present * Math.log(1 - q) - theta * exposure
    for (let j = 0; j < used.length; j++) {
      ll += (counts[j] as number) * Math.log(Math.max(1e-300, 1 - (1 - q) * (stay[j] as number)))
    }
    return { q, ll }
  }
  let best = { theta: 0, ...bestShare(0) }
  // Golden-section search on log θ, after a coarse scan to find the right valley.
  let top = LOG_MIN_RATE
  let topLl = Number.NEGATIVE_INFINITY
  const steps = 12
  for (let k = 0; k <= steps; k++) {
    const x = LOG_MIN_RATE + ((LOG_MAX_RATE - LOG_MIN_RATE) * k) / steps
    const r = bestShare(Math.exp(x))
    if (r.ll > topLl) {
      topLl = r.ll
      top = x
    }
  }
  const width = (LOG_MAX_RATE - LOG_MIN_RATE) / steps
  let a = Math.max(LOG_MIN_RATE, top - width)
  let b = Math.min(LOG_MAX_RATE, top + width)
  const g = (Math.sqrt(5) - 1) / 2
  for (let k = 0; k < 24; k++) {
    const x1 = b - g * (b - a)
    const x2 = a + g * (b - a)
    if (bestShare(Math.exp(x1)).ll > bestShare(Math.exp(x2)).ll) b = x2
    else a = x1
  }
  const theta = Math.exp(0.5 * (a + b))
  const r = bestShare(theta)
  if (r.ll > best.ll) best = { theta, ...r }
  return { noShow: best.q, perSec: best.theta }
}
