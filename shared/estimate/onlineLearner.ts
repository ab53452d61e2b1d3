import type { QueueEvent } from '../queue/events'
import type { WaitEstimate } from '../queue/ticket'
import { afterClosedHours, calibrateEstimate, NO_CALIBRATION, type WaitCalibration } from './calibration'
import { feedCalibration, forgetCancelled, localHour, type PendingWait } from './calibrationFeed'
import { expertVector, type PointExperts } from './pointExperts'
import {
  feedPointMix,
  lineOf,
  mixPoint,
  moveLine,
  NO_POINT_MIX,
  withMean,
  type PendingPoint,
  type PointMix,
} from './pointMix'

/**
 * What the estimator learns from today's waits as they happen, in one place for the hub and the
 * simulator: the combined mean (`pointMix`) and the range's calibration (`calibration`). It is
 * the caller's bookkeeping — mutable, like a fold's accumulator — fed every event in order
 * (`learnFrom`), asked to turn each raw estimate into the one shown (`refine`), and told what was
 * shown to each new ticket (`awaitOutcome`).
 *
 * The range's calibration starts from what recent days left; the mix starts fresh each day.
 */
export interface OnlineLearner {
  calibration: WaitCalibration
  mix: PointMix
  readonly ranges: Map<string, PendingWait>
  readonly points: Map<string, PendingPoint>
  readonly utcOffsetMin: number
}

export function onlineLearner(calibration: WaitCalibration = NO_CALIBRATION, utcOffsetMin = 480): OnlineLearner {
  return { calibration, mix: NO_POINT_MIX, ranges: new Map(), points: new Map(), utcOffsetMin }
}

/** What a raw estimate becomes for the customer, and what the predictors said (for `awaitOutcome`). */
export interface Refined {
  readonly estimate: WaitEstimate
  readonly said: readonly number[] | null
}

/**
 * The estimate shown for a ticket (or a would-be ticket) of `serviceId`: the model's, with the
 * mean combined with the other predictors (`withMean`; `present`: the projection of who is
 * already there, `presentProjection`), its range recalibrated for the service at this hour, a
 * walk-in's or (`booked`) a booked customer's who checked in on time. An estimate of "now" stays
 * "now" (a free counter is a fact, not a prediction).
 *
 * @example
 * refine(learner, 'personal', raw, experts, 380, now, false).estimate //=> { mean: 410, p10: 150, p50: 380, p90: 760 }
 */
export function refine(
  learner: OnlineLearner,
  serviceId: string,
  raw: WaitEstimate,
  experts: PointExperts | undefined,
  present: number | null,
  now: number,
  booked: boolean,
): Refined {
  let estimate = raw
  let said: number[] | null = null
  if (raw.p90 > 0 && experts !== undefined) {
    const mixed = mixPoint(learner.mix, serviceId, expertVector(raw.mean, experts, present))
    estimate = withMean(raw, mixed.mean)
    said = mixed.said
  }
  const hour = localHour(now, learner.utcOffsetMin)
  return { estimate: calibrateEstimate(learner.calibration, serviceId, hour, estimate, now, booked), said }
}

/**
 * A new ticket of `serviceId` and `priorityClassId` (`booked`: a booked customer who checked in
 * on time) was shown `shown` (its predictors having said `said`): its outcome is awaited, behind
 * the tickets of its line still awaited (issue order).
 */
export function awaitOutcome(
  learner: OnlineLearner,
  ticketId: string,
  serviceId: string,
  issuedAt: number,
  shown: WaitEstimate | null,
  said: readonly number[] | null,
  priorityClassId: string | null,
  booked: boolean,
): void {
  if (shown !== null) {
    learner.ranges.set(ticketId, {
      serviceId,
      hour: localHour(issuedAt, learner.utcOffsetMin),
      issuedAt,
      shown,
      booked,
    })
  }
  learner.points.set(ticketId, {
    serviceId,
    issuedAt,
    said: shown === null || shown.p90 <= 0 ? null : said,
    charged: [],
    line: lineOf(serviceId, priorityClassId),
    lineService: serviceId,
    lineClass: priorityClassId,
    moved: 0,
  })
}

/**
 * One event of the day, in order: a first call settles its ticket, and every event settles what
 * its time makes certain (tickets waiting past their range, or past what a predictor said). A
 * new day starts the mix afresh.
 */
export function learnFrom(learner: OnlineLearner, event: QueueEvent): void {
  if (event.type === 'dayOpened') {
    learner.calibration = afterClosedHours(learner.calibration, event.at)
    learner.mix = NO_POINT_MIX
    learner.points.clear()
    learner.ranges.clear()
  }
  const called = event.type === 'ticketCalled' ? event.ticketId : null
  learner.calibration = feedCalibration(learner.calibration, learner.ranges, called, event.at)
  learner.mix = feedPointMix(learner.mix, learner.points, called, event.at)
  // A cancelled ticket is never called: what its wait so far made certain is settled above (it
  // would have waited at least that long), and then it leaves — its wait, growing until the day
  // ends, is no one's error, and no range missed it (`forgetCancelled`). (Not counted as a call of
  // its line: the tickets it was behind did not move, and those behind it are only guessed a
  // little slower.)
  if (event.type === 'ticketCancelled') {
    learner.points.delete(event.ticketId)
    forgetCancelled(learner.ranges, event)
  }
  // A ticket that changes line while waiting keeps its place in the new one.
  if (event.type === 'priorityChanged') moveLine(learner.points, event.ticketId, { priorityClassId: event.to })
  if (event.type === 'ticketTransferred') {
    moveLine(learner.points, event.ticketId, { serviceId: event.toServiceId, toCounter: event.toCounterId !== null })
  }
}

/** Settles what the time alone makes certain, between events (an estimate asked for at `now`). */
export function learnAt(learner: OnlineLearner, now: number): void {
  learner.calibration = feedCalibration(learner.calibration, learner.ranges, null, now)
  learner.mix = feedPointMix(learner.mix, learner.points, null, now)
}
