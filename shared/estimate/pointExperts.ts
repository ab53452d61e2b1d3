import type { BranchConfig } from '../domain/branch'
import { counterId, ticketId, type PriorityClassId, type ServiceId } from '../domain/ids'
import { callKey, compareCallKeys, type CallKey } from '../policy/callOrder'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import type { LearnedServiceTimes } from './learnServiceTimes'

/**
 * The point predictors the estimator's mean is combined from (`pointMix`), besides the model's
 * own projection: what the queue's recent history says, without any model of it.
 *
 * - `naive`: people ahead × the service's learned mean ÷ the counters open for it — what common
 *   queue systems show; in the mix, it bounds how much worse than it the mean can get.
 * - `hol`: head of the line (Ibrahim & Whitt, "Real-time delay estimation based on delay history",
 *   2009): the service's longest-waiting ticket has waited w while the n now waiting arrived, so
 *   the queue moves at about n/w; a ticket with a people ahead is called in about (a + 1)·w/n.
 * - `les`: last to enter service: the wait of the service's last ticket called, scaled the same
 *   way by the ticket's place (a newcomer at the back: exactly that wait).
 *
 * Each is null where it says nothing (nobody else waiting for `hol`, no call yet for `les`,
 * no counter open for `naive`). Values are seconds until the call.
 */
export interface PointExperts {
  readonly naive: number | null
  readonly hol: number | null
  readonly les: number | null
}

/** The experts' order in a mix: the model's projection first. */
export const EXPERT_COUNT = 5

/** What the estimator's combination needs per ticket: model first, then the others (null: none). */
export function expertVector(model: number, e: PointExperts, present: number | null = null): (number | null)[] {
  return [model, e.naive, e.hol, e.les, present]
}

/**
 * A would-be ticket of a service and class, taken now: a walk-in's, or a booked customer's
 * checking in (`appointmentAt`: their slot, epoch ms, with the call grace the ticket would carry).
 */
export interface WouldBe {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly appointmentAt?: number | null
  readonly appointmentGraceSec?: number
}

interface ServiceQueue {
  readonly keys: CallKey[]
  readonly oldestQueuedAt: number
  readonly open: number
  /** The counter the places are counted at: any counter, serving only this service. */
  readonly neutral: NeutralCounter
}

type NeutralCounter = ReturnType<typeof neutralCounter>

/** A counter with no preferences but the service: places by the key alone, as "people ahead" counts. */
function neutralCounter(serviceId: ServiceId) {
  return { id: counterId('(any)'), number: 0, services: [serviceId] }
}

/**
 * The experts for every waiting ticket (by id) and every would-be ticket (in the order given),
 * from the live state: places by the policy's own key (ignoring counter preferences, as the
 * ticket's "people ahead" does), sorted once per service.
 *
 * @example
 * const e = pointExperts(state, branch, model, now, { personal: 240 }, [])
 * e.tickets.get('20261124-A007') //=> { naive: 360, hol: 410, les: 380 }
 */
export function pointExperts(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  now: number,
  lastWaitSec: Readonly<Record<string, number>>,
  wouldBe: readonly WouldBe[],
): { tickets: Map<string, PointExperts>; wouldBe: PointExperts[] } {
  const queues = new Map<string, ServiceQueue>()
  const waiting = state.open.filter((t) => t.status === 'waiting' && t.targetCounterId === null)
  for (const s of branch.services) {
    const mine = waiting.filter((t) => t.serviceId === s.id)
    const neutral = neutralCounter(s.id)
    const keys = mine.map((t) => callKey(branch, neutral, t, now)).sort(compareCallKeys)
    let open = 0
    for (const c of branch.counters) {
      const status = state.counters[c.id]?.status ?? 'closed'
      if (status !== 'closed' && c.services.includes(s.id)) open++
    }
    const oldestQueuedAt = mine.reduce((m, t) => Math.min(m, t.queuedAt), Number.POSITIVE_INFINITY)
    queues.set(s.id, { keys, oldestQueuedAt, open, neutral })
  }
  const expertsAt = (serviceId: ServiceId, ahead: number, inQueue: number): PointExperts => {
    const q = queues.get(serviceId)
    const mean = model.occupancy[serviceId]?.meanSec ?? 60
    const place = (ahead + 1) / Math.max(1, inQueue)
    const hol = q === undefined || inQueue < 2 ? null : ((now - q.oldestQueuedAt) / 1000) * place
    const last = lastWaitSec[serviceId]
    return {
      naive: q === undefined || q.open === 0 ? null : (ahead * mean) / q.open,
      hol: hol !== null && hol > 0 ? hol : null,
      les: last === undefined ? null : last * place,
    }
  }
  const tickets = new Map<string, PointExperts>()
  for (const t of waiting) {
    const q = queues.get(t.serviceId)
    if (q === undefined) continue
    const own = callKey(branch, q.neutral, t, now)
    tickets.set(t.id, expertsAt(t.serviceId, countBefore(q.keys, own), q.keys.length))
  }
  const ghosts = wouldBe.map((g) => {
    const q = queues.get(g.serviceId)
    if (q === undefined) return { naive: null, hol: null, les: null }
    const own = callKey(branch, q.neutral, newTicket(g, state, now), now)
    return expertsAt(g.serviceId, countBefore(q.keys, own), q.keys.length + 1)
  })
  return { tickets, wouldBe: ghosts }
}

/** How many keys of a sorted list come strictly before `key` (binary search). */
function countBefore(sorted: readonly CallKey[], key: CallKey): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (compareCallKeys(sorted[mid] as CallKey, key) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A ticket as it would be issued now (only what the call key reads). */
function newTicket(g: WouldBe, state: QueueState, now: number): Ticket {
  const seq = state.issued + 1
  return {
    id: ticketId('(would-be)'),
    number: '',
    seq,
    serviceId: g.serviceId,
    priorityClaim: null,
    priorityBy: null,
    priorityClassId: g.priorityClassId,
    language: 'zh-CN',
    issuedAt: now,
    appointmentAt: g.appointmentAt ?? null,
    ...(g.appointmentGraceSec === undefined ? {} : { appointmentGraceSec: g.appointmentGraceSec }),
    queuedAt: now,
    tiebreak: seq,
    targetCounterId: null,
    status: 'waiting',
    counterId: null,
    visits: [],
    spells: [{ serviceId: g.serviceId, targetCounterId: null, joinedAt: now, joinedBy: 'issue', endedAt: null }],
    transfers: 0,
    estimate: null,
    missedAt: null,
    rejoins: 0,
    outcome: null,
    endedAt: null,
    rating: null,
  }
}
