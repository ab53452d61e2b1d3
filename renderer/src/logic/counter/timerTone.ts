import type { TransactionClock } from '../../../../shared/queue/transactionClock'

/** How the transaction timer is coloured: calm while within, amber near, a muted rust past it. */
export type TimerTone = 'normal' | 'nearing' | 'over'

/** From this share of the standard on, the timer says the standard is near. */
export const NEARING_RATIO = 0.8

/**
 * The tone of a running transaction against its service's standard. Changes of colour are the
 * whole signal: no flashing, no sound (a teller with a customer in front of them must not be
 * startled, and neither must the customer).
 *
 * @example
 * timerTone({ elapsedSec: 50, standardSec: 60, overStandard: false, ratio: 0.83 }) //=> 'nearing'
 */
export function timerTone(clock: TransactionClock): TimerTone {
  if (clock.overStandard) return 'over'
  return clock.ratio >= NEARING_RATIO ? 'nearing' : 'normal'
}
