import type { ArrivalRate } from '../estimate/counterAvailability'
import { DEFAULT_PAUSE_SEC, type LearnedServiceTimes, type TimeParams } from '../estimate/learnServiceTimes'
import type { Patience } from '../estimate/patience'
import { DEFAULT_RECALL_INTERVAL_SEC } from '../domain/branch'
import { counterId, priorityClassId, serviceId } from '../domain/ids'
import type { PauseReasonCode } from '../queue/counterState'
import {
  durationMean,
  durationScv,
  scenarioBranch,
  scenarioClock,
  scenarioCounterPlans,
  streamHours,
} from './scenarioModel'
import type { DurationDist, Scenario } from './scenario'

/** What the scenario's truth tells an estimator: its model, and the arrival rates from any instant on. */
export interface ScenarioTruth {
  readonly model: LearnedServiceTimes
  /** The true arrival rates from `now` (epoch ms) to the doors' close, hour by hour, known exactly. */
  readonly arrivalsFrom: (now: number) => ArrivalRate[]
}

/**
 * Nearly fixed times are a point mass the residual formulas cannot take (a gamma of infinite
 * shape): a coefficient of variation of 0.07 stands for them, well inside any day's noise.
 */
const MIN_SCV = 0.005

/** A duration distribution's mean, squared coefficient of variation and shape family. */
function moments(d: DurationDist): { mean: number; scv: number; family: TimeParams['family'] } {
  return { mean: durationMean(d), scv: durationScv(d), family: d.dist === 'lognormal' ? 'lognormal' : 'gamma' }
}

/** A transaction of `d` at a teller of pace `speed`, after a walk of `walkSec` (fixed). */
function occupancyOf(d: DurationDist, speed: number, walkSec: number): TimeParams {
  const m = moments(d)
  const mean = walkSec + m.mean / speed
  const sd = (Math.sqrt(m.scv) * m.mean) / speed
  return { meanSec: mean, scv: Math.max(MIN_SCV, (sd / mean) ** 2), n: Number.POSITIVE_INFINITY, family: m.family }
}

/**
 * The model an estimator would have if it knew the scenario as written: every service's
 * transaction-time law at every counter's pace (walk included), the no-show share and the
 * customers' patience (exponential in generated days; a mean for any other law), how long a call
 * on someone gone takes, the planned pauses' mean length by reason, and the arrival rates hour by
 * hour (surges included). Not the day's draws — who takes how long, who leaves, when the next
 * customer comes — and nothing the estimator is not given either: the pauses' times stay unknown
 * until a counter pauses.
 *
 * The benchmark runs the same estimator on it beside the learned model: the gap between the two
 * is what learning costs, and its RMSE against the naive formula's is about as low as an estimate
 * from the queue's state can go on that day (the projection's approximations remain).
 *
 * @example
 * const truth = scenarioTruth(randomBranchDay(1001))
 * truth.model.occupancy.s1.n //=> Infinity
 */
export function scenarioTruth(s: Scenario): ScenarioTruth {
  const branch = scenarioBranch(s)
  const walkSec = s.walkSec ?? 0
  const occupancy: Record<string, TimeParams> = {}
  const transaction: Record<string, TimeParams> = {}
  const byCounter: Record<string, Record<string, TimeParams>> = {}
  const noShow: Record<string, { probability: number; recallSec: number }> = {}
  const patience: Record<string, Patience> = {}
  // a call on someone gone: the recalls the policy requires, then the no-show
  const recallSec =
    (branch.policy.recallsBeforeNoShow + 1) * (branch.policy.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC)
  const perSec = s.patience === undefined ? 0 : 1 / Math.max(1, moments(s.patience).mean)
  for (const x of s.services) {
    const id = serviceId(x.id)
    occupancy[id] = occupancyOf(x.serviceTime, 1, walkSec)
    transaction[id] = occupancyOf(x.serviceTime, 1, 0)
    byCounter[id] = Object.fromEntries(
      s.counters
        .filter((c) => c.services.includes(x.id))
        .map((c) => [counterId(c.id), occupancyOf(x.serviceTime, c.speed ?? 1, walkSec)]),
    )
    noShow[id] = { probability: s.noShowProbability ?? 0, recallSec }
    patience[id] = { noShow: s.noShowProbability ?? 0, perSec }
  }
  const model: LearnedServiceTimes = {
    occupancy,
    occupancyByCounter: byCounter,
    transaction,
    noShow,
    patience,
    pauseSec: plannedPauseSec(s),
  }
  const clock = scenarioClock(s)
  const arrivalsFrom = (now: number): ArrivalRate[] =>
    s.arrivals.flatMap((a) =>
      streamHours(a, clock.doorsCloseSec).flatMap(({ fromSec, untilSec, perHour }) => {
        const from = Math.max(now, clock.openAt + fromSec * 1000)
        const until = clock.openAt + untilSec * 1000
        if (until <= from) return []
        const rate: ArrivalRate = {
          serviceId: serviceId(a.service),
          priorityClassId: a.priority === undefined ? null : priorityClassId(a.priority),
          perHour,
          from,
          until,
        }
        return [rate]
      }),
    )
  return { model, arrivalsFrom }
}

/** Each pause reason's mean length in the scenario's plan (the defaults for reasons it has none of). */
function plannedPauseSec(s: Scenario): Record<PauseReasonCode, number> {
  const sums = new Map<PauseReasonCode, { n: number; sec: number }>()
  for (const b of scenarioCounterPlans(s).flatMap((p) => p.breaks ?? [])) {
    const x = sums.get(b.reason) ?? { n: 0, sec: 0 }
    sums.set(b.reason, { n: x.n + 1, sec: x.sec + b.forSec })
  }
  const out = { ...DEFAULT_PAUSE_SEC }
  for (const [reason, x] of sums) out[reason] = x.sec / x.n
  return out
}
