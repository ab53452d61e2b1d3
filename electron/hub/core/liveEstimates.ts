import type { EstimatesView } from '../../../shared/api/views'
import type { Clock } from './clock'
import type { WaitEstimator } from './estimator'
import type { QueueHost } from './queueHost'

/**
 * Keeps the estimates of the live queue fresh without computing them once per event in a
 * burst: events mark them stale, and they are recomputed once per turn of the event loop,
 * after the commands of that turn have been acknowledged.
 */
export class LiveEstimates {
  private latest: EstimatesView | null = null
  private scheduled = false
  private readonly listeners = new Set<(e: EstimatesView) => void>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly host: QueueHost,
    private readonly estimator: WaitEstimator,
    private readonly clock: Clock,
  ) {
    this.unsubscribe = host.subscribe(() => this.schedule())
    this.recompute()
  }

  current(): EstimatesView | null {
    if (this.latest === null || this.latest.seq !== this.host.current.lastSeq) this.recompute()
    return this.latest
  }

  /** Recompute now (a timer calls this too, since estimates age while nothing happens). */
  recompute(): EstimatesView {
    const state = this.host.current
    this.latest = { seq: state.lastSeq, ...this.estimator.all(state, this.clock.now()) }
    for (const l of this.listeners) l(this.latest)
    return this.latest
  }

  onChange(listener: (e: EstimatesView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.unsubscribe()
    this.listeners.clear()
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.recompute()
    })
  }
}
