import type { BranchConfig } from '../domain/branch'
import type { CounterId, StaffId } from '../domain/ids'
import { applyTo } from '../queue/applyEvent'
import { StateDraft } from '../queue/stateDraft'
import type { CounterState, PauseReason } from '../queue/counterState'
import type { Delay } from '../queue/delay'
import type { AutoClose, QueueEvent } from '../queue/events'
import { allTickets, EMPTY_STATE, getTicket, type QueueState } from '../queue/state'
import { currentSpell, type Ticket } from '../queue/ticket'
import { dayEndedAsReported } from './dayEndedStays'
import { overtakesAtCall, type Overtake, type WaitingCustomer } from './overtakes'

/** A stretch of a counter being open (staffed) or paused, with the pause reason. */
export interface CounterSpan {
  readonly counterId: CounterId
  readonly staffId: StaffId | null
  readonly state: 'open' | 'paused'
  readonly reason: PauseReason | null
  readonly from: number
  readonly to: number | null
}

/**
 * The day as the report reads it: the engine's own fold of the day's events (its tickets, with
 * their visits and wait spells), plus what the report sees happen along the way — counter
 * timelines and the customers overtaken at each call.
 */
export interface DayLog {
  readonly date: string | null
  readonly openedAt: number | null
  readonly closedAt: number | null
  /** How the hub closed the day by itself; null for a manager's close, an older journal, a day still open. */
  readonly autoClosed: AutoClose | null
  /** Time of the last event folded. */
  readonly lastAt: number | null
  /**
   * Every ticket of the day, in issue order, as `applyEvent` left it; one the hub's own close
   * ended (`dayEnded`) ends at the branch's last activity instead (`dayEndedAsReported`).
   */
  readonly tickets: readonly Ticket[]
  readonly counterSpans: readonly CounterSpan[]
  /** In the order they were announced. */
  readonly delays: readonly Delay[]
  readonly overtakes: readonly Overtake[]
  /** Events the fold could not apply (a damaged journal); 0 normally. */
  readonly ignoredEvents: number
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * Reads one day's events (from its `dayOpened` to its `dayClosed`, or up to now) through the
 * engine's fold, `applyEvent`: the report knows nothing of what an event does to a ticket that
 * the engine does not. Events before the first `dayOpened` and after the `dayClosed` are
 * ignored. One pass, O(events + waiting at each call).
 *
 * @example
 * readDay(driver.log, branch).tickets[0].visits[0].calledAt //=> the first call's time
 */
export function readDay(events: readonly QueueEvent[], branch: BranchConfig): DayLog {
  const counters = new Map(branch.counters.map((c) => [c.id, c]))
  const spans: Mutable<CounterSpan>[] = []
  const openSpans = new Map<CounterId, Mutable<CounterSpan>>()
  const overtakes: Overtake[] = []
  const draft = new StateDraft(EMPTY_STATE)
  // Counters are replaced, never changed in place: each counter as it was before the event, to
  // see which counters the event moved (kept up to date one counter at a time, not copied whole
  // at every change: those copies were a fifth of what a day's report allocated).
  const counterWas: Record<string, CounterState> = { ...draft.state.counters }
  let closedAt: number | null = null
  let autoClosed: AutoClose | null = null
  let lastAt: number | null = null
  // The day's last event before its close: when the branch was last known to be working.
  let activeUntil: number | null = null
  let ignored = 0

  for (const e of events) {
    const state = draft.state
    if (state.openedAt === null && e.type !== 'dayOpened') continue
    if (closedAt !== null || (state.openedAt !== null && e.type === 'dayOpened')) break
    lastAt = e.at
    if (e.type === 'ticketCalled') {
      const counter = counters.get(e.counterId)
      const called = getTicket(state, e.ticketId)
      if (counter !== undefined && called?.status === 'waiting') {
        const customer = waitingCustomer(called)
        const before = waitingSince(state, customer.spell.joinedAt)
        overtakes.push(...overtakesAtCall(branch, counter, e.at, customer, e.outOfOrder, before))
      }
    }
    try {
      applyTo(draft, e)
    } catch {
      // An event about a ticket or visit the day does not have: a damaged journal. Counted, and
      // the report goes on with what it can place (the fold changed nothing before it threw).
      ignored++
      continue
    }
    if (changedCounters(counterWas, draft.state.counters)) {
      followCounters(counterWas, draft.state.counters, e.at, spans, openSpans)
    }
    if (e.type === 'dayClosed') {
      closedAt = e.at
      autoClosed = e.auto ?? null
    } else activeUntil = e.at
  }
  const state = draft.finish()
  return {
    date: state.day ?? state.lastClosedDay,
    openedAt: state.openedAt,
    closedAt,
    autoClosed,
    lastAt,
    tickets:
      activeUntil === null ? allTickets(state) : allTickets(state).map((t) => dayEndedAsReported(t, activeUntil)),
    counterSpans: spans,
    delays: Object.values(state.delays).sort((a, b) => a.startedAt - b.startedAt),
    overtakes,
    ignoredEvents: ignored,
  }
}

function waitingCustomer(t: Ticket): WaitingCustomer {
  const spell = currentSpell(t)
  if (spell === undefined) throw new Error(`Ticket ${t.id} waits without a wait spell`)
  return { ticketId: t.id, priorityClassId: t.priorityClassId, appointmentAt: t.appointmentAt, spell }
}

/**
 * The customers waiting who joined their line before `joinedAt`: the only ones a call can
 * overtake. Picked before they are shaped for `overtakesAtCall`, which would skip the others: at
 * every call of a busy day most of the line joined later, and shaping all of them was a sixth of
 * what a day's report allocated.
 */
function waitingSince(state: QueueState, joinedAt: number): WaitingCustomer[] {
  const found: WaitingCustomer[] = []
  for (const t of state.open) {
    if (t.status !== 'waiting') continue
    const spell = currentSpell(t)
    if (spell !== undefined && spell.joinedAt >= joinedAt) continue
    found.push(waitingCustomer(t))
  }
  return found
}

/** Whether any counter changed since `before` was taken (same keys and identities otherwise). */
function changedCounters(
  before: Readonly<Record<string, CounterState>>,
  after: Readonly<Record<string, CounterState>>,
): boolean {
  let n = 0
  for (const id in after) {
    if (before[id] !== after[id]) return true
    n++
  }
  return n !== Object.keys(before).length
}

/** Open (staffed: idle, calling, serving), paused, or not staffed at all. */
function spanState(c: CounterState | undefined): CounterSpan['state'] | null {
  if (c === undefined || c.status === 'closed') return null
  return c.status === 'paused' ? 'paused' : 'open'
}

/**
 * A counter's timeline moves when its staffed state, its teller or its pause reason changes.
 * `before` is brought up to `after` on the way.
 */
function followCounters(
  before: Record<string, CounterState>,
  after: Readonly<Record<string, CounterState>>,
  at: number,
  spans: Mutable<CounterSpan>[],
  openSpans: Map<CounterId, Mutable<CounterSpan>>,
): void {
  for (const id in before) if (!Object.hasOwn(after, id)) delete before[id]
  for (const id in after) {
    const c = after[id] as CounterState
    const was = before[id]
    if (was === c) continue
    before[id] = c
    const from = spanState(was)
    const to = spanState(c)
    if (from === to && was?.staffId === c.staffId && was?.pauseReason === c.pauseReason) continue
    const counterId = c.id
    const open = openSpans.get(counterId)
    if (open !== undefined) open.to = at
    openSpans.delete(counterId)
    if (to === null) continue
    const span: Mutable<CounterSpan> = {
      counterId,
      staffId: c.staffId,
      state: to,
      reason: to === 'paused' ? c.pauseReason : null,
      from: at,
      to: null,
    }
    spans.push(span)
    openSpans.set(counterId, span)
  }
}
