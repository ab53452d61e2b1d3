import { own } from '../util/own'
import type { CounterId, TicketId } from '../domain/ids'
import type { CounterState } from './counterState'
import type { Delay } from './delay'
import { getCounter, type QueueState } from './state'
import type { Ticket } from './ticket'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A ticket the draft may change in place: it made this copy itself. */
export type DraftTicket = Mutable<Ticket>

/**
 * A queue state being changed, copy-on-write: the first change to a container (the open or
 * done list, the counters, delays or numbers) or to a ticket copies it, later changes in the
 * same draft write to that copy. The state it started from is never touched, so a live state
 * handed to a terminal, a command's `decide`, or a report stays what it was.
 *
 * Why: the fold used to copy the whole state, the open list and the finished list for every
 * event, which made replaying a 2,000-ticket day quadratic and mostly garbage collection. One
 * draft per event keeps the live path as cheap as before; one draft over a whole day (replay,
 * the report's reading of the day) copies each ticket once instead of once per event.
 *
 * Counters and delays are replaced, never changed in place, so a reader comparing a counter
 * before and after an event can compare by identity.
 */
export class StateDraft {
  private readonly s: Mutable<QueueState>
  private ownOpen = false
  private ownDone = false
  private ownCounters = false
  private ownDelays = false
  private ownNumbers = false
  /** The tickets this draft made or copied, by id: changed in place, found without a scan. */
  private mine = new Map<TicketId, DraftTicket>()

  constructor(from: QueueState) {
    this.s = { ...from }
  }

  /** The state as it is now. Its containers may change with the next event: read, don't keep. */
  get state(): QueueState {
    return this.s
  }

  /**
   * Hands the state over and seals the draft's copies: a later change through this draft copies
   * again, so the returned state stays as it is.
   */
  finish(): QueueState {
    const out: QueueState = { ...this.s }
    this.ownOpen = this.ownDone = this.ownCounters = this.ownDelays = this.ownNumbers = false
    this.mine = new Map()
    return out
  }

  set<K extends 'day' | 'openedAt' | 'lastClosedDay' | 'lastSeq' | 'issued'>(key: K, value: QueueState[K]): void {
    this.s[key] = value
  }

  /** Starts a new day: every container is new. */
  reset(day: string, openedAt: number): void {
    Object.assign(this.s, { day, openedAt, issued: 0, open: [], done: [], numbers: {}, counters: {}, delays: {} })
    this.ownOpen = this.ownDone = this.ownCounters = this.ownDelays = this.ownNumbers = true
    this.mine.clear()
  }

  /** An open ticket by id, to read; throws when the journal names a ticket the day does not have. */
  ticket(id: TicketId): Ticket {
    const owned = this.mine.get(id)
    if (owned !== undefined) return owned
    const i = this.openIndex(id)
    if (i !== -1) return this.s.open[i] as Ticket
    const d = this.doneIndex(id)
    if (d !== -1) return this.s.done[d] as Ticket
    throw new Error(`Event refers to unknown ticket ${id}: the journal does not match the state`)
  }

  /** The ticket by id, as a copy this draft owns and may change in place. */
  edit(id: TicketId): DraftTicket {
    const owned = this.mine.get(id)
    if (owned !== undefined) return owned
    const i = this.openIndex(id)
    if (i !== -1) {
      const t = this.s.open[i] as Ticket
      const copy = this.adopt({ ...t })
      this.openList()[i] = copy
      return copy
    }
    const d = this.doneIndex(id)
    if (d === -1) throw new Error(`Event refers to unknown ticket ${id}: the journal does not match the state`)
    // Only a rating changes a finished ticket.
    const t = this.s.done[d] as Ticket
    const copy = this.adopt({ ...t })
    this.doneList()[d] = copy
    return copy
  }

  /** A new ticket joins the open list; the draft owns it. */
  add(t: DraftTicket): void {
    this.openList().push(this.adopt(t))
  }

  /** The ticket leaves the branch: from the open list to the finished one. */
  retire(id: TicketId): void {
    const i = this.openIndex(id)
    if (i === -1) return
    const [t] = this.openList().splice(i, 1)
    this.doneList().push(t as Ticket)
  }

  /** Every open ticket leaves at once (the day closed), each as `f` makes it. */
  retireAll(f: (t: Ticket) => Ticket): void {
    const done = this.doneList()
    for (const t of this.s.open) {
      this.mine.delete(t.id)
      done.push(f(t))
    }
    this.s.open = []
    this.ownOpen = true
  }

  counter(id: CounterId): CounterState {
    return getCounter(this.s, id)
  }

  setCounter(c: CounterState): void {
    if (!this.ownCounters) {
      this.s.counters = { ...this.s.counters }
      this.ownCounters = true
    }
    ;(this.s.counters as Record<string, CounterState>)[c.id] = c
  }

  delay(id: string): Delay | undefined {
    return own(this.s.delays, id)
  }

  setDelay(d: Delay): void {
    if (!this.ownDelays) {
      this.s.delays = { ...this.s.delays }
      this.ownDelays = true
    }
    ;(this.s.delays as Record<string, Delay>)[d.id] = d
  }

  setNumber(prefix: string, n: number): void {
    if (!this.ownNumbers) {
      this.s.numbers = { ...this.s.numbers }
      this.ownNumbers = true
    }
    ;(this.s.numbers as Record<string, number>)[prefix] = n
  }

  private adopt(t: DraftTicket): DraftTicket {
    this.mine.set(t.id, t)
    return t
  }

  private openList(): Ticket[] {
    if (!this.ownOpen) {
      this.s.open = this.s.open.slice()
      this.ownOpen = true
    }
    return this.s.open as Ticket[]
  }

  private doneList(): Ticket[] {
    if (!this.ownDone) {
      this.s.done = this.s.done.slice()
      this.ownDone = true
    }
    return this.s.done as Ticket[]
  }

  private openIndex(id: TicketId): number {
    const open = this.s.open
    for (let i = 0; i < open.length; i++) if ((open[i] as Ticket).id === id) return i
    return -1
  }

  /** Newest first: a finished ticket an event names is usually a recent one. */
  private doneIndex(id: TicketId): number {
    const done = this.s.done
    for (let i = done.length - 1; i >= 0; i--) if ((done[i] as Ticket).id === id) return i
    return -1
  }
}
