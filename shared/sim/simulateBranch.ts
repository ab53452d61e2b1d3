import { Heap } from 'heap-js'
import type { BranchConfig } from '../domain/branch'
import type { CounterId, PriorityClassId, ServiceId, TicketId } from '../domain/ids'
import { staffId } from '../domain/ids'
import type { Command } from '../queue/commands'
import { execute } from '../queue/decide'
import type { QueueEvent } from '../queue/events'
import { EMPTY_STATE, getTicket, type QueueState } from '../queue/state'
import type { Ticket, TicketOutcome, WaitEstimate } from '../queue/ticket'
import type { PauseReasonCode } from '../queue/counterState'
import type { Rng } from './random'

/** One customer walking in: when (seconds after opening), for what, and how they behave. */
export interface SimArrival {
  readonly at: number
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  /** A fixed transaction time (from a trace); otherwise the model draws one. */
  readonly serviceSec: number | null
  /** The customer has left before being called (abandonment): the call is a no-show. */
  readonly leaves: boolean
  /** How long the customer will wait (seconds); called any later, they have left. Absent: forever. */
  readonly patienceSec?: number
  /**
   * The teller sends the customer on to this service once their transaction is done; they queue
   * again for it (the model's `serviceTime` draws the second transaction: `ticket.transfers` is 1).
   */
  readonly transferTo?: ServiceId
  /** A booked customer checking in on time: their slot (seconds after opening) and call grace. */
  readonly booking?: { readonly slotSec: number; readonly graceSec: number }
}

/** When a counter is staffed, in seconds after opening; null close = until the queue is empty. */
export interface SimCounterPlan {
  readonly id: CounterId
  readonly openSec: number
  readonly closeSec: number | null
  /** Who works the counter (the staff id it is opened with); default its own teller, `sim-<counter>`. */
  readonly staff?: string
  /** Pauses: from `atSec` (once the counter is free) for `forSec`, for `reason`. */
  readonly breaks?: readonly SimBreak[]
}

export interface SimBreak {
  readonly atSec: number
  readonly forSec: number
  readonly reason: PauseReasonCode
}

export interface SimModel {
  readonly branch: BranchConfig
  /** Epoch ms of the opening; event times are this plus simulated seconds. */
  readonly openAt: number
  readonly date: string
  /** In order of time. */
  readonly arrivals: readonly SimArrival[]
  readonly counters: readonly SimCounterPlan[]
  /** Draws a transaction time (seconds) for a ticket at a counter. */
  readonly serviceTime: (ticket: Ticket, counterId: CounterId, rng: Rng) => number
  /** Walking time from call to counter (seconds). */
  readonly walkSec: number
  /** Seconds between recalls of a customer who does not come. */
  readonly recallIntervalSec: number
  /** Called after each ticket is issued: the estimate to show (the hub's estimator). */
  readonly estimateAtIssue?: (state: QueueState, ticket: Ticket, now: number) => WaitEstimate | null
  /** Called after every event with the state (for estimators that learn, and for tests). */
  readonly observe?: (state: QueueState, now: number) => void
  /** Called with every event as journaled (for the day's log: usual patterns, delays, reports). */
  readonly onEvent?: (event: QueueEvent, state: QueueState) => void
  /** Called with each ticket as it finishes, just before the simulator archives it out of the state. */
  readonly onFinished?: (ticket: Ticket, now: number) => void
  /** What the hub does by itself besides the tellers and the customers (see `SimHubActs`). */
  readonly hubActs?: SimHubActs
}

/**
 * The hub's own commands (the automatic delay explanations): asked after every happening and on
 * the hub's timer, every `everySec` while the day goes on, and run as they come, in order. The
 * timer only asks: the tellers act on happenings alone, so the day's customers and tellers do
 * exactly what they would without it.
 */
export interface SimHubActs {
  readonly everySec: number
  readonly commands: (state: QueueState, now: number) => readonly Command[]
}

/** What happened to one simulated ticket, times in seconds since opening. */
export interface SimTicketRecord {
  readonly ticketId: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly issuedAt: number
  readonly calledAt: number | null
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly counterId: CounterId | null
  readonly aheadAtIssue: number
  readonly estimate: WaitEstimate | null
  readonly outcome: TicketOutcome
  /** A booked customer's ticket (checked in with a slot); absent for a walk-in. */
  readonly booked?: true
}

type Happening =
  | { t: number; kind: 'arrival'; arrival: SimArrival }
  | { t: number; kind: 'open' | 'close' | 'walked' | 'finished' | 'recall' | 'resume'; counterId: CounterId }
  | { t: number; kind: 'break'; counterId: CounterId; pause: SimBreak }
  | { t: number; kind: 'timer' }
/** `order` breaks ties between simultaneous happenings: first scheduled, first done. */
type SimEvent = Happening & { order: number }

/**
 * Runs a day through the real engine and calling policy on simulated time: customers arrive,
 * free counters call the next ticket as the policy says, customers walk up (or have left and
 * are recalled, then marked no-show), transactions take the model's time. Deterministic for a
 * given model and generator.
 *
 * Finished tickets are archived out of the engine state as they finish, so a simulated year
 * costs what its queue costs, not what its history costs.
 */
export function simulateBranch(model: SimModel, rng: Rng): SimTicketRecord[] {
  const heap = new Heap<SimEvent>((a, b) => a.t - b.t || a.order - b.order)
  let order = 0
  const push = (e: Happening): void => {
    heap.push({ ...e, order: order++ })
  }
  for (const a of model.arrivals) push({ t: a.at, kind: 'arrival', arrival: a })
  for (const c of model.counters) {
    push({ t: c.openSec, kind: 'open', counterId: c.id })
    if (c.closeSec !== null) push({ t: c.closeSec, kind: 'close', counterId: c.id })
    for (const pause of c.breaks ?? []) push({ t: pause.atSec, kind: 'break', counterId: c.id, pause })
  }
  const hubActs = model.hubActs
  if (hubActs !== undefined) push({ t: hubActs.everySec, kind: 'timer' })

  const staffOf = new Map(model.counters.map((c) => [c.id, staffId(c.staff ?? `sim-${c.id}`)]))
  let state = EMPTY_STATE
  let now = model.openAt
  const run = (command: Command): QueueEvent | null => {
    const r = execute(state, model.branch, command, now)
    if (!r.ok) return null
    state = r.value.state
    model.onEvent?.(r.value.event, state)
    model.observe?.(state, now)
    return r.value.event
  }
  run({ type: 'openDay', date: model.date })

  const records = new Map<TicketId, SimTicketRecord>()
  const behaviour = new Map<TicketId, SimArrival>()
  const closing = new Set<CounterId>()
  // A teller due a break takes it once the customer at the counter is done.
  const breakDue = new Map<CounterId, SimBreak>()
  const takeBreak = (id: CounterId): void => {
    const pause = breakDue.get(id)
    if (pause === undefined) return
    breakDue.delete(id)
    if (run({ type: 'pauseCounter', counterId: id, reason: { code: pause.reason, note: '' } }) === null) return
    push({ t: sec(now) + pause.forSec, kind: 'resume', counterId: id })
  }
  const sec = (ms: number): number => (ms - model.openAt) / 1000

  const archive = (id: TicketId): void => {
    const t = getTicket(state, id)
    const rec = records.get(id)
    if (t === undefined || rec === undefined) return
    model.onFinished?.(t, now)
    const visit = t.visits[t.visits.length - 1]
    const first = t.visits[0]
    records.set(id, {
      ...rec,
      calledAt: first === undefined ? null : sec(first.calledAt),
      startedAt: visit?.startedAt == null ? null : sec(visit.startedAt),
      endedAt: sec(t.endedAt ?? visit?.endedAt ?? now),
      counterId: visit?.counterId ?? null,
      outcome: t.outcome ?? 'noShow',
    })
    state = { ...state, open: state.open.filter((x) => x.id !== id), done: state.done.filter((x) => x.id !== id) }
  }

  const dispatch = (): void => {
    const anyoneWaiting = state.open.some((t) => t.status === 'waiting')
    for (const plan of model.counters) {
      const c = state.counters[plan.id]
      if (c?.status !== 'idle') continue
      if (closing.has(plan.id)) {
        run({ type: 'closeCounter', counterId: plan.id })
        continue
      }
      if (breakDue.has(plan.id)) {
        takeBreak(plan.id)
        continue
      }
      if (!anyoneWaiting || run({ type: 'callNext', counterId: plan.id }) === null) continue
      const ticketId = state.counters[plan.id]?.ticketId
      const who = ticketId == null ? undefined : behaviour.get(ticketId)
      const issuedAt = ticketId == null ? now : (getTicket(state, ticketId)?.issuedAt ?? now)
      // A customer sent on from another counter has been served once already: they stay for the second.
      const sentOn = ticketId != null && (getTicket(state, ticketId)?.transfers ?? 0) > 0
      const leaves =
        who !== undefined &&
        !sentOn &&
        (who.leaves || (who.patienceSec !== undefined && (now - issuedAt) / 1000 > who.patienceSec))
      if (leaves) push({ t: sec(now) + model.recallIntervalSec, kind: 'recall', counterId: plan.id })
      else push({ t: sec(now) + model.walkSec, kind: 'walked', counterId: plan.id })
    }
  }

  const hubAct = (): void => {
    if (hubActs !== undefined) for (const command of hubActs.commands(state, now)) run(command)
  }

  while (heap.size() > 0) {
    const e = heap.pop() as SimEvent
    // The timer runs while anything is still to happen: the day ends at its last happening.
    if (e.kind === 'timer' && heap.size() === 0) break
    now = model.openAt + e.t * 1000
    if (e.kind === 'timer') {
      if (hubActs !== undefined) push({ t: e.t + hubActs.everySec, kind: 'timer' })
      hubAct()
      continue
    }
    switch (e.kind) {
      case 'arrival': {
        const a = e.arrival
        const issued = run({
          type: 'issueTicket',
          serviceId: a.serviceId,
          priorityClassId: a.priorityClassId,
          language: 'zh-CN',
          appointmentAt: a.booking === undefined ? null : model.openAt + a.booking.slotSec * 1000,
          ...(a.booking === undefined ? {} : { appointmentGraceSec: a.booking.graceSec }),
          estimate: null,
        })
        if (issued?.type !== 'ticketIssued') break
        const ticket = getTicket(state, issued.ticketId) as Ticket
        behaviour.set(ticket.id, a)
        const estimate = model.estimateAtIssue?.(state, ticket, now) ?? null
        const aheadAtIssue = state.open.filter(
          (t) => t.status === 'waiting' && t.serviceId === ticket.serviceId && t.id !== ticket.id,
        ).length
        records.set(ticket.id, {
          ticketId: ticket.id,
          number: ticket.number,
          serviceId: ticket.serviceId,
          priorityClassId: ticket.priorityClassId,
          issuedAt: e.t,
          calledAt: null,
          startedAt: null,
          endedAt: null,
          counterId: null,
          aheadAtIssue,
          estimate,
          outcome: 'removedAtClose',
          ...(a.booking === undefined ? {} : { booked: true as const }),
        })
        break
      }
      case 'open':
        run({
          type: 'openCounter',
          counterId: e.counterId,
          staffId: staffOf.get(e.counterId) ?? staffId(`sim-${e.counterId}`),
        })
        break
      case 'close':
        closing.add(e.counterId)
        if (state.counters[e.counterId]?.status === 'idle') run({ type: 'closeCounter', counterId: e.counterId })
        break
      case 'break':
        // A break due at or after closing is not taken; one due while closed (a shift not begun) neither.
        if (closing.has(e.counterId) || state.counters[e.counterId]?.status === 'closed') break
        breakDue.set(e.counterId, e.pause)
        if (state.counters[e.counterId]?.status === 'idle') takeBreak(e.counterId)
        break
      case 'resume':
        if (state.counters[e.counterId]?.status === 'paused') run({ type: 'resumeCounter', counterId: e.counterId })
        break
      case 'walked': {
        const ticketId = state.counters[e.counterId]?.ticketId
        if (ticketId == null) break
        run({ type: 'startService', counterId: e.counterId })
        const ticket = getTicket(state, ticketId) as Ticket
        const fixed = behaviour.get(ticketId)?.serviceSec ?? null
        const duration = fixed ?? model.serviceTime(ticket, e.counterId, rng)
        push({ t: e.t + duration, kind: 'finished', counterId: e.counterId })
        break
      }
      case 'finished': {
        const ticketId = state.counters[e.counterId]?.ticketId
        if (ticketId == null) break
        const to = behaviour.get(ticketId)?.transferTo
        if (to !== undefined && getTicket(state, ticketId)?.transfers === 0) {
          run({ type: 'transfer', ticketId, toServiceId: to, toCounterId: null })
          break
        }
        run({ type: 'completeService', counterId: e.counterId, completedServiceId: null })
        archive(ticketId)
        break
      }
      case 'recall': {
        const ticketId = state.counters[e.counterId]?.ticketId
        if (ticketId == null) break
        if (run({ type: 'markNoShow', counterId: e.counterId }) === null) {
          run({ type: 'recall', counterId: e.counterId })
          push({ t: e.t + model.recallIntervalSec, kind: 'recall', counterId: e.counterId })
        } else {
          archive(ticketId)
        }
        break
      }
    }
    dispatch()
    hubAct()
  }
  run({ type: 'closeDay' })
  for (const t of [...state.open, ...state.done]) archive(t.id)
  return [...records.values()]
}
