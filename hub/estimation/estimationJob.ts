import type { EstimatesView } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import type { UsualPattern } from '../../shared/delays/usualPattern'
import { estimateWaits, type WaitEstimates } from '../../shared/estimate/estimateWaits'
import { estimateScratch, type EstimateScratch } from '../../shared/estimate/estimateScratch'
import type { CounterPlan } from '../../shared/estimate/counterAvailability'
import { expectedArrivals, type IssuedTicket } from '../../shared/estimate/expectedArrivals'
import { plannedHours } from '../../shared/estimate/plannedHours'
import type { LearnedServiceTimes } from '../../shared/estimate/learnServiceTimes'
import type { QueueState } from '../../shared/queue/state'
import type { WaitEstimate } from '../../shared/queue/ticket'
import type { TicketId } from '../../shared/domain/ids'
import type { WouldBe } from '../../shared/estimate/pointExperts'

/**
 * Everything one estimation needs, as plain data, so it can run on the estimation thread:
 * the open part of the queue (finished tickets only matter through the learned model and the
 * recent arrivals, which travel separately), the branch, the model, the usual day.
 */
export interface EstimationJob {
  readonly state: QueueState
  readonly branch: BranchConfig
  readonly model: LearnedServiceTimes
  readonly usual: UsualPattern | null
  /**
   * Today's tickets issued since opening: the arrival rate to expect now (the last half hour
   * against the usual day, or against today's own average when there is no usual day yet).
   */
  readonly recentIssued: readonly IssuedTicket[]
  /** Today's roster: the counters' planned hours, or the hours they are usually staffed (`plannedHours`). */
  readonly schedule: readonly CounterPlan[]
  /** When the doors close for the last time today (`doorsClose`): no newcomers expected after. */
  readonly doorsClose: number | null
  readonly now: number
  /** Estimate only this ticket (a ticket being issued): faster, and no would-be tickets. */
  readonly only: TicketId | null
  /**
   * Estimate only these would-be tickets (a booked customer checking in: their slot and grace
   * rank them); null: every waiting ticket and a walk-in of every service and class (the menu).
   */
  readonly wouldBe: readonly WouldBe[] | null
}

export type RawEstimates = Omit<EstimatesView, 'seq' | 'shown'>

/**
 * What the estimation thread answers: the model's estimates, and the mean of the projection of
 * who is already there (`presentProjection`) for the same tickets and would-be tickets — one of
 * the predictors the shown mean is combined from (`pointMix`).
 */
export type ThreadEstimates = RawEstimates & { readonly present: PresentMeans }

export interface PresentMeans {
  readonly tickets: Record<string, number>
  readonly newTicket: Record<string, Record<string, number>>
}

/** The job as it is sent: finished tickets stripped, only what the arrival rates need of them. */
export function estimationJob(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  usual: UsualPattern | null,
  now: number,
  utcOffsetMinutes: number,
  doorsClose: number | null,
  ask: { readonly only?: TicketId; readonly wouldBe?: readonly WouldBe[] } = {},
): EstimationJob {
  const since = state.openedAt ?? now - 3600_000
  const recentIssued: IssuedTicket[] = []
  for (const list of [state.open, state.done]) {
    for (const t of list) {
      if (t.issuedAt >= since)
        recentIssued.push({ serviceId: t.serviceId, priorityClassId: t.priorityClassId, issuedAt: t.issuedAt })
    }
  }
  const schedule = plannedHours(branch, usual, now, utcOffsetMinutes)
  return {
    state: { ...state, done: [] },
    branch,
    model,
    usual,
    recentIssued,
    schedule,
    doorsClose,
    now,
    only: ask.only ?? null,
    wouldBe: ask.wouldBe ?? null,
  }
}

/**
 * Runs the shared estimator on a job (on the estimation thread, or inline). `scratch`: the
 * estimator's working memory, kept across jobs by a thread that runs one after another (the same
 * answers, far less garbage to collect between them); default a fresh one.
 */
export function runEstimation(job: EstimationJob, scratch: EstimateScratch = estimateScratch()): ThreadEstimates {
  const { state, branch, model, usual, recentIssued, schedule, doorsClose, now, only, wouldBe } = job
  const e = estimateWaits(state, branch, model, now, {
    arrivals: expectedArrivals(branch, usual, recentIssued, now, { openedAt: state.openedAt }),
    arrivalsUntil: doorsClose,
    schedule,
    ...(only === null ? {} : { only, newTickets: false }),
    ...(wouldBe === null ? {} : { wouldBe, tickets: false }),
    present: true,
    scratch,
  })
  const present: PresentMeans = { tickets: {}, newTicket: {} }
  e.tickets.forEach((t, i) => {
    const mean = e.present?.tickets[i] ?? null
    if (mean !== null) present.tickets[t.ticketId] = mean
  })
  e.newTickets.forEach((n, i) => {
    const mean = e.present?.newTickets[i] ?? null
    if (mean !== null) (present.newTicket[n.serviceId] ??= {})[n.priorityClassId ?? 'ordinary'] = mean
  })
  return { ...byTicket(e), present }
}

/** Estimates by ticket id, and by service and class for would-be tickets (none: left out). */
function byTicket(e: WaitEstimates): RawEstimates {
  const tickets: Record<string, WaitEstimate> = {}
  for (const t of e.tickets) if (t.estimate !== null) tickets[t.ticketId] = t.estimate
  const newTicket: Record<string, Record<string, WaitEstimate>> = {}
  for (const n of e.newTickets) {
    if (n.estimate === null) continue
    const byClass = (newTicket[n.serviceId] ??= {})
    byClass[n.priorityClassId ?? 'ordinary'] = n.estimate
  }
  return { tickets, newTicket }
}
