import type { QueueEvent } from '../queue/events'
import { assertNever } from '../util/assertNever'

/**
 * Whether an event can lengthen the wait of a customer who takes a ticket now: someone new in
 * line or back in it, someone moved ahead, a counter gone, more work at a counter. A kiosk's
 * estimate made before such an event is too low for the next tap, which is then held to it
 * (a shown range never rises without a reason), so the hub estimates afresh before issuing.
 * Events that shorten the line or the work (calls, completions, a counter opening) leave an
 * estimate made before them on the safe side, and the next estimate brings it down. They also
 * teach the estimator (a long service completed raises the learned times; a call is scored by
 * the combined mean), which can move the next estimate either way by a little: not waited for,
 * so that a tap after a call does not wait for an estimation.
 *
 * @example
 * lengthensNewcomersWait({ type: 'ticketIssued', … }) //=> true
 * lengthensNewcomersWait({ type: 'ticketCalled', … }) //=> false
 */
export function lengthensNewcomersWait(event: QueueEvent): boolean {
  switch (event.type) {
    case 'dayOpened':
    case 'dayClosed':
    case 'ticketIssued':
    case 'ticketRejoined':
    case 'ticketTransferred':
    case 'ticketResumed':
    case 'priorityChanged':
    case 'counterPaused':
    case 'counterClosed':
    case 'transactionAdded':
      return true
    case 'ticketCalled':
    case 'ticketRecalled':
    case 'serviceStarted':
    case 'serviceCompleted':
    case 'ticketNoShow':
    case 'ticketParked':
    case 'ticketCancelled':
    case 'ticketRated':
    case 'counterOpened':
    case 'counterResumed':
    case 'delayAnnounced':
    case 'delayCleared':
      return false
    default:
      return assertNever(event, 'queue event')
  }
}

/**
 * Whether an event can give a customer taking a ticket now an estimate where there was none: a
 * counter opened or back from a pause. "No estimate" is not on the safe side the way a figure made
 * before a call is: the morning's first ticket after the first counter opens would be told "no
 * estimate yet" by the menu of a moment before, so the hub estimates afresh before issuing it.
 *
 * @example
 * givesNewcomersAFigure({ type: 'counterOpened', … }) //=> true
 */
export function givesNewcomersAFigure(event: QueueEvent): boolean {
  return event.type === 'counterOpened' || event.type === 'counterResumed'
}
