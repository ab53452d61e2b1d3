import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/**
 * PINs are stored as scrypt hashes (a memory-hard KDF): `scrypt$N$r$p$salt$hash`, base64url.
 * A 4–8 digit PIN has little entropy, so the hash alone does not protect it from a stolen
 * file; the hub's rate limit and lock-out protect it on the wire.
 */
/** The scrypt cost (N) of a new hash; a hash carries its own, so verifying follows it. */
export const PIN_HASH_COST = 1 << 14
const R = 8
const P = 1
const KEY_LEN = 32

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LEN, options, (e, key) => (e ? reject(e) : resolve(key)))
  })
}

/** A new hash of a PIN; `cost` is scrypt's N (a power of two), lower only where a test makes many hubs. */
export async function hashPin(pin: string, cost = PIN_HASH_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, { N: cost, r: R, p: P })
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(pin, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * Number(n) * Number(r),
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
