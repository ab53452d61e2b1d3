import type { BranchConfig } from '../../shared/domain/branch'
import { AUTO_DELAY_ACTOR, autoDelayCommands } from '../../shared/delays/autoDelayCommands'
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
 * hub's timer since a transaction grows long without any event, it asks `autoDelayCommands`
 * (the decision the demo's simulated days make too) which explanations to announce and which to
 * clear, and submits them — as ordinary engine commands, so they are journaled, pushed to the
 * lobby and kept for the daily report like a manager's.
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
      const commands = autoDelayCommands(state, this.o.branch(), this.o.clock.now(), {
        usual: this.o.usual(),
        model: this.o.model(state),
        utcOffsetMinutes: this.o.utcOffsetMinutes(),
      })
      for (const command of commands) await this.o.host.submit(command, AUTO_DELAY_ACTOR)
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
