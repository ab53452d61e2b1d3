import { assertNever } from '../util/assertNever'
import type { CounterId } from '../domain/ids'
import type { QueueEvent } from './events'
import type { QueueState } from './state'
import { StateDraft, type DraftTicket } from './stateDraft'
import type { JoinKind, Transaction, Visit, VisitOutcome, WaitSpell } from './ticket'

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
  const draft = new StateDraft(state)
  applyTo(draft, event)
  return draft.finish()
}

/**
 * Folds a whole log: `replay(events)` equals the live state after the same events, event by
 * event through `applyEvent`; one draft over the whole log copies each ticket once.
 */
export function replay(events: readonly QueueEvent[], from: QueueState): QueueState {
  const draft = new StateDraft(from)
  for (const event of events) applyTo(draft, event)
  return draft.finish()
}

/**
 * Folds one event into a draft: the one place that says what each event does to the state.
 * Readers that follow the day event by event (the report) fold into one draft and read its
 * `state` between events. Every lookup comes before the first change, so an event naming a
 * ticket the day does not have throws and leaves the draft as it was.
 */
export function applyTo(d: StateDraft, e: QueueEvent): void {
  applyBody(d, e)
  d.set('lastSeq', e.seq)
}

function applyBody(d: StateDraft, e: QueueEvent): void {
  switch (e.type) {
    case 'dayOpened':
      d.reset(e.date, e.at)
      return
    case 'dayClosed':
      closeDay(d, e.at, e.auto !== undefined)
      return
    case 'ticketIssued': {
      const prefix = e.number.replace(/\d+$/, '')
      d.set('issued', Math.max(d.state.issued, e.issueSeq))
      d.setNumber(prefix, Number(e.number.slice(prefix.length)))
      d.add({
        id: e.ticketId,
        number: e.number,
        seq: e.issueSeq,
        serviceId: e.serviceId,
        priorityClassId: e.priorityClassId,
        priorityClaim: e.priorityClaim ?? null,
        ...(e.claimKiosk === undefined ? {} : { claimKiosk: e.claimKiosk }),
        priorityBy: null,
        language: e.language,
        issuedAt: e.at,
        appointmentAt: e.appointmentAt,
        ...(e.appointmentGraceSec === undefined ? {} : { appointmentGraceSec: e.appointmentGraceSec }),
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
      })
      return
    }
    case 'ticketCalled': {
      const t = d.edit(e.ticketId)
      const visit: Visit = {
        counterId: e.counterId,
        staffId: e.staffId,
        serviceId: t.serviceId,
        calledAt: e.at,
        recalls: 0,
        lastCalledAt: e.at,
        startedAt: null,
        endedAt: null,
        outcome: null,
        transactions: [],
        outOfOrder: e.outOfOrder,
      }
      t.status = 'called'
      t.counterId = e.counterId
      t.targetCounterId = null
      t.visits = [...t.visits, visit]
      t.spells = endSpell(t.spells, e.at)
      d.setCounter({ ...d.counter(e.counterId), status: 'calling', ticketId: e.ticketId, since: e.at })
      return
    }
    case 'ticketRecalled':
      updateVisit(d.edit(e.ticketId), (v) => ({ ...v, recalls: v.recalls + 1, lastCalledAt: e.at }))
      return
    case 'serviceStarted': {
      const t = d.edit(e.ticketId)
      updateVisit(t, (v) => ({ ...v, startedAt: e.at, transactions: [transaction(v.serviceId, 1, e.at)] }))
      t.status = 'serving'
      d.setCounter({ ...d.counter(e.counterId), status: 'serving', since: e.at })
      return
    }
    case 'serviceCompleted': {
      const t = d.edit(e.ticketId)
      endVisit(t, 'served', e.at, e.completedServiceId)
      Object.assign(t, { status: 'done', counterId: null, outcome: 'served', endedAt: e.at })
      d.retire(t.id)
      freeCounter(d, e.counterId, e.at)
      return
    }
    case 'transactionAdded':
      // The customer stays at the counter: no new call, the counter keeps serving.
      updateVisit(d.edit(e.ticketId), (v) => ({
        ...v,
        transactions: [
          ...endTransaction(v.transactions, 'served', e.at, null),
          transaction(e.serviceId, e.quantity, e.at),
        ],
      }))
      return
    case 'ticketNoShow': {
      const t = d.edit(e.ticketId)
      endVisit(t, 'noShow', e.at, null)
      Object.assign(t, { status: 'noShow', counterId: null, missedAt: e.at })
      freeCounter(d, e.counterId, e.at)
      return
    }
    case 'ticketRejoined': {
      const t = d.edit(e.ticketId)
      Object.assign(t, {
        status: 'waiting',
        queuedAt: e.queuedAt,
        tiebreak: e.tiebreak,
        missedAt: null,
        rejoins: t.rejoins + 1,
        spells: join(t.spells, spell(t.serviceId, null, e.at, 'rejoin')),
      })
      return
    }
    case 'ticketTransferred': {
      const t = d.edit(e.ticketId)
      if (e.fromCounterId !== null) endVisit(t, 'transferred', e.at, null)
      Object.assign(t, {
        status: 'waiting',
        counterId: null,
        serviceId: e.toServiceId,
        targetCounterId: e.toCounterId,
        transfers: t.transfers + 1,
        spells: join(t.spells, spell(e.toServiceId, e.toCounterId, e.at, 'transfer')),
      })
      if (e.fromCounterId !== null) freeCounter(d, e.fromCounterId, e.at)
      return
    }
    case 'ticketParked': {
      const t = d.edit(e.ticketId)
      endVisit(t, 'parked', e.at, null)
      t.status = 'parked'
      freeCounter(d, e.counterId, e.at)
      return
    }
    case 'ticketResumed': {
      // Back to waiting with its original place, reserved for the counter that parked it.
      const t = d.edit(e.ticketId)
      Object.assign(t, {
        status: 'waiting',
        targetCounterId: t.counterId,
        counterId: null,
        spells: join(t.spells, spell(t.serviceId, t.counterId, e.at, 'resume')),
      })
      return
    }
    case 'ticketCancelled': {
      const t = d.edit(e.ticketId)
      // The engine no longer cancels at a counter (`decideTicket`'s cancel); older journals do.
      const atCounter = t.status === 'called' || t.status === 'serving' ? t.counterId : null
      if (atCounter !== null) endVisit(t, 'cancelled', e.at, null)
      Object.assign(t, {
        spells: endSpell(t.spells, e.at),
        status: 'done',
        counterId: null,
        outcome: 'cancelled',
        endedAt: e.at,
      })
      d.retire(t.id)
      if (atCounter !== null) freeCounter(d, atCounter, e.at)
      return
    }
    case 'ticketRated':
      d.edit(e.ticketId).rating = e.score
      return
    case 'priorityChanged': {
      const t = d.edit(e.ticketId)
      t.priorityClassId = e.to
      t.priorityClaim = null
      t.priorityBy = e.by ?? 'staff'
      return
    }
    case 'counterOpened':
      d.setCounter({
        ...d.counter(e.counterId),
        status: 'idle',
        staffId: e.staffId,
        ticketId: null,
        pauseReason: null,
        since: e.at,
      })
      return
    case 'counterPaused':
      d.setCounter({ ...d.counter(e.counterId), status: 'paused', pauseReason: e.reason, since: e.at })
      return
    case 'counterResumed':
      d.setCounter({ ...d.counter(e.counterId), status: 'idle', pauseReason: null, since: e.at })
      return
    case 'counterClosed':
      d.setCounter({
        ...d.counter(e.counterId),
        status: 'closed',
        staffId: null,
        ticketId: null,
        pauseReason: null,
        since: e.at,
      })
      return
    case 'delayAnnounced':
      d.setDelay({
        id: e.delayId,
        scope: e.scope,
        source: e.source,
        kind: e.kind,
        message: e.message,
        startedAt: e.at,
        endedAt: null,
      })
      return
    case 'delayCleared': {
      const delay = d.delay(e.delayId)
      if (delay !== undefined) d.setDelay({ ...delay, endedAt: e.at })
      return
    }
    default:
      return assertNever(e, 'event')
  }
}

function freeCounter(d: StateDraft, id: CounterId, at: number): void {
  d.setCounter({ ...d.counter(id), status: 'idle', ticketId: null, since: at })
}

/** The ticket's last visit, changed; a ticket without one is a journal that does not match. */
function updateVisit(t: DraftTicket, f: (v: Visit) => Visit): void {
  const last = t.visits[t.visits.length - 1]
  if (last === undefined) throw new Error(`Ticket ${t.id} has no visit to update`)
  t.visits = [...t.visits.slice(0, -1), f(last)]
}

function endVisit(
  t: DraftTicket,
  outcome: VisitOutcome,
  at: number,
  completedServiceId: Transaction['completedServiceId'],
): void {
  updateVisit(t, (v) => closedVisit(v, outcome, at, completedServiceId))
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

/**
 * Day close: every open ticket ends (a no-show as no-show; the others unserved at the manager's
 * close, or ended with the day when the hub closed it by itself), counters close, delays end.
 * A visit cut off ends `removedAtClose` either way: its length is not known.
 */
function closeDay(d: StateDraft, at: number, auto: boolean): void {
  const unserved = auto ? 'dayEnded' : 'removedAtClose'
  d.retireAll((t) => {
    const visits =
      t.status === 'called' || t.status === 'serving'
        ? t.visits.map((v, i) => (i === t.visits.length - 1 ? closedVisit(v, 'removedAtClose', at, null) : v))
        : t.visits
    return {
      ...t,
      visits,
      spells: endSpell(t.spells, at),
      status: 'done',
      counterId: null,
      outcome: t.status === 'noShow' ? 'noShow' : unserved,
      endedAt: t.status === 'noShow' ? t.missedAt : at,
    }
  })
  for (const c of Object.values(d.state.counters)) {
    d.setCounter({ ...c, status: 'closed', staffId: null, ticketId: null, pauseReason: null, since: at })
  }
  for (const delay of Object.values(d.state.delays)) {
    if (delay.endedAt === null) d.setDelay({ ...delay, endedAt: at })
  }
  d.set('lastClosedDay', d.state.day)
  d.set('day', null)
}
