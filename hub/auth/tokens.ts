import { createHash, randomBytes } from 'node:crypto'

/** A bearer token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored hashed: a copied database does not give working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
