import { assertNever } from '../util/assertNever'
import { own } from '../util/own'
import type { CounterId, TicketId } from '../domain/ids'
import type { CounterState } from './counterState'
import type { QueueEvent } from './events'
import { getCounter, getTicket, type QueueState } from './state'
import type { JoinKind, Ticket, Transaction, Visit, VisitOutcome, WaitSpell } from './ticket'

/**
 * Folds one event into the state. Pure and total: it trusts that the event was produced by
 * `decide` against the state it is applied to (the hub only journals decided events), and never
 * consults the branch configuration, so a journal replays to the same state on any terminal.
 *
 * @example
 * const s = applyEvent(EMPTY_STATE, { type: 'dayOpened', date: '2026-11-24', seq: 1, at: t0 })
 * s.day //=> '2026-11-24'
 */
export function applyEvent(state: QueueState, event: QueueEvent): QueueState {
  const next = applyBody(state, event)
  return { ...next, lastSeq: event.seq }
}

/** Folds a whole log: `replay(events)` equals the live state after the same events. */
export function replay(events: readonly QueueEvent[], from: QueueState): QueueState {
  let state = from
  for (const event of events) state = applyEvent(state, event)
  return state
}

function applyBody(s: QueueState, e: QueueEvent): QueueState {
  switch (e.type) {
    case 'dayOpened':
      return {
        ...s,
        day: e.date,
        openedAt: e.at,
        issued: 0,
        open: [],
        done: [],
        numbers: {},
        counters: {},
        delays: {},
      }
    case 'dayClosed':
      return closeDay(s, e.at)
    case 'ticketIssued': {
      const prefix = e.number.replace(/\d+$/, '')
      const ticket: Ticket = {
        id: e.ticketId,
        number: e.number,
        seq: e.issueSeq,
        serviceId: e.serviceId,
        priorityClassId: e.priorityClassId,
        priorityClaim: e.priorityClaim ?? null,
        priorityBy: null,
        language: e.language,
        issuedAt: e.at,
        appointmentAt: e.appointmentAt,
        queuedAt: e.at,
        tiebreak: e.issueSeq,
        targetCounterId: null,
        status: 'waiting',
        counterId: null,
        visits: [],
        spells: [spell(e.serviceId, null, e.at, 'issue')],
        transfers: 0,
        estimate: e.estimate,
        missedAt: null,
        rejoins: 0,
        outcome: null,
        endedAt: null,
        rating: null,
      }
      return {
        ...s,
        issued: Math.max(s.issued, e.issueSeq),
        numbers: { ...s.numbers, [prefix]: Number(e.number.slice(prefix.length)) },
        open: [...s.open, ticket],
      }
    }
    case 'ticketCalled': {
      const visit: Visit = {
        counterId: e.counterId,
        staffId: e.staffId,
        serviceId: ticketOf(s, e.ticketId).serviceId,
        calledAt: e.at,
        recalls: 0,
        lastCalledAt: e.at,
        startedAt: null,
        endedAt: null,
        outcome: null,
        transactions: [],
        outOfOrder: e.outOfOrder,
      }
      const t = ticketOf(s, e.ticketId)
      return withCounter(
        withTicket(s, {
          ...t,
          status: 'called',
          counterId: e.counterId,
          targetCounterId: null,
          visits: [...t.visits, visit],
          spells: endSpell(t.spells, e.at),
        }),
        e.counterId,
        (c) => ({ ...c, status: 'calling', ticketId: e.ticketId, since: e.at }),
      )
    }
    case 'ticketRecalled':
      return updateVisit(s, e.ticketId, (v) => ({ ...v, recalls: v.recalls + 1, lastCalledAt: e.at }))
    case 'serviceStarted':
      return withCounter(
        withStatus(
          updateVisit(s, e.ticketId, (v) => ({
            ...v,
            startedAt: e.at,
            transactions: [transaction(v.serviceId, 1, e.at)],
          })),
          e.ticketId,
          'serving',
        ),
        e.counterId,
        (c) => ({ ...c, status: 'serving', since: e.at }),
      )
    case 'serviceCompleted': {
      const ended = endVisit(s, e.ticketId, 'served', e.at, e.completedServiceId)
      const t = ticketOf(ended, e.ticketId)
      return freeCounter(
        withTicket(ended, { ...t, status: 'done', counterId: null, outcome: 'served', endedAt: e.at }),
        e.counterId,
        e.at,
      )
    }
    case 'transactionAdded':
      // The customer stays at the counter: no new call, the counter keeps serving.
      return updateVisit(s, e.ticketId, (v) => ({
        ...v,
        transactions: [
          ...endTransaction(v.transactions, 'served', e.at, null),
          transaction(e.serviceId, e.quantity, e.at),
        ],
      }))
    case 'ticketNoShow': {
      const ended = endVisit(s, e.ticketId, 'noShow', e.at, null)
      const t = ticketOf(ended, e.ticketId)
      return freeCounter(
        withTicket(ended, { ...t, status: 'noShow', counterId: null, missedAt: e.at }),
        e.counterId,
        e.at,
      )
    }
    case 'ticketRejoined': {
      const t = ticketOf(s, e.ticketId)
      return withTicket(s, {
        ...t,
        status: 'waiting',
        queuedAt: e.queuedAt,
        tiebreak: e.tiebreak,
        missedAt: null,
        rejoins: t.rejoins + 1,
        spells: join(t.spells, spell(t.serviceId, null, e.at, 'rejoin')),
      })
    }
    case 'ticketTransferred': {
      const ended = e.fromCounterId === null ? s : endVisit(s, e.ticketId, 'transferred', e.at, null)
      const t = ticketOf(ended, e.ticketId)
      const moved = withTicket(ended, {
        ...t,
        status: 'waiting',
        counterId: null,
        serviceId: e.toServiceId,
        targetCounterId: e.toCounterId,
        transfers: t.transfers + 1,
        spells: join(t.spells, spell(e.toServiceId, e.toCounterId, e.at, 'transfer')),
      })
      return e.fromCounterId === null ? moved : freeCounter(moved, e.fromCounterId, e.at)
    }
    case 'ticketParked': {
      const ended = endVisit(s, e.ticketId, 'parked', e.at, null)
      const t = ticketOf(ended, e.ticketId)
      return freeCounter(withTicket(ended, { ...t, status: 'parked' }), e.counterId, e.at)
    }
    case 'ticketResumed': {
      // Back to waiting with its original place, reserved for the counter that parked it.
      const t = ticketOf(s, e.ticketId)
      return withTicket(s, {
        ...t,
        status: 'waiting',
        targetCounterId: t.counterId,
        counterId: null,
        spells: join(t.spells, spell(t.serviceId, t.counterId, e.at, 'resume')),
      })
    }
    case 'ticketCancelled': {
      const t = ticketOf(s, e.ticketId)
      const atCounter = t.status === 'called' || t.status === 'serving' ? t.counterId : null
      const ended = atCounter === null ? s : endVisit(s, e.ticketId, 'cancelled', e.at, null)
      const cancelled = ticketOf(ended, e.ticketId)
      const done = withTicket(ended, {
        ...cancelled,
        spells: endSpell(cancelled.spells, e.at),
        status: 'done',
        counterId: null,
        outcome: 'cancelled',
        endedAt: e.at,
      })
      return atCounter === null ? done : freeCounter(done, atCounter, e.at)
    }
    case 'ticketRated':
      return withTicket(s, { ...ticketOf(s, e.ticketId), rating: e.score })
    case 'priorityChanged':
      return withTicket(s, {
        ...ticketOf(s, e.ticketId),
        priorityClassId: e.to,
        priorityClaim: null,
        priorityBy: e.by ?? 'staff',
      })
    case 'counterOpened':
      return withCounter(s, e.counterId, (c) => ({
        ...c,
        status: 'idle',
        staffId: e.staffId,
        ticketId: null,
        pauseReason: null,
        since: e.at,
      }))
    case 'counterPaused':
      return withCounter(s, e.counterId, (c) => ({ ...c, status: 'paused', pauseReason: e.reason, since: e.at }))
    case 'counterResumed':
      return withCounter(s, e.counterId, (c) => ({ ...c, status: 'idle', pauseReason: null, since: e.at }))
    case 'counterClosed':
      return withCounter(s, e.counterId, (c) => ({
        ...c,
        status: 'closed',
        staffId: null,
        ticketId: null,
        pauseReason: null,
        since: e.at,
      }))
    case 'delayAnnounced':
      return {
        ...s,
        delays: {
          ...s.delays,
          [e.delayId]: {
            id: e.delayId,
            scope: e.scope,
            source: e.source,
            kind: e.kind,
            message: e.message,
            startedAt: e.at,
            endedAt: null,
          },
        },
      }
    case 'delayCleared': {
      const d = own(s.delays, e.delayId)
      return d === undefined ? s : { ...s, delays: { ...s.delays, [e.delayId]: { ...d, endedAt: e.at } } }
    }
    default:
      return assertNever(e, 'event')
  }
}

function ticketOf(s: QueueState, id: TicketId): Ticket {
  const t = getTicket(s, id)
  if (t === undefined) throw new Error(`Event refers to unknown ticket ${id}: the journal does not match the state`)
  return t
}

/** Puts the new version of a ticket in place; a ticket that is now done moves to `done`. */
function withTicket(s: QueueState, t: Ticket): QueueState {
  const i = s.open.findIndex((x) => x.id === t.id)
  if (i === -1) {
    // Only a rating changes a finished ticket.
    return { ...s, done: s.done.map((x) => (x.id === t.id ? t : x)) }
  }
  if (t.status === 'done') return { ...s, open: s.open.filter((x) => x.id !== t.id), done: [...s.done, t] }
  const open = s.open.slice()
  open[i] = t
  return { ...s, open }
}

function withStatus(s: QueueState, id: TicketId, status: Ticket['status']): QueueState {
  return withTicket(s, { ...ticketOf(s, id), status })
}

function withCounter(s: QueueState, id: CounterId, f: (c: CounterState) => CounterState): QueueState {
  return { ...s, counters: { ...s.counters, [id]: f(getCounter(s, id)) } }
}

function freeCounter(s: QueueState, id: CounterId, at: number): QueueState {
  return withCounter(s, id, (c) => ({ ...c, status: 'idle', ticketId: null, since: at }))
}

function updateVisit(s: QueueState, id: TicketId, f: (v: Visit) => Visit): QueueState {
  const t = ticketOf(s, id)
  const last = t.visits[t.visits.length - 1]
  if (last === undefined) throw new Error(`Ticket ${id} has no visit to update`)
  return withTicket(s, { ...t, visits: [...t.visits.slice(0, -1), f(last)] })
}

function endVisit(
  s: QueueState,
  id: TicketId,
  outcome: VisitOutcome,
  at: number,
  completedServiceId: Transaction['completedServiceId'],
): QueueState {
  return updateVisit(s, id, (v) => closedVisit(v, outcome, at, completedServiceId))
}

/** The visit ended: the customer left (or never came); the transaction in progress ends with it. */
function closedVisit(
  v: Visit,
  outcome: VisitOutcome,
  at: number,
  completedServiceId: Transaction['completedServiceId'],
): Visit {
  return { ...v, endedAt: at, outcome, transactions: endTransaction(v.transactions, outcome, at, completedServiceId) }
}

function transaction(serviceId: Transaction['serviceId'], quantity: number, at: number): Transaction {
  return { serviceId, quantity, startedAt: at, endedAt: null, outcome: null, completedServiceId: null }
}

/** The transactions with the one in progress (if any) ended at `at`. */
function endTransaction(
  txs: readonly Transaction[],
  outcome: VisitOutcome,
  at: number,
  completedServiceId: Transaction['completedServiceId'],
): readonly Transaction[] {
  const last = txs[txs.length - 1]
  if (last === undefined || last.endedAt !== null) return txs
  return [...txs.slice(0, -1), { ...last, endedAt: at, outcome, completedServiceId }]
}

function spell(
  serviceId: WaitSpell['serviceId'],
  target: WaitSpell['targetCounterId'],
  at: number,
  by: JoinKind,
): WaitSpell {
  return { serviceId, targetCounterId: target, joinedAt: at, joinedBy: by, endedAt: null }
}

/** The spells with the one in progress (if any) ended at `at`. */
function endSpell(spells: readonly WaitSpell[], at: number): readonly WaitSpell[] {
  const last = spells[spells.length - 1]
  return last === undefined || last.endedAt !== null ? spells : [...spells.slice(0, -1), { ...last, endedAt: at }]
}

/** A new stretch of waiting begins; the one in progress (a transfer of a waiting ticket) ends. */
function join(spells: readonly WaitSpell[], next: WaitSpell): readonly WaitSpell[] {
  return [...endSpell(spells, next.joinedAt), next]
}

/** Day close: every open ticket ends (a no-show as no-show), counters close, delays end. */
function closeDay(s: QueueState, at: number): QueueState {
  const closed: Ticket[] = []
  for (const t of s.open) {
    const visits =
      t.status === 'called' || t.status === 'serving'
        ? t.visits.map((v, i) => (i === t.visits.length - 1 ? closedVisit(v, 'removedAtClose', at, null) : v))
        : t.visits
    closed.push({
      ...t,
      visits,
      spells: endSpell(t.spells, at),
      status: 'done',
      counterId: null,
      outcome: t.status === 'noShow' ? 'noShow' : 'removedAtClose',
      endedAt: t.status === 'noShow' ? t.missedAt : at,
    })
  }
  const counters: Record<string, CounterState> = {}
  for (const c of Object.values(s.counters)) {
    counters[c.id] = { ...c, status: 'closed', staffId: null, ticketId: null, pauseReason: null, since: at }
  }
  const delays = Object.fromEntries(
    Object.values(s.delays).map((d) => [d.id, d.endedAt === null ? { ...d, endedAt: at } : d]),
  )
  return { ...s, day: null, lastClosedDay: s.day, open: [], done: [...s.done, ...closed], counters, delays }
}
