import type { BranchConfig } from '../../shared/domain/branch'
import { detectDelays } from '../../shared/delays/detectDelays'
import type { UsualPattern } from '../../shared/delays/usualPattern'
import type { LearnedServiceTimes } from '../../shared/estimate/learnServiceTimes'
import type { QueueState } from '../../shared/queue/state'
import type { Clock } from '../clock'
import type { QueueHost } from '../queue/queueHost'

export interface AutoDelaysOptions {
  readonly host: QueueHost
  readonly branch: () => BranchConfig
  readonly clock: Clock
  readonly usual: () => UsualPattern | null
  /** The branch's UTC offset: the counters' planned hours are in its civil time. */
  readonly utcOffsetMinutes: () => number
  readonly model: (state: QueueState) => LearnedServiceTimes | null
  readonly onError?: (e: unknown) => void
}

/**
 * Explains delays by itself (rule 5: unexplained waits feel longest): after events, and on the
 * hub's timer since a transaction grows long without any event, it asks `detectDelays` which
 * automatic explanations should be shown, and announces the new ones and clears the ones whose
 * cause has passed — as ordinary engine commands, so they are journaled, pushed to the lobby
 * and kept for the daily report like a manager's.
 */
export class AutoDelays {
  private timer: ReturnType<typeof setTimeout> | null = null
  private running = false
  private readonly unsubscribe: () => void

  constructor(private readonly o: AutoDelaysOptions) {
    this.unsubscribe = o.host.subscribe(() => this.schedule())
  }

  async reconcile(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      const state = this.o.host.current
      if (state.day === null) return
      const now = this.o.clock.now()
      const wanted = detectDelays(state, this.o.branch(), now, {
        usual: this.o.usual(),
        model: this.o.model(state),
        utcOffsetMinutes: this.o.utcOffsetMinutes(),
      })
      const active = Object.values(state.delays).filter((d) => d.source === 'automatic' && d.endedAt === null)
      const actor = { kind: 'system', reason: 'automatic delay explanation' } as const
      for (const d of active) {
        if (!wanted.some((w) => w.delayId === d.id))
          await this.o.host.submit({ type: 'clearDelay', delayId: d.id }, actor)
      }
      for (const w of wanted) {
        if (active.some((d) => d.id === w.delayId)) continue
        await this.o.host.submit(
          {
            type: 'announceDelay',
            delayId: w.delayId,
            scope: w.scope,
            source: 'automatic',
            kind: w.kind,
            message: w.message,
          },
          actor,
        )
      }
    } finally {
      this.running = false
    }
  }

  close(): void {
    this.unsubscribe()
    if (this.timer !== null) clearTimeout(this.timer)
  }

  /** At most once a second: explanations are for people, not for every tap. */
  private schedule(): void {
    if (this.timer !== null) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.reconcile().catch((e: unknown) => this.o.onError?.(e))
    }, 1000)
  }
}
