/**
 * Limits guesses at the manager's exit PIN. A 4-digit PIN has 10,000 values; without a limit a
 * patient customer at an unattended kiosk could try them all. Two wrong PINs are free (people
 * mistype); the third in a row locks the exit for thirty seconds and each further one for twice
 * as long as the last, up to an hour. A right PIN clears the count. Kept in memory: restarting the app needs the PC's power
 * button, which the kiosk's enclosure keeps from customers.
 */
export interface PinAttempts {
  readonly failures: number
  readonly lockedUntil: number
}

export const NO_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: 0 }
export const FREE_TRIES = 3
export const FIRST_LOCK_MS = 30_000
export const MAX_LOCK_MS = 60 * 60_000

/**
 * Whether a PIN may be tried now, and if not, for how many more seconds.
 *
 * @example
 * mayTryPin({ failures: 4, lockedUntil: 60_000 }, 30_000) //=> { allowed: false, retryInSec: 30 }
 */
export function mayTryPin(
  attempts: PinAttempts,
  now: number,
): { readonly allowed: true } | { readonly allowed: false; readonly retryInSec: number } {
  if (now >= attempts.lockedUntil) return { allowed: true }
  return { allowed: false, retryInSec: Math.ceil((attempts.lockedUntil - now) / 1000) }
}

/**
 * The attempts after a PIN was checked.
 *
 * @example
 * recordPinAttempt({ failures: 2, lockedUntil: 0 }, false, 1_000) //=> { failures: 3, lockedUntil: 31_000 }
 * recordPinAttempt({ failures: 5, lockedUntil: 9 }, true, 1_000) //=> { failures: 0, lockedUntil: 0 }
 */
export function recordPinAttempt(attempts: PinAttempts, correct: boolean, now: number): PinAttempts {
  if (correct) return NO_ATTEMPTS
  const failures = attempts.failures + 1
  if (failures < FREE_TRIES) return { failures, lockedUntil: 0 }
  const lockMs = Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_TRIES), MAX_LOCK_MS)
  return { failures, lockedUntil: now + lockMs }
}
