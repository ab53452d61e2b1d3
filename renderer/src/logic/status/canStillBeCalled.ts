import type { TicketStatusView } from '../../../../shared/api/views'

/**
 * Whether a call may still come to this ticket without the customer doing anything first: while
 * it waits, is being called, or is parked (a parked ticket goes back to the queue for the counter
 * that parked it). Not while served, nor once done, nor after a missed call (it must re-join at
 * the kiosk first; then it waits again). The status page offers call alerts only then.
 *
 * @example
 * canStillBeCalled('waiting') //=> true
 * canStillBeCalled('done') //=> false
 */
export function canStillBeCalled(status: TicketStatusView['status']): boolean {
  switch (status) {
    case 'waiting':
    case 'called':
    case 'parked':
      return true
    case 'serving':
    case 'noShow':
    case 'done':
      return false
  }
}
