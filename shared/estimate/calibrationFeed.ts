import type { WaitEstimate } from '../queue/ticket'
import type { QueueEvent } from '../queue/events'
import { afterClosedHours, NO_CALIBRATION, observeWait, type WaitCalibration } from './calibration'

/** A range shown to a ticket at issue whose outcome is not known yet. */
export interface PendingWait {
  readonly serviceId: string
  /** Local hour of the day the range was shown in (its calibration cell). */
  readonly hour: number
  /** Epoch ms. */
  readonly issuedAt: number
  readonly shown: WaitEstimate
  /** A booked customer who checked in on time (their own parts of the calibration). */
  readonly booked: boolean
}

/**
 * Feeds the calibration with what is known at `now`: the ticket just called for the first time
 * (`calledId`, its wait now complete), and every ticket still waiting past the high end of its
 * range — a miss known before the call, which lets the calibration react while the queue is
 * still growing rather than an hour later. Each pending range is used once and then dropped from
 * `pending` (the one mutable thing here: the caller's bookkeeping of ranges awaiting an outcome).
 *
 * @example
 * cal = feedCalibration(cal, pending, event.type === 'ticketCalled' ? event.ticketId : null, event.at)
 */
export function feedCalibration(
  calibration: WaitCalibration,
  pending: Map<string, PendingWait>,
  calledId: string | null,
  now: number,
): WaitCalibration {
  let c = calibration
  if (calledId !== null) {
    const p = pending.get(calledId)
    if (p !== undefined) {
      c = observeWait(c, p.serviceId, p.hour, p.shown, (now - p.issuedAt) / 1000, now, p.booked)
      pending.delete(calledId)
    }
  }
  for (const [id, p] of pending) {
    const waited = (now - p.issuedAt) / 1000
    if (waited <= p.shown.p90) continue
    c = observeWait(c, p.serviceId, p.hour, p.shown, waited, now, p.booked)
    pending.delete(id)
  }
  return c
}

/** The local hour of the day (0–23) of an instant, for a clock `utcOffsetMin` minutes east of UTC. */
export function localHour(at: number, utcOffsetMin: number): number {
  return Math.floor(((((at / 60_000 + utcOffsetMin) % 1440) + 1440) % 1440) / 60)
}

/**
 * The calibration recent days leave, rebuilt from their journals: every range shown at issue
 * (`ticketIssued.estimate`) against the first call that followed, in the order they happened.
 * The hub calls it on the days before today, so nothing but the journals has to be kept.
 *
 * @example
 * learnCalibration([mondayEvents, tuesdayEvents], 480).cells['s:personal|h:10'] //=> { lo: 0.04, hi: 0.21, n: 57 }
 */
export function learnCalibration(
  days: readonly (readonly QueueEvent[])[],
  utcOffsetMin: number,
  start: WaitCalibration = NO_CALIBRATION,
): WaitCalibration {
  let c = start
  for (const events of days) {
    const pending = new Map<string, PendingWait>()
    for (const e of events) c = feedEvent(c, pending, e, utcOffsetMin)
  }
  return c
}

/**
 * One journaled event into the calibration: a ticket issued with a range starts waiting for its
 * outcome; any event then settles what is known by its time (`feedCalibration`).
 */
export function feedEvent(
  calibration: WaitCalibration,
  pending: Map<string, PendingWait>,
  e: QueueEvent,
  utcOffsetMin: number,
): WaitCalibration {
  if (e.type === 'ticketIssued' && e.estimate !== null) {
    pending.set(e.ticketId, {
      serviceId: e.serviceId,
      hour: localHour(e.at, utcOffsetMin),
      issuedAt: e.at,
      shown: e.estimate,
      booked: e.appointmentAt !== null,
    })
  }
  // A new day's calibration is as the last open hours left it (`afterClosedHours`).
  const start = e.type === 'dayOpened' ? afterClosedHours(calibration, e.at) : calibration
  const c = feedCalibration(start, pending, e.type === 'ticketCalled' ? e.ticketId : null, e.at)
  forgetCancelled(pending, e)
  return c
}

/**
 * A ticket cancelled before its first call leaves the ranges awaiting an outcome, once what its
 * time made certain is settled (waiting past its range's high end before it left was a miss).
 * Kept, it counted as a miss when its time since issue passed the high end, hours after the
 * customer had gone, and widened the service's ranges for nothing.
 */
export function forgetCancelled(pending: Map<string, PendingWait>, e: QueueEvent): void {
  if (e.type === 'ticketCancelled') pending.delete(e.ticketId)
}
