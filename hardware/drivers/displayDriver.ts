import { BLANK_VIEW, sameView, type DisplayView } from '../display/displayContent'
import { backoffDelay, type BackoffOptions } from '../link/backoff'
import type { Link } from '../link/link'
import { problemOf, type DeviceProblem } from './deviceProblem'
import type { DisplayWriter } from './displayWriters'

export interface DisplayHooks {
  readonly report: (problem: DeviceProblem | null) => void
}

export interface DisplaySettings {
  readonly id: string
  /** How long a blinking view blinks before the driver turns it steady; 0 = until replaced. */
  readonly blinkMs: number
  /** Longest one write (with its answer) may take before the port counts as stuck. */
  readonly jobTimeoutMs: number
  /** Retry delays after a failed write, while connected. */
  readonly retry: BackoffOptions
}

/**
 * A display holds the latest view it was asked for, not a queue of writes: a burst of calls
 * sends only the newest, a failed write is retried with backoff, and after a reconnection the
 * display is re-initialised and shown the current view. So a write error never loses a call;
 * the display just catches up with the queue, which is the source of truth.
 */
export class DisplayDriver {
  private desired: DisplayView | null = null
  /** What the device shows since the last (re)connection; null = unknown. */
  private shown: DisplayView | null = null
  private initialised = false
  private writing = false
  private failures = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private blinkTimer: ReturnType<typeof setTimeout> | null = null
  private override: DisplayView | null = null
  private overrideTimer: ReturnType<typeof setTimeout> | null = null
  private closed = false

  constructor(
    private readonly settings: DisplaySettings,
    private readonly link: Link,
    private readonly writer: DisplayWriter,
    private readonly hooks: DisplayHooks,
  ) {}

  /** Shows a view as soon as the link allows; replaces any view not yet written. */
  set(view: DisplayView): void {
    this.desired = view
    this.clearTimer('blinkTimer')
    this.flush()
  }

  get current(): DisplayView | null {
    return this.desired
  }

  /** After every (re)connection: the device may have been power-cycled, so re-initialise and redraw. */
  onConnected(): void {
    this.initialised = false
    this.shown = null
    this.failures = 0
    this.clearTimer('retryTimer')
    this.flush()
  }

  /**
   * Shows `view` for `ms` (the manager's "flash counter 3"), then the current view again.
   * Resolves when the test view is on the device, or with the problem that stopped it.
   */
  async flash(view: DisplayView, ms: number): Promise<DeviceProblem | null> {
    this.override = view
    this.clearTimer('overrideTimer')
    const problem = await this.write(view)
    this.overrideTimer = setTimeout(() => {
      this.override = null
      this.shown = null
      this.flush()
    }, ms)
    return problem
  }

  close(): void {
    this.closed = true
    for (const t of ['retryTimer', 'blinkTimer', 'overrideTimer'] as const) this.clearTimer(t)
  }

  private flush(): void {
    if (this.closed || this.writing || this.override !== null || this.retryTimer !== null || !this.link.connected)
      return
    const view = this.desired ?? (this.initialised ? null : BLANK_VIEW)
    if (view === null || sameView(view, this.shown)) return
    void this.write(view).then((problem) => {
      if (problem === null) this.afterShown(view)
    })
  }

  private async write(view: DisplayView): Promise<DeviceProblem | null> {
    this.writing = true
    try {
      await this.link.run(`show on ${this.settings.id}`, this.settings.jobTimeoutMs, async (io) => {
        if (!this.initialised) {
          await this.writer.init(io)
          this.initialised = true
        }
        await this.writer.show(io, view)
      })
      this.shown = view
      this.failures = 0
      this.hooks.report(null)
      return null
    } catch (e) {
      const problem = problemOf(e)
      if (problem === null) return { code: 'connecting', detail: 'not connected' }
      // Connected but the write failed: try again later (a lost link redraws on reconnect instead).
      this.hooks.report(problem)
      if (this.link.connected) this.scheduleRetry()
      return problem
    } finally {
      this.writing = false
      // A newer view may have arrived while this one was on the wire.
      if (this.retryTimer === null) queueMicrotask(() => this.flush())
    }
  }

  private afterShown(view: DisplayView): void {
    if (!view.blink || this.settings.blinkMs <= 0 || view !== this.desired) return
    this.clearTimer('blinkTimer')
    this.blinkTimer = setTimeout(() => {
      this.blinkTimer = null
      if (this.desired === view) this.set({ ...view, blink: false })
    }, this.settings.blinkMs)
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== null) return
    const delay = backoffDelay(this.failures, this.settings.retry)
    this.failures += 1
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.flush()
    }, delay)
  }

  private clearTimer(name: 'retryTimer' | 'blinkTimer' | 'overrideTimer'): void {
    const t = this[name]
    if (t !== null) clearTimeout(t)
    this[name] = null
  }
}
