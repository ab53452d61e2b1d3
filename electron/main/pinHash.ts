import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { PinHash } from '../../shared/desktop/terminalConfig'

/**
 * The manager's exit PIN is kept in the terminal configuration as a salted scrypt hash,
 * `scrypt$N$r$p$salt$hash` (base64url), the same format the hub uses for staff PINs. The clear
 * PIN never touches the disk. A short PIN has little entropy, so the real protection is that the
 * hash never leaves main (the bridge reports only whether a PIN is set) and `pinLockout` limits
 * guesses.
 */
const N = 1 << 14
const R = 8
const P = 1
const KEY_LENGTH = 32

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/**
 * A new salted hash of a PIN.
 *
 * @example
 * await hashPin('2468') //=> 'scrypt$16384$8$1$<salt>$<hash>'
 */
export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/**
 * Whether a PIN matches a stored hash, in constant time. A malformed hash matches nothing.
 *
 * @example
 * await verifyPin('2468', await hashPin('2468')) //=> true
 */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, salt = '', hash = ''] = parts
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  // Refuse parameters that are not what this module writes: a tampered file must not be able to
  // make main spend minutes or gigabytes on one check.
  if (cost.N !== N || cost.r !== R || cost.p !== P) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(pin, Buffer.from(salt, 'base64url'), cost)
  return key.length === expected.length && timingSafeEqual(key, expected)
}
