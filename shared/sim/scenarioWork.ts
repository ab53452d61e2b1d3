import { DEFAULT_POLICY, DEFAULT_RECALL_INTERVAL_SEC } from '../domain/branch'
import type { Scenario } from './scenario'
import { durationMean, scenarioClock, streamHours } from './scenarioModel'

/**
 * The most a simulated day may hold. Each field within its bounds (`SCENARIO_LIMITS`) can still
 * add up to a day no simulator should take on: 500 streams of 1,000 customers an hour. The cost
 * of a day grows with its customers times its queue (every call is checked against those
 * waiting; a report lists every overtake), and its length with the counter time it needs (a
 * counter without `close` serves until the queue is empty; the report has a row per hour).
 * 3,000 customers is past the busiest days measured or modelled (a call centre's 2,200 in 16 h,
 * the benchmark's busy branch's 2,000); 500 counter-hours is 30 counters busy for 16 h. At both limits at once, on a
 * day that overwhelms its counters, a what-if takes seconds and a few hundred megabytes
 * (`test/shared/sim/scenarioWork.test.ts`), against a minute and 4 GB for the rates of 1e7 that
 * were once accepted.
 */
export const DAY_LIMITS = { customers: 3_000, counterHours: 500 } as const

/** One thing over the day's limits, at the arrival stream that brings the most of it. */
export interface WorkProblem {
  readonly field: string
  readonly message: string
}

/** The customers each stream is expected to bring, and the counter seconds they need. */
export interface ScenarioWork {
  readonly streams: readonly { readonly customers: number; readonly counterSec: number }[]
  readonly customers: number
  readonly counterHours: number
}

/**
 * What a scenario asks of the simulator, in expectation: customers over the day (each stream's
 * rate over the hours the doors are open) and the counter time they take at the standard pace —
 * their transactions, their walk to the counter, and for those who leave (no-shows, or any
 * customer when patience is set) the recalls before the no-show.
 *
 * @example
 * scenarioWork({ hours: { open: '09:00', close: '17:00' }, arrivals: [{ service: 'a', perHour: 10 }], … })
 * //=> { streams: [{ customers: 80, counterSec: 14400 }], customers: 80, counterHours: 4 }  (180 s each)
 */
export function scenarioWork(s: Scenario): ScenarioWork {
  const { doorsCloseSec } = scenarioClock(s)
  const mean = new Map(s.services.map((x) => [x.id, durationMean(x.serviceTime)]))
  const recalls = (s.recallsBeforeNoShow ?? DEFAULT_POLICY.recallsBeforeNoShow) + 1
  const leaving = s.patience === undefined ? (s.noShowProbability ?? 0) : 1
  const perCustomer = (service: string): number =>
    (mean.get(service) ?? 0) +
    (s.walkSec ?? 0) +
    leaving * recalls * (s.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC)
  const streams = s.arrivals.map((a) => {
    const customers = streamHours(a, doorsCloseSec).reduce(
      (n, h) => n + (h.perHour * (h.untilSec - h.fromSec)) / 3600,
      0,
    )
    return { customers, counterSec: customers * perCustomer(a.service) }
  })
  return {
    streams,
    customers: streams.reduce((n, x) => n + x.customers, 0),
    counterHours: streams.reduce((n, x) => n + x.counterSec, 0) / 3600,
  }
}

/** 12345.2 → '12,346': rounded up, so a day just over a limit never reads as at it. */
/** Whether a day's expected work is within `DAY_LIMITS`. */
export const withinDayLimits = (w: ScenarioWork): boolean =>
  w.customers <= DAY_LIMITS.customers && w.counterHours <= DAY_LIMITS.counterHours

const whole = (x: number): string => String(Math.ceil(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/**
 * A day over `DAY_LIMITS`, named at the arrival stream that brings the most of the excess (the
 * field a manager would lower), or none.
 *
 * @example
 * // 20 streams of 999 or 1,000 an hour, open 3 hours; the eighth brings the most
 * dayWorkProblems(crowd)
 * //=> [{ field: 'arrivals[7].perHour', message: "the day's arrivals add up to about 59,943 customers, more than the 3,000 a simulated day may have" }]
 */
export function dayWorkProblems(s: Scenario): WorkProblem[] {
  const work = scenarioWork(s)
  const out: WorkProblem[] = []
  const at = (by: (x: ScenarioWork['streams'][number]) => number): string => {
    let most = 0
    work.streams.forEach((x, i) => {
      if (by(x) > by(work.streams[most] as ScenarioWork['streams'][number])) most = i
    })
    return `arrivals[${most}].perHour`
  }
  if (work.customers > DAY_LIMITS.customers) {
    out.push({
      field: at((x) => x.customers),
      message: `the day's arrivals add up to about ${whole(work.customers)} customers, more than the ${whole(DAY_LIMITS.customers)} a simulated day may have`,
    })
  } else if (work.counterHours > DAY_LIMITS.counterHours) {
    out.push({
      field: at((x) => x.counterSec),
      message: `the day's customers need about ${whole(work.counterHours)} counter-hours (transactions, walking, recalls), more than the ${whole(DAY_LIMITS.counterHours)} a simulated day may have`,
    })
  }
  return out
}
