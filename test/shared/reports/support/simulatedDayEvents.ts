import type { QueueEvent } from '../../../../shared/queue/events'
import { EMPTY_STATE, getTicket, type QueueState } from '../../../../shared/queue/state'
import type { Ticket } from '../../../../shared/queue/ticket'
import type { Rng } from '../../../../shared/sim/random'
import { simulateBranch, type SimModel, type SimTicketRecord } from '../../../../shared/sim/simulateBranch'

/**
 * Runs `simulateBranch` and reproduces the journal of events the engine produced. The simulator
 * hands out the state after every event (`observe`) but not the events, so each event is read
 * back from the difference between consecutive states: the only things an event can change are
 * the day, the tickets issued, one counter, or (a recall) one visit. Anything else throws, so a
 * new kind of simulated command shows up here instead of silently vanishing from the report.
 * The estimate the model computes at issue is put into the `ticketIssued` event, as the hub does.
 */
export function simulateDayEvents(model: SimModel, rng: Rng): { events: QueueEvent[]; records: SimTicketRecord[] } {
  const events: QueueEvent[] = []
  let previous: QueueState = EMPTY_STATE
  const records = simulateBranch(
    {
      ...model,
      observe: (state, now) => {
        events.push(eventBetween(previous, state, now))
        previous = state
        model.observe?.(state, now)
      },
      estimateAtIssue: (state, ticket, now) => {
        const estimate = model.estimateAtIssue?.(state, ticket, now) ?? null
        const last = events[events.length - 1]
        if (last?.type === 'ticketIssued' && last.ticketId === ticket.id) {
          events[events.length - 1] = { ...last, estimate }
        }
        return estimate
      },
    },
    rng,
  )
  return { events, records }
}

function eventBetween(before: QueueState, after: QueueState, at: number): QueueEvent {
  const seq = after.lastSeq
  if (before.day === null && after.day !== null) return { type: 'dayOpened', date: after.day, seq, at }
  if (before.day !== null && after.day === null) return { type: 'dayClosed', seq, at }
  if (after.issued > before.issued) {
    const t = after.open.find((x) => x.seq === after.issued) as Ticket
    return {
      type: 'ticketIssued',
      ticketId: t.id,
      number: t.number,
      issueSeq: t.seq,
      serviceId: t.serviceId,
      priorityClassId: t.priorityClassId,
      language: t.language,
      appointmentAt: t.appointmentAt,
      estimate: t.estimate,
      seq,
      at,
    }
  }
  for (const [id, c] of Object.entries(after.counters)) {
    const was = before.counters[id]
    const from = was?.status ?? 'closed'
    if (from === c.status) continue
    const counterId = c.id
    if (from === 'closed' && c.status === 'idle') {
      return { type: 'counterOpened', counterId, staffId: c.staffId as NonNullable<typeof c.staffId>, seq, at }
    }
    if (c.status === 'closed') return { type: 'counterClosed', counterId, seq, at }
    if (from === 'idle' && c.status === 'paused' && c.pauseReason !== null) {
      return { type: 'counterPaused', counterId, reason: c.pauseReason, seq, at }
    }
    if (from === 'paused' && c.status === 'idle') return { type: 'counterResumed', counterId, seq, at }
    if (from === 'idle' && c.status === 'calling' && c.ticketId !== null) {
      const visit = (getTicket(after, c.ticketId) as Ticket).visits.at(-1)
      return {
        type: 'ticketCalled',
        ticketId: c.ticketId,
        counterId,
        staffId: visit?.staffId ?? null,
        outOfOrder: visit?.outOfOrder ?? null,
        seq,
        at,
      }
    }
    if (from === 'calling' && c.status === 'serving' && c.ticketId !== null) {
      return { type: 'serviceStarted', ticketId: c.ticketId, counterId, seq, at }
    }
    const ticketId = was?.ticketId ?? null
    const t = ticketId === null ? undefined : getTicket(after, ticketId)
    if (from === 'serving' && c.status === 'idle' && t?.outcome === 'served') {
      const completed = t.visits.at(-1)?.transactions.at(-1)?.completedServiceId ?? null
      return { type: 'serviceCompleted', ticketId: t.id, counterId, completedServiceId: completed, seq, at }
    }
    if (from === 'calling' && c.status === 'idle' && t?.status === 'noShow') {
      return { type: 'ticketNoShow', ticketId: t.id, counterId, seq, at }
    }
    throw new Error(`unrecognised counter change ${from} → ${c.status} at seq ${seq}`)
  }
  for (const t of after.open) {
    const old = before.open.find((x) => x.id === t.id)
    const v = t.visits.at(-1)
    const w = old?.visits.at(-1)
    if (v !== undefined && w !== undefined && v.recalls === w.recalls + 1 && t.counterId !== null) {
      return { type: 'ticketRecalled', ticketId: t.id, counterId: t.counterId, seq, at }
    }
  }
  throw new Error(`unrecognised state change at seq ${seq}`)
}
