import type { Principal } from './principal'
import { newToken } from './tokens'

/**
 * Signed-in tellers and managers, in memory: a hub restart signs everybody out (their
 * counters stay as they were in the queue). Sessions last a working day.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Principal>()
  private readonly ended = new Set<(token: string) => void>()

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

  /** Signs a session out; its live channel is closed at once (`onEnd`). */
  delete(token: string): void {
    if (this.sessions.delete(token)) for (const listener of this.ended) listener(token)
  }

  /** Told of each session signed out. */
  onEnd(listener: (token: string) => void): () => void {
    this.ended.add(listener)
    return () => this.ended.delete(listener)
  }
}
