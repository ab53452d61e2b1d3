import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const PROBE_MS = 5

/**
 * The longest stretch of the main thread's own work between two turns of its event loop. A
 * probe timer notes each turn that came late, and how much CPU the main thread itself used
 * meanwhile (Linux: `/proc/thread-self/stat`, in 10 ms ticks). On a PC busy with other
 * processes the loop also comes late because the thread was not scheduled (late, with no CPU
 * of its own): `monitorEventLoopDelay` counts both, this only the hub's own work. Null where
 * the thread's CPU cannot be read.
 */
export class MainThreadHolds {
  private longestMs = 0
  private timer: ReturnType<typeof setInterval> | null = null

  start(): void {
    if (cpuMs() === null) return
    let at = performance.now()
    let used = cpuMs() ?? 0
    this.timer = setInterval(() => {
      const now = performance.now()
      const cpu = cpuMs() ?? used
      // A turn on time used at most its own few milliseconds; a late one, what held it.
      if (now - at > 2 * PROBE_MS) this.longestMs = Math.max(this.longestMs, cpu - used)
      at = now
      used = cpu
    }, PROBE_MS)
  }

  /** The longest own stretch seen, in ms (to the 10 ms tick); null where it cannot be measured. */
  stop(): number | null {
    if (this.timer === null) return null
    clearInterval(this.timer)
    return this.longestMs
  }
}

/** This thread's user + system CPU so far, in ms; null off Linux. */
function cpuMs(): number | null {
  try {
    const fields = readFileSync(`/proc/thread-self/stat`, 'utf8').split(') ')[1]?.split(' ')
    return (Number(fields?.[11]) + Number(fields?.[12])) * 10
  } catch {
    return null
  }
}
