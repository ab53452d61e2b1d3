import type { BranchConfig } from '../domain/branch'
import { learnPauseSec } from './pauseLengths'
import type { CounterId, ServiceId } from '../domain/ids'
import type { PauseReasonCode } from '../queue/counterState'
import { lnGamma } from './gammaDistribution'
import { counterPaces, staffPaces, staffSeen } from './counterSpeed'
import { counterTimes } from './counterTimes'
import { MAX_SCV, MIN_SCV, plus, weigh, type Weighted } from './weightedSums'
import { learnPatience } from './learnPatience'
import type { Patience } from './patience'
import { mergeMoments, type MomentSums, type ServiceTimeStats } from './serviceTimeStats'

/**
 * A learned time: its mean, its squared coefficient of variation (variance / mean²; 1 for an
 * exponential), the family whose shape fits the observations best — gamma (which includes the
 * exponential) or lognormal (the long right tail of counter work where a few cases take very
 * long) — and how many observations it rests on (weighted; the prior counts too). `n` sets how
 * much the estimator widens its ranges for not knowing the mean exactly.
 */
export interface TimeParams {
  readonly meanSec: number
  readonly scv: number
  readonly n: number
  readonly family: 'gamma' | 'lognormal'
}

/** What the estimator knows about how long things take, learned from today and recent days. */
export interface LearnedServiceTimes {
  /** Counter occupancy per call, per service. */
  readonly occupancy: Readonly<Record<string, TimeParams>>
  /** The same per service and counter: the service's figure at the counter's learned pace. */
  readonly occupancyByCounter: Readonly<Record<string, Readonly<Record<string, TimeParams>>>>
  /** Transaction time (start to end) per service: the long-transaction explanation uses it. */
  readonly transaction: Readonly<Record<string, TimeParams>>
  /**
   * Per service: the share of customers gone at their call whatever the wait (the patience
   * model's `noShow`), and the counter time a call on an absent customer costs.
   */
  readonly noShow: Readonly<Record<string, { readonly probability: number; readonly recallSec: number }>>
  /** Per service: customers' patience, learned from first calls answered and missed (`fitPatience`). */
  readonly patience: Readonly<Record<string, Patience>>
  /** Mean length of a counter pause by reason (seconds). */
  readonly pauseSec: Readonly<Record<PauseReasonCode, number>>
}

export interface LearnOptions {
  /** Weight of the prior, in observations (default 5). */
  readonly priorWeight: number
  /** The prior's squared coefficient of variation (default 1: exponential, the humble choice). */
  readonly priorScv: number
  /** At most this many observations' weight from history per service (default 2000). */
  readonly historyCap: number
  /**
   * …and only this many (default 100) when today's own observations differ from history beyond
   * chance (|z| ≥ 4; between 2 and 4 the weight slides): a slow system today shows within the hour.
   */
  readonly changedHistoryCap: number
  /**
   * Weight (in observations) pulling the squared coefficient of variation towards the prior's
   * (default 30): a spread is harder to learn than a mean, and a noisy one bends every residual.
   */
  readonly scvPriorWeight: number
  /** Pause lengths by reason, seconds: the defaults the branch's own pauses move. */
  readonly pauseSec: Readonly<Record<PauseReasonCode, number>>
  /** Weight (in pauses) of each reason's default length against the branch's own (default 3). */
  readonly pausePriorWeight: number
  /** Prior counter time of a no-show (recalls before giving up), seconds (default 60). */
  readonly recallSec: number
  /**
   * Who is at each counter now (counter id → staff id; null or absent: nobody). A counter with a
   * teller takes the teller's pace, learned at whichever counters they worked; one without (a
   * shift not begun) the pace of the tellers who usually sit there. Absent: every counter its own.
   */
  readonly staffing?: Readonly<Record<string, string | null>>
}

export const DEFAULT_PAUSE_SEC: Readonly<Record<PauseReasonCode, number>> = {
  break: 15 * 60,
  cashCount: 20 * 60,
  systemIssue: 30 * 60,
  meeting: 30 * 60,
  complexBusiness: 15 * 60,
  other: 15 * 60,
}

export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  priorWeight: 5,
  priorScv: 1,
  historyCap: 2000,
  changedHistoryCap: 100,
  scvPriorWeight: 30,
  pauseSec: DEFAULT_PAUSE_SEC,
  pausePriorWeight: 3,
  recallSec: 60,
}

/** A prior as pseudo-observations with the given mean and scv (it says nothing about the shape). */
function prior(p: TimeParams, weight: number): Weighted {
  return { w: weight, s1: weight * p.meanSec, s2: weight * p.meanSec * p.meanSec * (1 + p.scv), l1: 0, l2: 0 }
}

/** Observations needed before the shape is judged from them (below: gamma, the prior's family). */
const SHAPE_EVIDENCE = 30
/** Log-likelihood margin the lognormal must win by: close calls stay gamma (and exponential data exponential). */
const SHAPE_MARGIN = 3

/**
 * Which family fits the observations better, by maximum likelihood from the sufficient sums:
 * gamma (shape from Minka's closed-form approximation) or lognormal.
 */
function familyOf(data: Weighted): 'gamma' | 'lognormal' {
  if (data.w < SHAPE_EVIDENCE) return 'gamma'
  const m = data.s1 / data.w
  const L = data.l1 / data.w
  const s = Math.log(m) - L
  const varLog = data.l2 / data.w - L * L
  if (!(s > 1e-9) || !(varLog > 1e-12)) return 'gamma'
  const alpha = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s)
  const theta = m / alpha
  const llGamma = (alpha - 1) * L - alpha * Math.log(theta) - lnGamma(alpha) - alpha
  const llLognormal = -L - 0.5 * Math.log(varLog) - 0.5 * Math.log(2 * Math.PI) - 0.5
  return data.w * (llLognormal - llGamma) > SHAPE_MARGIN ? 'lognormal' : 'gamma'
}

function toParams(x: Weighted, priorScv: number, scvWeight: number, data: Weighted): TimeParams {
  const mean = x.s1 / x.w
  const variance = Math.max(0, x.s2 / x.w - mean * mean)
  const raw = variance / (mean * mean)
  const scv = (scvWeight * priorScv + data.w * raw) / (scvWeight + data.w)
  return { meanSec: mean, scv: Math.min(MAX_SCV, Math.max(MIN_SCV, scv)), n: x.w, family: familyOf(data) }
}

/**
 * How much of the summed history counts: scaled so that it weighs at most `cap` observations — or
 * less, down to `changedCap`, when today's mean differs from history's by more than chance allows.
 * One factor per service, so that its counters' visits are weighed as its mean weighs them.
 */
function historyScale(sum: MomentSums | undefined, today: MomentSums | undefined, o: LearnOptions): number {
  if (sum === undefined || sum.n === 0) return 0
  let cap = o.historyCap
  if (today !== undefined && today.n >= 10) {
    const mh = sum.sum / sum.n
    const vh = Math.max(1e-9, sum.sumSq / sum.n - mh * mh)
    const z = Math.abs(today.sum / today.n - mh) / Math.sqrt(vh / today.n + vh / sum.n)
    const t = Math.min(1, Math.max(0, (z - 2) / 2))
    cap = Math.exp((1 - t) * Math.log(o.historyCap) + t * Math.log(o.changedHistoryCap))
  }
  return Math.min(1, cap / sum.n)
}

function merged(ms: readonly (MomentSums | undefined)[]): MomentSums | undefined {
  let sum: MomentSums | undefined
  for (const m of ms) sum = mergeMoments(sum, m)
  return sum
}

/** History summed and scaled (`historyScale`). */
function capped(
  history: readonly (MomentSums | undefined)[],
  today: MomentSums | undefined,
  o: LearnOptions,
): Weighted {
  const sum = merged(history)
  return weigh(sum, historyScale(sum, today, o))
}

function combine(
  priorParams: TimeParams,
  priorWeight: number,
  history: Weighted,
  today: Weighted,
  scvWeight: number,
): TimeParams {
  const data = plus(history, today)
  return toParams(plus(prior(priorParams, priorWeight), data), priorParams.scv, scvWeight, data)
}

/**
 * The service-time model the estimator uses: for each service, a prior from its transaction
 * standard (`standardSec`, the branch's own statement of how long the work takes) worth
 * `priorWeight` observations, plus recent days (at most `historyCap` observations' worth, and
 * far less once today's own observations show that history no longer applies — a slow system
 * today shows within the hour), plus today. Each counter's figure is the service's at the
 * counter's own pace (`counterPaces`: pooled over its services, learned within a few visits on
 * steady work), and customers' patience is learned from the first calls (`learnPatience`).
 *
 * @example
 * // no history, nothing finished yet: the prior
 * learnServiceTimes(branch, [], null).occupancy.a //=> { meanSec: 60, scv: 1, n: 5, family: 'gamma' }
 */
export function learnServiceTimes(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  options: Partial<LearnOptions> = {},
): LearnedServiceTimes {
  const o = { ...DEFAULT_LEARN_OPTIONS, ...options }
  const occupancy: Record<string, TimeParams> = {}
  const byCounter: Record<string, Record<string, TimeParams>> = {}
  const transaction: Record<string, TimeParams> = {}
  const noShow: Record<string, { probability: number; recallSec: number }> = {}
  const patience = learnPatience(branch, history, today, o.historyCap)
  const speeds = counterPaces(branch, history, today)
  const seated = Object.entries(o.staffing ?? {}).filter((e): e is [string, string] => e[1] !== null)
  const tellerSpeeds =
    seated.length === 0
      ? null
      : staffPaces(
          branch,
          history,
          today,
          seated.map(([, t]) => t),
        )
  for (const service of branch.services) {
    const id = service.id
    const base: TimeParams = { meanSec: service.standardSec, scv: o.priorScv, n: o.priorWeight, family: 'gamma' }
    // the history's weight, once: the service's mean and each counter's visits take the same
    const pastOccupancy = merged(history.map((h) => h.occupancy[id]))
    const scale = historyScale(pastOccupancy, today?.occupancy[id], o)
    const occ = combine(
      base,
      o.priorWeight,
      weigh(pastOccupancy, scale),
      weigh(today?.occupancy[id], 1),
      o.scvPriorWeight,
    )
    occupancy[id] = occ
    transaction[id] = combine(
      base,
      o.priorWeight,
      capped(
        history.map((h) => h.transaction[id]),
        today?.transaction[id],
        o,
      ),
      weigh(today?.transaction[id], 1),
      o.scvPriorWeight,
    )
    const visits = new Map<string, Weighted>()
    for (const counter of branch.counters) {
      if (!counter.services.includes(id)) continue
      const past = merged(history.map((h) => h.occupancyByCounter[id]?.[counter.id]))
      visits.set(counter.id, plus(weigh(past, scale), weigh(today?.occupancyByCounter[id]?.[counter.id], 1)))
    }
    const counters = counterTimes(occ, visits, speeds, o.priorWeight, o.scvPriorWeight)
    if (tellerSpeeds !== null) {
      const here = seated.filter(([c]) => counters[c] !== undefined)
      const byTeller = new Map<string, Weighted>()
      for (const staff of [...staffSeen(history, today, id), ...here.map(([, t]) => t)]) {
        const past = merged(history.map((h) => h.occupancyByStaff?.[id]?.[staff]))
        byTeller.set(staff, plus(weigh(past, scale), weigh(today?.occupancyByStaff?.[id]?.[staff], 1)))
      }
      const tellers = counterTimes(occ, byTeller, tellerSpeeds, o.priorWeight, o.scvPriorWeight)
      for (const [counter, staff] of here) counters[counter] = tellers[staff] ?? (counters[counter] as TimeParams)
    }
    byCounter[id] = counters
    let missed: MomentSums | undefined = today?.noShows[id]
    for (const h of history) missed = mergeMoments(missed, h.noShows[id])
    const m = missed ?? { n: 0, sum: 0 }
    noShow[id] = {
      probability: patience[id]?.noShow ?? 0,
      recallSec: (m.sum + 3 * o.recallSec) / (m.n + 3),
    }
  }
  // A branch's pauses are its own (lunch breaks of 45 minutes, cash counts of 10): learned from the
  // pauses that ended, recent days' and today's.
  const pauseSec = learnPauseSec(o.pauseSec, [...history.map((h) => h.pauses), today?.pauses], o.pausePriorWeight)
  return { occupancy, occupancyByCounter: byCounter, transaction, noShow, patience, pauseSec }
}

/**
 * A model with given figures and no uncertainty about them: for tests, what-if planning and the
 * simulator's "the manager knows the truth" runs.
 *
 * @example
 * knownServiceTimes(branch, { a: { meanSec: 60, scv: 1 } }).occupancy.a.n //=> Infinity
 */
export function knownServiceTimes(
  branch: BranchConfig,
  times: Readonly<
    Record<string, { readonly meanSec: number; readonly scv: number; readonly family?: 'gamma' | 'lognormal' }>
  >,
  noShow: Readonly<Record<string, { readonly probability: number; readonly recallSec: number }>> = {},
): LearnedServiceTimes {
  const occupancy: Record<string, TimeParams> = {}
  const byCounter: Record<string, Record<string, TimeParams>> = {}
  const ns: Record<string, { probability: number; recallSec: number }> = {}
  const patience: Record<string, Patience> = {}
  for (const s of branch.services) {
    const t = times[s.id] ?? { meanSec: s.standardSec, scv: 1 }
    const p: TimeParams = { meanSec: t.meanSec, scv: t.scv, n: Number.POSITIVE_INFINITY, family: t.family ?? 'gamma' }
    occupancy[s.id] = p
    byCounter[s.id] = Object.fromEntries(branch.counters.filter((c) => c.services.includes(s.id)).map((c) => [c.id, p]))
    const n = noShow[s.id] ?? { probability: 0, recallSec: 60 }
    ns[s.id] = n
    patience[s.id] = { noShow: n.probability, perSec: 0 }
  }
  return {
    occupancy,
    occupancyByCounter: byCounter,
    transaction: occupancy,
    noShow: ns,
    patience,
    pauseSec: DEFAULT_PAUSE_SEC,
  }
}

/** The occupancy figure for a service at a counter (the service's own when the counter has none). */
export function occupancyAt(model: LearnedServiceTimes, service: ServiceId, counter: CounterId): TimeParams {
  return (
    model.occupancyByCounter[service]?.[counter] ??
    model.occupancy[service] ?? { meanSec: 60, scv: 1, n: DEFAULT_LEARN_OPTIONS.priorWeight, family: 'gamma' }
  )
}
