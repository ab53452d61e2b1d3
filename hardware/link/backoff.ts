export interface BackoffOptions {
  /** Delay before the first retry after a failure. */
  readonly initialMs: number
  /** The delay never grows past this, so a device plugged back in is found within it. */
  readonly maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 10_000 }

/**
 * The delay before retry number `attempt` (0-based): doubling from `initialMs` up to `maxMs`.
 * No jitter: a branch has a handful of ports, not a fleet that could stampede a server.
 *
 * @example
 * backoffDelay(0, { initialMs: 500, maxMs: 10_000 }) //=> 500
 * backoffDelay(3, { initialMs: 500, maxMs: 10_000 }) //=> 4000
 * backoffDelay(9, { initialMs: 500, maxMs: 10_000 }) //=> 10000
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30))
}
