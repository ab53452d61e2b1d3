import type { ShownWait } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import { displayWait } from '../../shared/estimate/displayWait'
import { learnServiceTimes, type LearnedServiceTimes } from '../../shared/estimate/learnServiceTimes'
import {
  addTicketToStats,
  emptyServiceTimeStats,
  type ServiceTimeStats,
} from '../../shared/estimate/serviceTimeStats'
import type { QueueState } from '../../shared/queue/state'
import type { Ticket } from '../../shared/queue/ticket'
import type { BranchKnowledge } from './branchKnowledge'
import { estimationJob } from './estimationJob'
import { EstimationThread } from './estimationThread'
import type { WaitEstimator } from './estimator'

/** The estimator, and the service-time model it learned (the automatic delays use it too). */
export interface BranchEstimator extends WaitEstimator {
  model(state: QueueState): LearnedServiceTimes
  close(): Promise<void>
}

/**
 * The hub's wait estimator: the shared estimator (`shared/estimate`, see docs/estimation.md) fed
 * with service times learned from recent days and today, and the arrivals to expect from the
 * usual day and the last hour. It runs on its own thread; today's statistics grow here as
 * tickets finish, never recounted.
 */
export function createBranchEstimator(branch: () => BranchConfig, knowledge: () => BranchKnowledge): BranchEstimator {
  let today: ServiceTimeStats | null = null
  let counted = 0
  let cachedModel: { key: string; model: LearnedServiceTimes } | null = null
  const thread = new EstimationThread()

  const model = (state: QueueState): LearnedServiceTimes => {
    const day = state.day ?? state.lastClosedDay ?? ''
    if (today === null || today.day !== day || counted > state.done.length) {
      today = emptyServiceTimeStats(day)
      counted = 0
    }
    for (; counted < state.done.length; counted++) today = addTicketToStats(today, state.done[counted] as Ticket)
    const k = knowledge()
    const key = `${day}:${counted}:${k.serviceTimes.length}`
    if (cachedModel?.key !== key) cachedModel = { key, model: learnServiceTimes(branch(), k.serviceTimes, today) }
    return cachedModel.model
  }

  return {
    model,
    all: (state, now) => thread.run(estimationJob(state, branch(), model(state), knowledge().usual, now)),
    shown: (estimate, previous, now, explained): ShownWait =>
      displayWait(estimate, previous === null ? null : { display: previous.shown, at: previous.since }, now, explained),
    close: () => thread.close(),
  }
}
