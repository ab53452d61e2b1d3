/**
 * What a window does when its page fails: the renderer process dies, hangs, or the page cannot
 * load because the hub is unreachable. A terminal nobody looks after must come back by itself,
 * so nothing here ever gives up; repeated failures only wait longer (exponential backoff with a
 * ceiling), so a page that crashes at once does not spin the CPU.
 */

/** Why Chromium says a renderer is gone (Electron's `RenderProcessGoneDetails.reason`). */
export type GoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction'

export interface CrashRecovery {
  /** `reload` the page in the same window, or `recreate` the window (a fresh renderer). */
  readonly action: 'reload' | 'recreate'
  readonly delayMs: number
  /** Crash times within the window of memory, this one included. */
  readonly recent: readonly number[]
}

/** Crashes older than this are forgotten: a crash a day is not a crash loop. */
export const CRASH_MEMORY_MS = 10 * 60_000
export const MAX_CRASH_DELAY_MS = 60_000
const FIRST_CRASH_DELAY_MS = 250

/**
 * The recovery from a renderer that is gone. The first crash reloads at once; each further crash
 * within ten minutes waits twice as long (up to a minute). From the third crash, or when the
 * process could not start or ran out of memory, the whole window is rebuilt, because reloading
 * into a broken renderer has already failed.
 *
 * @example
 * decideCrashRecovery([], 1_000, 'crashed') //=> { action: 'reload', delayMs: 250, recent: [1000] }
 * decideCrashRecovery([1_000, 2_000], 3_000, 'crashed').action //=> 'recreate'
 */
export function decideCrashRecovery(previous: readonly number[], now: number, reason: GoneReason): CrashRecovery {
  const recent = [...previous.filter((t) => now - t < CRASH_MEMORY_MS), now]
  const n = recent.length
  const delayMs = Math.min(FIRST_CRASH_DELAY_MS * 2 ** (2 * (n - 1)), MAX_CRASH_DELAY_MS)
  const freshProcess = reason === 'launch-failed' || reason === 'oom' || reason === 'integrity-failure'
  return { action: n >= 3 || freshProcess ? 'recreate' : 'reload', delayMs, recent }
}

/** How long a renderer may stay unresponsive before main kills it (which then reloads it). */
export const HANG_GRACE_MS = 15_000

/**
 * Whether a page that stopped responding at `since` should now be killed. A heavy report can
 * block a manager's page for a few seconds; a kiosk frozen for fifteen is broken.
 *
 * @example
 * decideHang(0, 10_000) //=> 'wait'
 * decideHang(0, 15_000) //=> 'kill'
 */
export function decideHang(since: number, now: number): 'wait' | 'kill' {
  return now - since >= HANG_GRACE_MS ? 'kill' : 'wait'
}

/** Chromium's net error for a load that was superseded (a new navigation): not a failure. */
export const ERR_ABORTED = -3
export const MAX_LOAD_RETRY_MS = 30_000

/**
 * What to do when the page could not load: ignore aborted loads and sub-frames; otherwise show
 * the "waiting for the hub" page and retry after 1, 2, 4 ... up to 30 seconds. `attempt` counts
 * the failures since the page last loaded, from 1.
 *
 * @example
 * decideLoadFailure(-102, true, 1) //=> { action: 'retry', delayMs: 1000 }
 * decideLoadFailure(-3, true, 1) //=> { action: 'ignore' }
 */
export function decideLoadFailure(
  errorCode: number,
  isMainFrame: boolean,
  attempt: number,
): { readonly action: 'ignore' } | { readonly action: 'retry'; readonly delayMs: number } {
  if (!isMainFrame || errorCode === ERR_ABORTED) return { action: 'ignore' }
  return { action: 'retry', delayMs: Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_LOAD_RETRY_MS) }
}
