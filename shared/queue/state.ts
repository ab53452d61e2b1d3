import type { CounterId, TicketId } from '../domain/ids'
import { closedCounter, type CounterState } from './counterState'
import type { Delay } from './delay'
import type { Ticket } from './ticket'
import { own } from '../util/own'

/**
 * The branch's live queue: a fold of the day's events. Plain JSON, so the hub can send it to a
 * terminal as a snapshot and the terminal can keep folding the events that follow.
 */
export interface QueueState {
  /** The open business day (YYYY-MM-DD), or null between close and the next open. */
  readonly day: string | null
  readonly openedAt: number | null
  /** The last day closed: a day never reopens, so its numbers are never given twice. */
  readonly lastClosedDay: string | null
  /** Seq of the last event folded in (0 before any). */
  readonly lastSeq: number
  /** Tickets issued today: the next ticket's seq is `issued + 1`. */
  readonly issued: number
  /**
   * Today's tickets still in the branch (waiting, called, serving, parked, missed), in issue
   * order. Arrays, not records keyed by id: copying a few hundred pointers per event is cheap,
   * while objects keyed by ever-new ids make V8 build a new hidden class per ticket.
   */
  readonly open: readonly Ticket[]
  /** Today's finished tickets, in the order they finished. */
  readonly done: readonly Ticket[]
  /** Last number given per ticket prefix today; numbers are never reused within a day. */
  readonly numbers: Readonly<Record<string, number>>
  /** Counters that have had an event; a counter not here is closed. */
  readonly counters: Readonly<Record<string, CounterState>>
  readonly delays: Readonly<Record<string, Delay>>
}

export const EMPTY_STATE: QueueState = {
  day: null,
  openedAt: null,
  lastClosedDay: null,
  lastSeq: 0,
  issued: 0,
  open: [],
  done: [],
  numbers: {},
  counters: {},
  delays: {},
}

/** A ticket of today by id: the open ones first, then the finished (newest first). */
export function getTicket(state: QueueState, id: TicketId): Ticket | undefined {
  const open = state.open.find((t) => t.id === id)
  if (open !== undefined) return open
  for (let i = state.done.length - 1; i >= 0; i--) {
    const t = state.done[i] as Ticket
    if (t.id === id) return t
  }
  return undefined
}

/** Open tickets waiting to be called. */
export function waitingTickets(state: QueueState): Ticket[] {
  return state.open.filter((t) => t.status === 'waiting')
}

/** The counter's state; a counter never opened today reads as closed since the day opened. */
export function getCounter(state: QueueState, id: CounterId): CounterState {
  return own(state.counters, id) ?? closedCounter(id, state.openedAt ?? 0)
}

/** All of today's tickets in issue order. */
export function allTickets(state: QueueState): Ticket[] {
  return [...state.open, ...state.done].sort((a, b) => a.seq - b.seq)
}
