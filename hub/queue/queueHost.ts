import type { BranchConfig } from '../../shared/domain/branch'
import { NO_CALENDAR, type BranchCalendar } from '../../shared/domain/branchCalendar'
import { localDate } from '../../shared/domain/localTime'
import { applyEvent } from '../../shared/queue/applyEvent'
import { automaticClose } from '../../shared/queue/automaticClose'
import type { Command } from '../../shared/queue/commands'
import { decide } from '../../shared/queue/decide'
import type { CommandError } from '../../shared/queue/errors'
import type { QueueEvent } from '../../shared/queue/events'
import { EMPTY_STATE, type QueueState } from '../../shared/queue/state'
import { err, ok, type Result } from '../../shared/util/result'
import type { Journal, JournalFolder } from '../persistence/journal'
import type { Actor, JournalRecord } from '../persistence/journalRecord'
import type { Clock } from '../clock'
import { JournalIdentity } from './journalIdentity'
import { SerialQueue } from './serialQueue'
import { errorText } from '../../shared/util/errorText'

export interface QueueHostOptions {
  /** Today's journal and the earlier days' (a damaged last line is reported by the folder). */
  readonly journals: JournalFolder
  readonly branch: () => BranchConfig
  /** The doors' hours tell when a day left with counters open really ended (`automaticClose`). */
  readonly calendar?: () => BranchCalendar
  readonly utcOffsetMinutes: number
  readonly clock: Clock
  /**
   * Told of every journal record, as the day is replayed at start and as each command commits,
   * before any later command runs (the ticket ledger keeps its idempotency keys this way).
   */
  readonly onRecord?: (record: JournalRecord) => void
  /** Called after a day closes, with its events, before the next day opens. */
  readonly onDayClosed?: (date: string, events: readonly QueueEvent[]) => Promise<void>
  /** Called after a day opens, before the command that opened it is answered. */
  readonly onDayOpened?: (date: string) => Promise<void>
  readonly onError?: (message: string) => void
}

export interface Committed {
  readonly event: QueueEvent
  readonly state: QueueState
  /** True when `earlier` answered with an event already committed: nothing new was written. */
  readonly repeated: boolean
}

/** How a command is submitted, besides the command and who sends it. */
export interface SubmitOptions {
  /** Journaled with the event (an issue's idempotency key). */
  readonly key?: string
  /**
   * A permission check on the state the command will be decided against (it may throw to
   * refuse): checked before the command joined the queue, a teller's right to touch a ticket
   * could be out of date by the time it runs.
   */
  readonly guard?: (state: QueueState) => void
  /**
   * An event already committed that answers this command (a retried tap), looked up in the
   * queue so that a retry racing its first try finds it: nothing is decided or written then.
   */
  readonly earlier?: (state: QueueState) => QueueEvent | null
}

type Listener = (event: QueueEvent, state: QueueState) => void

/**
 * The one owner of the branch's queue. Commands are taken one at a time: decided by the pure
 * engine, journaled and fsync'd, then applied and announced — so an acknowledged command is on
 * disk, an unacknowledged one left no trace, and two counters can never be handed the same
 * ticket. The business day follows the branch's calendar: the first command of a new date
 * closes the old day (if the manager had not) and opens the new one — unless a customer is
 * still at a counter, who is served into their own day first (`automaticClose` has the rule, and
 * where the close is stamped).
 */
export class QueueHost {
  private state: QueueState = EMPTY_STATE
  private journal: Journal | null = null
  private identity: JournalIdentity | null = null
  private replayedTo: { seq: number; day: string | null } = { seq: 0, day: null }
  private events: QueueEvent[] = []
  private readonly listeners = new Set<Listener>()
  private readonly serial = new SerialQueue()
  /** When this hub began following the day: a day it journaled nothing of since was cut short. */
  private readonly startedAt: number

  private readonly openers = new Map<string, Actor>()

  private constructor(private readonly options: QueueHostOptions) {
    this.startedAt = options.clock.now()
  }

  private readonly report = (message: string): void => this.options.onError?.(message)

  /** Replays the newest journal (moving a damaged last line aside) and is ready for commands. */
  static async open(options: QueueHostOptions): Promise<QueueHost> {
    const host = new QueueHost(options)
    const { journals } = options
    const dates = await journals.dates()
    const latest = dates[dates.length - 1]
    if (latest !== undefined) {
      const records = await journals.recover(latest)
      for (const r of records) host.fold(r)
      if (host.state.day !== null) host.journal = await journals.open(host.state.day)
      // The last event seq of an earlier journal continues into a new day.
      if (records.length === 0 && dates.length > 1) {
        const previous = await journals.read(dates[dates.length - 2] as string)
        const last = previous.records[previous.records.length - 1]
        if (last !== undefined) host.state = { ...host.state, lastSeq: last.e.seq }
      }
    }
    host.replayedTo = { seq: host.state.lastSeq, day: latest ?? null }
    host.identity = await JournalIdentity.open(journals.fs, journals.dir, host.state.lastSeq, host.report)
    return host
  }

  get current(): QueueState {
    return this.state
  }

  /**
   * Where the journals stood when this run started, before it committed anything: the newest
   * journal's day and the seq its replay reached. Nobody outside had an event past it from this
   * run yet, so a copy that holds one (HQ's) got it from a history this journal no longer has.
   */
  get replayed(): { readonly seq: number; readonly day: string | null } {
    return this.replayedTo
  }

  /** This run's journal id (`JournalIdentity`): with a seq, a position no other history shares. */
  get journalId(): string {
    return (this.identity as JournalIdentity).id
  }

  /** Whether the position (`journal`, `seq`) is in this hub's history (`JournalIdentity.holds`). */
  holds(journal: string | null, seq: number): boolean {
    return this.identity?.holds(journal, seq) === true
  }

  /**
   * Today's events after the position (`journal`, `seq`), or null when they are not all at
   * hand or the position is in another history than this hub's (resync by snapshot).
   */
  eventsSince(journal: string | null, seq: number): QueueEvent[] | null {
    if (!this.holds(journal, seq)) return null
    if (seq === this.state.lastSeq) return []
    if (seq > this.state.lastSeq) return null
    const first = this.events[0]
    if (first === undefined || seq < first.seq - 1) return null
    return this.events.filter((e) => e.seq > seq)
  }

  todaysEvents(): readonly QueueEvent[] {
    return this.events
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Runs a command: refused with a typed error (nothing written), or committed. */
  submit(command: Command, actor: Actor, options: SubmitOptions = {}): Promise<Result<Committed, CommandError>> {
    return this.serial.run(async () => {
      await this.followCalendar()
      options.guard?.(this.state)
      const earlier = options.earlier?.(this.state) ?? null
      if (earlier !== null) return ok({ event: earlier, state: this.state, repeated: true })
      return this.commit(command, actor, options.key)
    })
  }

  /** Closes the day if the calendar moved on and opens today's (also run by the hub's timer). */
  tick(): Promise<void> {
    return this.serial.run(() => this.followCalendar())
  }

  async close(): Promise<void> {
    await this.serial.run(async () => {
      await this.journal?.close()
      this.journal = null
      // Only now, with nothing more to commit, is this run's history known whole.
      await this.identity?.stopped(this.state.lastSeq, this.report)
    })
  }

  private async followCalendar(): Promise<void> {
    const now = this.options.clock.now()
    const today = localDate(now, this.options.utcOffsetMinutes)
    const last = this.events[this.events.length - 1]
    if (this.state.day !== null && last !== undefined) {
      const close = automaticClose({
        state: this.state,
        lastEventAt: last.at,
        hubStartedAt: this.startedAt,
        now,
        calendar: this.options.calendar?.() ?? NO_CALENDAR,
        utcOffsetMinutes: this.options.utcOffsetMinutes,
      })
      // Held: the day stays open (commands go on into it) until the counters are free.
      if (close.kind === 'hold') return
      if (close.kind === 'close') {
        const actor: Actor = { kind: 'system', reason: 'end of business day' }
        await this.commitAt({ type: 'closeDay', auto: close.auto }, actor, undefined, close.at)
      }
    }
    if (this.state.day === null && (this.state.lastClosedDay === null || this.state.lastClosedDay < today)) {
      await this.commit({ type: 'openDay', date: today }, { kind: 'system', reason: 'new business day' }, undefined)
    }
  }

  private commit(command: Command, actor: Actor, key: string | undefined): Promise<Result<Committed, CommandError>> {
    return this.commitAt(command, actor, key, this.options.clock.now())
  }

  private async commitAt(
    command: Command,
    actor: Actor,
    key: string | undefined,
    now: number,
  ): Promise<Result<Committed, CommandError>> {
    const decided = decide(this.state, this.options.branch(), command, now)
    if (!decided.ok) return err(decided.error)
    const event: QueueEvent = { ...decided.value, seq: this.state.lastSeq + 1, at: now }
    if (event.type === 'dayOpened') {
      await this.journal?.close()
      this.journal = null
      this.journal = await this.options.journals.open(event.date)
      this.events = []
    }
    const journal = this.journal
    if (journal === null) throw new Error('No journal is open: the day was not opened')
    const record: JournalRecord = { e: event, m: key === undefined ? { actor } : { actor, key } }
    await journal.append(record)
    this.fold(record)
    for (const listener of this.listeners) {
      try {
        listener(event, this.state)
      } catch (e) {
        // The event is committed; one failing follower (a device, the estimates) must not keep
        // it from the others (the live channel) or turn its acknowledgement into an error.
        this.options.onError?.(`after ${event.type} #${event.seq}: ${errorText(e)}`)
      }
    }
    if (event.type === 'dayOpened') {
      try {
        await this.options.onDayOpened?.(event.date)
      } catch (e) {
        // The opening is committed; what follows it (learning for the day) must not undo that.
        this.options.onError?.(`after opening the day: ${errorText(e)}`)
      }
    }
    if (event.type === 'dayClosed') {
      const opened = this.events.find((e) => e.type === 'dayOpened')
      try {
        await this.options.onDayClosed?.(opened?.type === 'dayOpened' ? opened.date : '', this.events)
      } catch (e) {
        // The close is committed; what is built from it (summary, pruning) must not undo that.
        this.options.onError?.(`after closing the day: ${errorText(e)}`)
      }
    }
    return ok({ event, state: this.state, repeated: false })
  }

  /**
   * Who opened the counter now open (a teller at it, a manager, the demo's simulation), from the
   * journal: the staff id at a counter does not say whether a person or the simulation opened it.
   * Null while it is closed.
   */
  openedBy(counterId: string): Actor | null {
    return this.openers.get(counterId) ?? null
  }

  private fold(record: JournalRecord): void {
    const { e } = record
    if (e.type === 'counterOpened') this.openers.set(e.counterId, record.m.actor)
    if (e.type === 'counterClosed') this.openers.delete(e.counterId)
    if (e.type === 'dayOpened') this.events = []
    this.state = applyEvent(this.state, e)
    this.events.push(e)
    this.options.onRecord?.(record)
  }
}
