/**
 * Lock-out after failed PINs: five failures for a staff id lock it for a minute, doubling with
 * each further failure (capped at an hour). A 4-digit PIN then takes months to guess.
 */
export class SignInGuard {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>()

  constructor(
    private readonly freeAttempts = 5,
    private readonly baseLockMs = 60_000,
  ) {}

  /** Milliseconds until the id may try again (0 = now). */
  lockedFor(staffId: string, now: number): number {
    const f = this.failures.get(staffId)
    return f === undefined ? 0 : Math.max(0, f.lockedUntil - now)
  }

  fail(staffId: string, now: number): void {
    const f = this.failures.get(staffId) ?? { count: 0, lockedUntil: 0 }
    const count = f.count + 1
    const over = count - this.freeAttempts
    const lockedUntil = over < 0 ? 0 : now + Math.min(3600_000, this.baseLockMs * 2 ** over)
    this.failures.set(staffId, { count, lockedUntil })
  }

  succeed(staffId: string): void {
    this.failures.delete(staffId)
  }
}
