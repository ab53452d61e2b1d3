import type { ShownWait } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import type { PriorityClassId, ServiceId } from '../../shared/domain/ids'
import { displayWait } from '../../shared/estimate/displayWait'
import { addPauseEvent, NO_PAUSES } from '../../shared/estimate/pauseLengths'
import { learnServiceTimes, type LearnedServiceTimes } from '../../shared/estimate/learnServiceTimes'
import {
  awaitOutcome,
  learnAt,
  learnFrom,
  onlineLearner,
  refine,
  type OnlineLearner,
} from '../../shared/estimate/onlineLearner'
import { pointExperts, type PointExperts, type WouldBe } from '../../shared/estimate/pointExperts'
import {
  addFirstCall,
  addTicketToStats,
  emptyServiceTimeStats,
  type ServiceTimeStats,
} from '../../shared/estimate/serviceTimeStats'
import type { QueueState } from '../../shared/queue/state'
import type { QueueEvent } from '../../shared/queue/events'
import type { Ticket, WaitEstimate } from '../../shared/queue/ticket'
import type { BranchKnowledge } from './branchKnowledge'
import { estimationJob, type RawEstimates, type ThreadEstimates } from './estimationJob'
import { doorsClose, type BranchCalendar } from '../../shared/domain/branchCalendar'
import { EstimationThread } from './estimationThread'
import type { WaitEstimator } from './estimator'

/** The estimator, and the service-time model it learned (the automatic delays use it too). */
export interface BranchEstimator extends WaitEstimator {
  /** It learns from every event (`OnlineLearner`). */
  observe(event: QueueEvent): void
  model(state: QueueState): LearnedServiceTimes
  close(): Promise<void>
}

/**
 * The hub's wait estimator: the shared estimator (`shared/estimate`, see docs/estimation.md) fed
 * with service times learned from recent days and today, and the arrivals to expect from the
 * usual day and the last hour. It runs on its own thread; today's statistics grow here as
 * tickets finish, never recounted. What is learned from today's waits as they happen — the mean
 * combined with the queue's delay history, the range's calibration by service and hour — is the
 * shared `OnlineLearner`, fed every event through `observe`; the calibration starts from what the
 * recent days' journals left.
 */
export function createBranchEstimator(
  branch: () => BranchConfig,
  knowledge: () => BranchKnowledge,
  /** Holidays, working weekends and opening hours: no newcomers expected after today's close. */
  calendar: () => BranchCalendar,
  /**
   * Where a problem of the estimation thread is logged: its file missing, or a thread that broke
   * its protocol (estimation then runs inline).
   */
  onProblem: (message: string) => void,
): BranchEstimator {
  let today: ServiceTimeStats | null = null
  let counted = 0
  // Today's pauses, from the counter events as they come (the state keeps only the current one).
  let pauses = NO_PAUSES
  let cachedModel: { key: string; model: LearnedServiceTimes } | null = null
  const thread = new EstimationThread({ onProblem })
  let learnerFrom: BranchKnowledge | null = null
  let learner: OnlineLearner = onlineLearner()
  // What the predictors said for a ticket of each service and class taken now, at the last
  // estimate: the kiosk showed that estimate to the ticket issued next.
  let kioskSaid = new Map<string, readonly number[] | null>()
  const currentLearner = (): OnlineLearner => {
    const k = knowledge()
    if (learnerFrom !== k) {
      learnerFrom = k
      learner = onlineLearner(k.calibration, k.utcOffsetMin)
    }
    return learner
  }

  const model = (state: QueueState): LearnedServiceTimes => {
    const day = state.day ?? state.lastClosedDay ?? ''
    if (today === null || today.day !== day || counted > state.done.length) {
      today = emptyServiceTimeStats(day)
      counted = 0
    }
    for (; counted < state.done.length; counted++) today = addTicketToStats(today, state.done[counted] as Ticket)
    // Missed first calls stay open (the customer may re-join), but say at once that they had left.
    let withMissed: ServiceTimeStats = { ...today, pauses: pauses.sums }
    let missed = 0
    for (const t of state.open) {
      if (t.visits[0]?.outcome === 'noShow') {
        withMissed = addFirstCall(withMissed, t)
        missed++
      }
    }
    const k = knowledge()
    // Each counter's pace is its teller's: who sits where is part of the model.
    const staffing: Record<string, string | null> = {}
    for (const c of Object.values(state.counters)) staffing[c.id] = c.status === 'closed' ? null : c.staffId
    const seats = Object.entries(staffing)
      .map(([c, t]) => `${c}=${t ?? ''}`)
      .join(',')
    const key = `${day}:${counted}:${missed}:${pauses.counted}:${k.serviceTimes.length}:${seats}`
    if (cachedModel?.key !== key)
      cachedModel = { key, model: learnServiceTimes(branch(), k.serviceTimes, withMissed, { staffing }) }
    return cachedModel.model
  }

  /** The model's estimates of `state` (the thread's job), and what refines them. */
  const estimate = async (state: QueueState, now: number, ask: { readonly wouldBe?: readonly WouldBe[] } = {}) => {
    const b = branch()
    const m = model(state)
    const k = knowledge()
    const doors = doorsClose(calendar(), now, k.utcOffsetMin)
    const raw = await thread.run(estimationJob(state, b, m, k.usual, now, k.utcOffsetMin, doors, ask))
    const l = currentLearner()
    learnAt(l, now)
    return { raw, b, m, l }
  }

  return {
    model,
    all: async (state, now) => {
      const { raw, b, m, l } = await estimate(state, now)
      return refineRaw(raw, state, b, m, l, now, (said) => (kioskSaid = said))
    },
    quote: async (state, now, ticket) => {
      const wouldBe = [ticket]
      const { raw, b, m, l } = await estimate(state, now, { wouldBe })
      const experts = pointExperts(state, b, m, now, l.mix.lastWaitSec, wouldBe)
      return refineWouldBe(raw, wouldBe, experts.wouldBe, l, now)[0] ?? { estimate: null, said: null }
    },
    observe: (event) => {
      pauses = addPauseEvent(pauses, event)
      const l = currentLearner()
      if (event.type === 'ticketIssued') {
        // What the kiosk's estimate stood on, as journaled; a journal from before it was (or a
        // replay of one) has only what the predictors say now, which on a replay is nothing.
        const said =
          event.predictorsSaid !== undefined
            ? event.predictorsSaid
            : (kioskSaid.get(kioskKey(event.serviceId, event.priorityClassId)) ?? null)
        awaitOutcome(
          l,
          event.ticketId,
          event.serviceId,
          event.at,
          event.estimate,
          said,
          event.priorityClassId,
          event.appointmentAt !== null,
        )
      }
      learnFrom(l, event)
    },
    predictorsSaid: (serviceId, priorityClassId) => kioskSaid.get(kioskKey(serviceId, priorityClassId)),
    shown: (estimate, previous, now, explained): ShownWait => displayWait(estimate, previous, now, explained),
    close: () => thread.close(),
  }
}

const kioskKey = (service: string, cls: string | null): string => `${service}\u0000${cls ?? 'ordinary'}`

/**
 * Every waiting ticket's and every would-be ticket's estimate as shown: the model's, its mean
 * combined with the delay-history predictors, its range recalibrated for its service at this
 * hour. Hands back what the predictors said for each would-be ticket.
 */
function refineRaw(
  raw: ThreadEstimates,
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  learner: OnlineLearner,
  now: number,
  kiosk: (said: Map<string, readonly number[] | null>) => void,
): RawEstimates {
  const wouldBe: WouldBe[] = []
  for (const [service, byClass] of Object.entries(raw.newTicket)) {
    for (const cls of Object.keys(byClass)) {
      wouldBe.push({
        serviceId: service as ServiceId,
        priorityClassId: cls === 'ordinary' ? null : (cls as PriorityClassId),
      })
    }
  }
  const experts = pointExperts(state, branch, model, now, learner.mix.lastWaitSec, wouldBe)
  const openTicket = new Map(state.open.map((t) => [t.id as string, t]))
  const tickets = Object.fromEntries(
    Object.entries(raw.tickets).map(([id, e]) => {
      const t = openTicket.get(id)
      if (t === undefined) return [id, e]
      const booked = t.appointmentAt !== null
      return [
        id,
        refine(learner, t.serviceId, e, experts.tickets.get(id), raw.present.tickets[id] ?? null, now, booked).estimate,
      ]
    }),
  )
  const said = new Map<string, readonly number[] | null>()
  const newTicket: Record<string, Record<string, WaitEstimate>> = {}
  refineWouldBe(raw, wouldBe, experts.wouldBe, learner, now).forEach((r, i) => {
    const g = wouldBe[i] as WouldBe
    if (r.estimate === null) return
    said.set(kioskKey(g.serviceId, g.priorityClassId), r.said)
    ;(newTicket[g.serviceId] ??= {})[g.priorityClassId ?? 'ordinary'] = r.estimate
  })
  kiosk(said)
  return { tickets, newTicket }
}

/**
 * Each would-be ticket's estimate as shown (null: none), and what the predictors said behind
 * it: the model's, its mean combined with the delay-history predictors (`experts`, in the same
 * order), its range recalibrated for its service at this hour.
 */
function refineWouldBe(
  raw: ThreadEstimates,
  wouldBe: readonly WouldBe[],
  experts: readonly PointExperts[],
  learner: OnlineLearner,
  now: number,
): { readonly estimate: WaitEstimate | null; readonly said: readonly number[] | null }[] {
  return wouldBe.map((g, i) => {
    const cls = g.priorityClassId ?? 'ordinary'
    const e = raw.newTicket[g.serviceId]?.[cls]
    if (e === undefined) return { estimate: null, said: null }
    const present = raw.present.newTicket[g.serviceId]?.[cls] ?? null
    return refine(learner, g.serviceId, e, experts[i], present, now, (g.appointmentAt ?? null) !== null)
  })
}
