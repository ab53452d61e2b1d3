import type { Principal } from './principal'
import { newToken } from './tokens'

/**
 * Signed-in tellers and managers, in memory: a hub restart signs everybody out (their
 * counters stay as they were in the queue). Sessions last a working day.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Principal>()

  constructor(private readonly ttlMs = 12 * 3600_000) {}

  create(p: Omit<Principal, 'token' | 'expiresAt'>, now: number): Principal {
    const session: Principal = { ...p, token: newToken(), expiresAt: now + this.ttlMs }
    this.sessions.set(session.token, session)
    return session
  }

  get(token: string, now: number): Principal | undefined {
    const s = this.sessions.get(token)
    if (s === undefined) return undefined
    if (s.expiresAt !== null && s.expiresAt <= now) {
      this.sessions.delete(token)
      return undefined
    }
    return s
  }

  delete(token: string): void {
    this.sessions.delete(token)
  }
}
