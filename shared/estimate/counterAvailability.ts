import type { BranchConfig } from '../domain/branch'
import type { CounterId, PriorityClassId, ServiceId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import { pointShape, residualShape, type TimeShape } from './firstCallTime'
import { occupancyAt, type LearnedServiceTimes } from './learnServiceTimes'

/**
 * Expected arrivals of one kind of customer (for the ones who will overtake): a rate, from
 * `from` until `until` (epoch ms; absent or null: from now, and for as long as it matters).
 * Several windows of the same kind make a rate that changes through the day.
 */
export interface ArrivalRate {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly perHour: number
  readonly from?: number | null
  readonly until?: number | null
  /**
   * How many arrivals the rate's estimate rests on (its uncertainty: relative sd 1/√evidence);
   * absent for a rate known exactly.
   */
  readonly evidence?: number
}

/** A counter's planned staffing today (epoch ms): open from `openAt` until `closeAt` (null: all day). */
export interface CounterPlan {
  readonly counterId: CounterId
  readonly openAt: number
  readonly closeAt: number | null
}

/** When a counter can next call, and until when it keeps calling; null for a counter that will not. */
export interface CounterAvailability {
  readonly first: TimeShape
  /** Seconds from now; Infinity when not due to close. */
  readonly closeAt: number
}

const SEC = 1000
/** A pause's remaining length is taken as a gamma time with this squared coefficient of variation. */
const PAUSE_SCV = 0.5

function planFor(schedule: readonly CounterPlan[], id: CounterId, now: number): CounterPlan | undefined {
  // the interval containing now, else the next one to start
  let next: CounterPlan | undefined
  for (const p of schedule) {
    if (p.counterId !== id) continue
    if (p.openAt <= now && (p.closeAt === null || p.closeAt > now)) return p
    if (p.openAt > now && (next === undefined || p.openAt < next.openAt)) next = p
  }
  return next
}

/**
 * For every counter of the branch, in configuration order, when it will make its next call:
 * an idle counter now; a busy one when its current call ends (a residual of the learned
 * occupancy given how long it has run); a paused one when the pause is likely over; a closed
 * one at its planned opening, if the plan has one. A counter planned to close stops calling then.
 *
 * @example
 * counterAvailability(state, branch, model, now, [])[0] //=> { first: pointShape(0), closeAt: Infinity } (idle)
 */
export function counterAvailability(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  now: number,
  schedule: readonly CounterPlan[],
  openTickets: ReadonlyMap<string, Ticket>,
): (CounterAvailability | null)[] {
  return branch.counters.map((counter) => {
    const live = state.counters[counter.id]
    const status = live?.status ?? 'closed'
    const plan = planFor(schedule, counter.id, now)
    const closeAt = plan === undefined || plan.closeAt === null ? Number.POSITIVE_INFINITY : (plan.closeAt - now) / SEC
    if (closeAt <= 0) return null
    switch (status) {
      case 'idle':
        return { first: pointShape(0), closeAt }
      case 'calling':
      case 'serving': {
        const ticket = live?.ticketId == null ? undefined : openTickets.get(live.ticketId)
        const visit = ticket?.visits[ticket.visits.length - 1]
        if (ticket === undefined || visit === undefined) return { first: pointShape(0), closeAt }
        const elapsed = Math.max(0, (now - visit.calledAt) / SEC)
        if (status === 'calling' && visit.recalls > 0) {
          // Nobody came to the first call: most likely a no-show, costing what is left of the recalls.
          const recall = model.noShow[visit.serviceId]?.recallSec ?? 60
          return { first: pointShape(Math.max(1, recall - elapsed)), closeAt }
        }
        const occ = occupancyAt(model, visit.serviceId, counter.id)
        return { first: residualShape(occ.meanSec, occ.scv, occ.family, elapsed), closeAt }
      }
      case 'paused': {
        const code = live?.pauseReason?.code ?? 'other'
        const mean = model.pauseSec[code]
        const since = Math.max(0, (now - (live?.since ?? now)) / SEC)
        return { first: residualShape(mean, PAUSE_SCV, 'gamma', since), closeAt }
      }
      case 'closed': {
        if (plan === undefined || plan.openAt <= now) return null
        return { first: pointShape((plan.openAt - now) / SEC), closeAt }
      }
    }
  })
}
