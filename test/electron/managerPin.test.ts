import { describe, expect, it } from 'vitest'
import { checkManagerPin } from '../../electron/main/managerPin'
import { hashPin, verifyPin } from '../../electron/main/pinHash'
import { FIRST_LOCK_MS, MAX_LOCK_MS, NO_ATTEMPTS, mayTryPin, recordPinAttempt } from '../../electron/main/pinLockout'

describe('pinLockout', () => {
  it('lets two wrong PINs pass, then locks for 30 s, doubling up to an hour', () => {
    let attempts = NO_ATTEMPTS
    const locks: number[] = []
    for (let i = 0; i < 12; i++) {
      attempts = recordPinAttempt(attempts, false, 0)
      locks.push(attempts.lockedUntil)
    }
    expect(locks.slice(0, 6)).toEqual([0, 0, FIRST_LOCK_MS, 2 * FIRST_LOCK_MS, 4 * FIRST_LOCK_MS, 8 * FIRST_LOCK_MS])
    expect(locks.at(-1)).toBe(MAX_LOCK_MS)
  })

  it('says how long is left and clears on a right PIN', () => {
    const locked = { failures: 3, lockedUntil: 40_000 }
    expect(mayTryPin(locked, 10_001)).toEqual({ allowed: false, retryInSec: 30 })
    expect(mayTryPin(locked, 40_000)).toEqual({ allowed: true })
    expect(recordPinAttempt(locked, true, 41_000)).toEqual(NO_ATTEMPTS)
  })
})

describe('pinHash', () => {
  it('verifies the PIN it hashed, and nothing else', async () => {
    const stored = await hashPin('2468')
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPin('2468', stored)).toBe(true)
    expect(await verifyPin('2469', stored)).toBe(false)
    expect(await verifyPin('246', stored)).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPin('2468')).not.toBe(await hashPin('2468'))
  })

  it('rejects malformed hashes and costs it did not write', async () => {
    const stored = await hashPin('2468')
    expect(await verifyPin('2468', 'plain-2468')).toBe(false)
    expect(await verifyPin('2468', stored.replace('$16384$', '$1048576$'))).toBe(false)
  })
})

describe('checkManagerPin', () => {
  it('accepts the right PIN and counts wrong ones', async () => {
    const stored = await hashPin('2468')
    const right = await checkManagerPin('2468', stored, NO_ATTEMPTS, 0)
    expect(right).toEqual({ check: { outcome: 'correct' }, attempts: NO_ATTEMPTS })
    const wrong = await checkManagerPin('1111', stored, NO_ATTEMPTS, 0)
    expect(wrong).toEqual({ check: { outcome: 'wrongPin' }, attempts: { failures: 1, lockedUntil: 0 } })
  })

  it('refuses while locked out, before looking at the PIN', async () => {
    const stored = await hashPin('2468')
    const r = await checkManagerPin('2468', stored, { failures: 3, lockedUntil: 30_000 }, 1_000)
    expect(r).toEqual({
      check: { outcome: 'lockedOut', retryInSec: 29 },
      attempts: { failures: 3, lockedUntil: 30_000 },
    })
  })

  it('refuses malformed PINs without counting them, and says when no PIN is set', async () => {
    const stored = await hashPin('2468')
    for (const pin of [undefined, 2468, '24', '2468\n', ['2468']]) {
      expect(await checkManagerPin(pin, stored, NO_ATTEMPTS, 0)).toEqual({
        check: { outcome: 'badPin' },
        attempts: NO_ATTEMPTS,
      })
    }
    expect((await checkManagerPin('2468', undefined, NO_ATTEMPTS, 0)).check).toEqual({ outcome: 'noPinSet' })
  })
})
