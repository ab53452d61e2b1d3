import type { CounterConfig, ServiceConfig } from '../../../../shared/domain/branch'
import type { CounterId, ServiceId, TicketId } from '../../../../shared/domain/ids'
import type { ShownWait } from '../../../../shared/api/views'
import type { ClosingWarning } from '../../../../shared/estimate/servedBeforeClose'
import type { CounterStatus } from '../../../../shared/queue/counterState'
import { getCounter, getTicket, type QueueState } from '../../../../shared/queue/state'
import { currentVisit, type Ticket } from '../../../../shared/queue/ticket'

/** A call as the lobby sees it: which number goes to which counter, and when it was last called. */
export interface CallView {
  readonly ticketId: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  readonly counterId: CounterId
  /** The counter's number as customers see and hear it; null for a counter no longer configured. */
  readonly counterNumber: number | null
  /** The last time it was called there (a recall moves it up again). */
  readonly calledAt: number
  readonly recalls: number
  /**
   * The customer is still at this call: called or served at that counter. False once the ticket
   * has left it (no-show, served, cancelled, transferred, parked, the day closed): the call has
   * ended, and the lobby must stop calling it.
   */
  readonly active: boolean
  /** A booked customer (checked in on time for their slot). */
  readonly booked: boolean
}

/**
 * The day's calls, newest first, one per ticket (its latest call: a transferred customer shows
 * at the counter they were sent to). Ties keep the later-issued ticket first. Each says whether
 * it is still going on (`active`); the calls that ended stay as history.
 *
 * @example
 * dayCalls(state, counters)[0] //=> { number: 'A023', counterNumber: 3, recalls: 0, ... }
 */
export function dayCalls(state: QueueState, counters: readonly CounterConfig[]): CallView[] {
  const numberOf = new Map(counters.map((c) => [c.id as string, c.number]))
  const calls: { view: CallView; seq: number }[] = []
  const add = (t: Ticket) => {
    const v = currentVisit(t)
    if (v === undefined) return
    calls.push({
      seq: t.seq,
      view: {
        ticketId: t.id,
        number: t.number,
        serviceId: v.serviceId,
        counterId: v.counterId,
        counterNumber: numberOf.get(v.counterId) ?? null,
        calledAt: v.lastCalledAt,
        recalls: v.recalls,
        active: (t.status === 'called' || t.status === 'serving') && t.counterId === v.counterId,
        booked: t.appointmentAt !== null,
      },
    })
  }
  state.open.forEach(add)
  state.done.forEach(add)
  calls.sort((a, b) => b.view.calledAt - a.view.calledAt || b.seq - a.seq)
  return calls.map((c) => c.view)
}

/**
 * The call the lobby shows as "now calling": the newest call still going on. A call whose
 * customer has left the counter (no-show, served, cancelled, transferred) is never shown as
 * going on, nor called again: it stays in the history with the others, newest first. `newest`
 * is the newest call of all, ended or not, so a screen can tell a new call from an ended one.
 *
 * @example
 * callsNow(dayCalls(state, counters)) //=> { latest: { number: 'A023', active: true, ... }, earlier: [...], newest: ... }
 */
export function callsNow(calls: readonly CallView[]): {
  readonly latest: CallView | null
  readonly earlier: readonly CallView[]
  readonly newest: CallView | null
} {
  const latest = calls.find((c) => c.active) ?? null
  return { latest, earlier: calls.filter((c) => c !== latest), newest: calls[0] ?? null }
}

/** One service on the board: how many wait, and the wait shown for a ticket taken now. */
export interface ServiceRow {
  readonly service: ServiceConfig
  readonly waiting: number
  readonly shown: ShownWait | null
  /** A ticket taken now may wait past the counters' planned end (the kiosk's button says the same). */
  readonly closing: ClosingWarning | null
}

/**
 * @example
 * serviceRows(state, services, shown, closing)[0] //=> { waiting: 5, shown: { kind: 'range', lowMin: 8, highMin: 12 }, closing: null, ... }
 */
export function serviceRows(
  state: QueueState,
  services: readonly ServiceConfig[],
  shownNewTicket: (serviceId: ServiceId) => ShownWait | null,
  closingNewTicket: (serviceId: ServiceId) => ClosingWarning | null = () => null,
): ServiceRow[] {
  const waiting = new Map<string, number>()
  for (const t of state.open) if (t.status === 'waiting') waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1)
  return services.map((service) => ({
    service,
    waiting: waiting.get(service.id) ?? 0,
    shown: shownNewTicket(service.id),
    closing: closingNewTicket(service.id),
  }))
}

/** A closing note on the lobby TV: the services it is for (their prefixes), their planned end, how likely. */
export interface ClosingNote {
  readonly prefixes: readonly string[]
  readonly clock: string
  readonly kind: ClosingWarning['kind']
}

/**
 * The lobby's closing notes for the services whose new tickets are warned, one per planned end
 * (nearly always one): "unlikely" only when every service of it is unlikely ("may not" holds for
 * both), soonest end first.
 *
 * @example
 * closingNotes(rows) //=> [{ prefixes: ['A', 'C'], clock: '17:00', kind: 'mayNot' }]
 */
export function closingNotes(rows: readonly ServiceRow[]): ClosingNote[] {
  const byEnd = new Map<number, { clock: string; prefixes: string[]; unlikely: boolean }>()
  for (const r of rows) {
    if (r.closing === null) continue
    const note = byEnd.get(r.closing.at) ?? { clock: r.closing.clock, prefixes: [], unlikely: true }
    note.prefixes.push(r.service.prefix)
    note.unlikely &&= r.closing.kind === 'unlikely'
    byEnd.set(r.closing.at, note)
  }
  return [...byEnd]
    .sort(([a], [b]) => a - b)
    .map(([, n]) => ({ prefixes: n.prefixes, clock: n.clock, kind: n.unlikely ? 'unlikely' : 'mayNot' }))
}

/** A counter's state for the lobby: open, paused or closed, and whom it calls or serves. */
export interface CounterRow {
  readonly counter: CounterConfig
  readonly status: CounterStatus
  /** The ticket being called or served there. */
  readonly number: string | null
}

/**
 * @example
 * counterRows(state, counters)[2] //=> { counter: { number: 3, ... }, status: 'calling', number: 'A023' }
 */
export function counterRows(state: QueueState, counters: readonly CounterConfig[]): CounterRow[] {
  return counters.map((counter) => {
    const live = getCounter(state, counter.id)
    const ticket = live.ticketId === null ? undefined : getTicket(state, live.ticketId)
    const busy = live.status === 'calling' || live.status === 'serving'
    return { counter, status: live.status, number: busy ? (ticket?.number ?? null) : null }
  })
}
