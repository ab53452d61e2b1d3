import type { EstimatesView, ShownWait } from '../../../shared/api/views'
import type { BranchConfig } from '../../../shared/domain/branch'
import type { CounterId } from '../../../shared/domain/ids'
import type { QueueState } from '../../../shared/queue/state'
import type { Ticket } from '../../../shared/queue/ticket'
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
  /** What each ticket was last shown, so the shown range never jumps up unexplained. */
  private shownBefore = new Map<string, ShownWait>()
  private scheduled = false
  private readonly listeners = new Set<(e: EstimatesView) => void>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly host: QueueHost,
    private readonly estimator: WaitEstimator,
    private readonly clock: Clock,
    private readonly branch: () => BranchConfig,
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
    const raw = this.estimator.all(state, this.clock.now())
    const shownTickets: Record<string, ShownWait> = {}
    const next = new Map<string, ShownWait>()
    for (const t of state.open) {
      const estimate = raw.tickets[t.id]
      if (t.status !== 'waiting' || estimate === undefined) continue
      const shown = this.estimator.shown(
        estimate,
        this.shownBefore.get(t.id) ?? null,
        explained(state, this.branch(), t),
      )
      shownTickets[t.id] = shown
      next.set(t.id, shown)
    }
    this.shownBefore = next
    const shownNew = Object.fromEntries(
      Object.entries(raw.newTicket).map(([service, byClass]) => [
        service,
        Object.fromEntries(Object.entries(byClass).map(([cls, e]) => [cls, this.estimator.shown(e, null, true)])),
      ]),
    )
    this.latest = { seq: state.lastSeq, ...raw, shown: { tickets: shownTickets, newTicket: shownNew } }
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

  /** The shown range of one ticket, for the receipt and the status page. */
  shownFor(ticketId: string): ShownWait | null {
    return this.current()?.shown.tickets[ticketId] ?? null
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

/** A delay explanation in force for the branch, the ticket's service, or a counter serving it. */
function explained(state: QueueState, branch: BranchConfig, t: Ticket): boolean {
  return Object.values(state.delays).some(
    (d) =>
      d.endedAt === null &&
      (d.scope.kind === 'branch' ||
        (d.scope.kind === 'service' && d.scope.serviceId === t.serviceId) ||
        (d.scope.kind === 'counter' && servesTicket(branch, d.scope.counterId, t))),
  )
}

function servesTicket(branch: BranchConfig, counterId: CounterId, t: Ticket): boolean {
  return branch.counters.find((c) => c.id === counterId)?.services.includes(t.serviceId) ?? false
}
