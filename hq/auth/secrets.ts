import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * HQ's secrets at rest. Passwords: scrypt (memory-hard), `scrypt$N$r$p$salt$hash`. Bearer
 * tokens (branch tokens, sessions): 32 random bytes, kept only as a SHA-256, so a copied
 * database gives no working token.
 */
const COST = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function derive(password: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, cost, (e, key) => (e ? reject(e) : resolve(key))),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST)
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored)
  if (m === null) return false
  const expected = Buffer.from(m[5] as string, 'base64url')
  const cost = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]), maxmem: COST.maxmem }
  const key = await derive(password, Buffer.from(m[4] as string, 'base64url'), cost)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

export function newBearerToken(): string {
  return randomBytes(32).toString('base64url')
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
