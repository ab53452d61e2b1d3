/**
 * Waits until `check` returns a value other than undefined/false, polling; for conditions on
 * real devices over real PTYs, where timing on a loaded machine is not predictable. The
 * timeout is generous on purpose: it only decides how long a failing test takes.
 */
export async function waitFor<T>(
  check: () => T | undefined | false | null,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value !== undefined && value !== false && value !== null) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
