import type { ShownWait } from '../../../shared/api/views'
import type { BranchConfig } from '../../../shared/domain/branch'
import { displayWait } from '../../../shared/estimate/displayWait'
import { learnServiceTimes, type LearnedServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import {
  addTicketToStats,
  emptyServiceTimeStats,
  type ServiceTimeStats,
} from '../../../shared/estimate/serviceTimeStats'
import type { QueueState } from '../../../shared/queue/state'
import type { Ticket } from '../../../shared/queue/ticket'
import { calibrateEstimate, NO_CALIBRATION, type WaitCalibration } from '../../../shared/estimate/calibration'
import { feedCalibration, feedEvent, localHour, type PendingWait } from '../../../shared/estimate/calibrationFeed'
import type { BranchKnowledge } from './branchKnowledge'
import { estimationJob, type RawEstimates } from './estimationJob'
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
 * tickets finish, never recounted. Its 80 % ranges are recalibrated by service and hour
 * (`shared/estimate/calibration`), learning from the recent days' journals and from every range
 * shown today against the call that followed (fed through `observe`).
 */
export function createBranchEstimator(branch: () => BranchConfig, knowledge: () => BranchKnowledge): BranchEstimator {
  let today: ServiceTimeStats | null = null
  let counted = 0
  let cachedModel: { key: string; model: LearnedServiceTimes } | null = null
  const thread = new EstimationThread()
  // The range's calibration: from the recent days' journals, then fed by today's events.
  let calibrationFrom: BranchKnowledge | null = null
  let calibration: WaitCalibration = NO_CALIBRATION
  const pending = new Map<string, PendingWait>()
  const currentCalibration = (): WaitCalibration => {
    const k = knowledge()
    if (calibrationFrom !== k) {
      calibrationFrom = k
      calibration = k.calibration
      pending.clear()
    }
    return calibration
  }

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
    all: async (state, now) => {
      const raw = await thread.run(estimationJob(state, branch(), model(state), knowledge().usual, now))
      calibration = feedCalibration(currentCalibration(), pending, null, now)
      return calibrateRaw(raw, state, calibration, localHour(now, knowledge().utcOffsetMin))
    },
    observe: (event) => {
      calibration = feedEvent(currentCalibration(), pending, event, knowledge().utcOffsetMin)
    },
    shown: (estimate, previous, now, explained): ShownWait =>
      displayWait(estimate, previous === null ? null : { display: previous.shown, at: previous.since }, now, explained),
    close: () => thread.close(),
  }
}

/** Every waiting ticket's and every would-be ticket's range, recalibrated for its service at this hour. */
function calibrateRaw(raw: RawEstimates, state: QueueState, c: WaitCalibration, hour: number): RawEstimates {
  const serviceOf = new Map(state.open.map((t) => [t.id as string, t.serviceId as string]))
  const tickets = Object.fromEntries(
    Object.entries(raw.tickets).map(([id, e]) => {
      const service = serviceOf.get(id)
      return [id, service === undefined ? e : calibrateEstimate(c, service, hour, e)]
    }),
  )
  const newTicket = Object.fromEntries(
    Object.entries(raw.newTicket).map(([service, byClass]) => [
      service,
      Object.fromEntries(Object.entries(byClass).map(([cls, e]) => [cls, calibrateEstimate(c, service, hour, e)])),
    ]),
  )
  return { ...raw, tickets, newTicket }
}
