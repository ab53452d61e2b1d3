import type { PinHash } from '../../shared/desktop/terminalConfig'
import { parsePinArgument } from './ipcGuard'
import { verifyPin } from './pinHash'
import { mayTryPin, recordPinAttempt, type PinAttempts } from './pinLockout'

export type PinCheck =
  | { readonly outcome: 'correct' }
  | { readonly outcome: 'noPinSet' | 'badPin' | 'wrongPin' }
  | { readonly outcome: 'lockedOut'; readonly retryInSec: number }

/**
 * Checks a manager PIN from the page against the terminal's stored hash, under the lock-out:
 * a locked-out attempt is refused before the PIN is even looked at, a malformed one is refused
 * without counting (a bug, not a guess), and every wrong PIN counts.
 *
 * @example
 * await checkManagerPin('2468', hash, NO_ATTEMPTS, now) //=> { check: { outcome: 'correct' }, attempts: NO_ATTEMPTS }
 */
export async function checkManagerPin(
  pin: unknown,
  stored: PinHash | undefined,
  attempts: PinAttempts,
  now: number,
): Promise<{ readonly check: PinCheck; readonly attempts: PinAttempts }> {
  if (stored === undefined) return { check: { outcome: 'noPinSet' }, attempts }
  const gate = mayTryPin(attempts, now)
  if (!gate.allowed) return { check: { outcome: 'lockedOut', retryInSec: gate.retryInSec }, attempts }
  const clean = parsePinArgument(pin)
  if (clean === null) return { check: { outcome: 'badPin' }, attempts }
  const correct = await verifyPin(clean, stored)
  return { check: { outcome: correct ? 'correct' : 'wrongPin' }, attempts: recordPinAttempt(attempts, correct, now) }
}
