import type { BranchConfig } from '../domain/branch'
import type { CounterId, ServiceId, TicketId } from '../domain/ids'
import type { PauseReason } from '../queue/counterState'
import type { Delay } from '../queue/delay'
import type { QueueEvent } from '../queue/events'
import type { TicketOutcome, VisitOutcome } from '../queue/ticket'
import type { CounterSpan, DayLog, Journey, VisitLog } from './journey'
import { overtakesAtCall, type JoinKind, type Overtake, type WaitingCustomer, type WaitSpell } from './overtakes'

type Status = 'waiting' | 'called' | 'serving' | 'parked' | 'noShow' | 'done'
type Mutable<T> = { -readonly [K in keyof T]: T[K] }
type MJourney = Omit<Mutable<Journey>, 'visits' | 'spells'> & {
  visits: Mutable<VisitLog>[]
  spells: Mutable<WaitSpell>[]
  status: Status
  missedAt: number | null
}

/**
 * Folds one day's events (from its `dayOpened` to its `dayClosed`, or up to now) into journeys,
 * counter timelines, delays and the overtakes seen at each call. Events before the first
 * `dayOpened` and after the `dayClosed` are ignored. One pass, O(events + waiting at each call).
 *
 * @example
 * foldDay(driver.log, branch).journeys[0].visits[0].calledAt //=> the first call's time
 */
export function foldDay(events: readonly QueueEvent[], branch: BranchConfig): DayLog {
  const journeys: MJourney[] = []
  const byId = new Map<TicketId, MJourney>()
  // who is waiting now, as the overtaking check reads them (made once per spell, not per call)
  const waiting = new Map<TicketId, WaitingCustomer>()
  const spans: Mutable<CounterSpan>[] = []
  const openSpan = new Map<CounterId, Mutable<CounterSpan>>()
  const delays: Mutable<Delay>[] = []
  const currentDelay = new Map<string, Mutable<Delay>>()
  const overtakes: Overtake[] = []
  const counters = new Map(branch.counters.map((c) => [c.id, c]))
  let date: string | null = null
  let openedAt: number | null = null
  let closedAt: number | null = null
  let lastAt: number | null = null
  let ignored = 0

  const lastVisit = (j: MJourney): Mutable<VisitLog> | undefined => j.visits[j.visits.length - 1]
  const endVisit = (j: MJourney, at: number, outcome: VisitOutcome): void => {
    const v = lastVisit(j)
    if (v !== undefined && v.endedAt === null) {
      v.endedAt = at
      v.outcome = outcome
    }
  }
  const endSpell = (j: MJourney, at: number): void => {
    const s = j.spells[j.spells.length - 1]
    if (s !== undefined && s.endedAt === null) s.endedAt = at
    waiting.delete(j.id)
  }
  const join = (j: MJourney, at: number, by: JoinKind, serviceId: ServiceId, target: CounterId | null): void => {
    endSpell(j, at)
    const spell: Mutable<WaitSpell> = { serviceId, targetCounterId: target, joinedAt: at, joinedBy: by, endedAt: null }
    j.spells.push(spell)
    j.status = 'waiting'
    waiting.set(j.id, { ticketId: j.id, priorityClassId: j.priorityClassId, spell })
  }
  const finish = (j: MJourney, at: number, outcome: TicketOutcome): void => {
    endSpell(j, at)
    j.status = 'done'
    j.outcome = outcome
    j.endedAt = at
  }
  const closeSpan = (id: CounterId, at: number): void => {
    const s = openSpan.get(id)
    if (s !== undefined) s.to = at
    openSpan.delete(id)
  }
  const startSpan = (id: CounterId, at: number, state: 'open' | 'paused', reason: PauseReason | null): void => {
    const staffId = openSpan.get(id)?.staffId ?? null
    closeSpan(id, at)
    const s: Mutable<CounterSpan> = { counterId: id, staffId, state, reason, from: at, to: null }
    spans.push(s)
    openSpan.set(id, s)
  }
  const currentSpell = (j: MJourney): WaitSpell | undefined => j.spells[j.spells.length - 1]

  for (const e of events) {
    if (openedAt === null && e.type !== 'dayOpened') continue
    if (closedAt !== null) break
    lastAt = e.at
    if (e.type === 'dayOpened') {
      if (openedAt !== null) break
      date = e.date
      openedAt = e.at
      continue
    }
    if ('ticketId' in e && e.type !== 'ticketIssued' && !byId.has(e.ticketId)) {
      ignored++
      continue
    }
    const j = 'ticketId' in e ? byId.get(e.ticketId) : undefined
    switch (e.type) {
      case 'ticketIssued': {
        const t: MJourney = {
          id: e.ticketId,
          number: e.number,
          seq: e.issueSeq,
          serviceId: e.serviceId,
          priorityClassId: e.priorityClassId,
          issuedAt: e.at,
          appointmentAt: e.appointmentAt,
          estimate: e.estimate,
          visits: [],
          spells: [],
          transfers: 0,
          rejoins: 0,
          outcome: null,
          endedAt: null,
          rating: null,
          status: 'waiting',
          missedAt: null,
        }
        journeys.push(t)
        byId.set(t.id, t)
        join(t, e.at, 'issue', e.serviceId, null)
        break
      }
      case 'ticketCalled': {
        const t = j as MJourney
        const spell = currentSpell(t)
        const counter = counters.get(e.counterId)
        const called = waiting.get(t.id)
        if (called !== undefined && counter !== undefined) {
          for (const o of overtakesAtCall(branch, counter, e.at, called, e.outOfOrder, waiting.values()))
            overtakes.push(o)
        }
        endSpell(t, e.at)
        t.status = 'called'
        t.visits.push({
          counterId: e.counterId,
          staffId: e.staffId,
          serviceId: spell?.serviceId ?? t.serviceId,
          calledAt: e.at,
          recalls: 0,
          startedAt: null,
          endedAt: null,
          outcome: null,
          completedServiceId: null,
          outOfOrder: e.outOfOrder,
        })
        break
      }
      case 'ticketRecalled': {
        const v = lastVisit(j as MJourney)
        if (v !== undefined) v.recalls++
        break
      }
      case 'serviceStarted': {
        const t = j as MJourney
        const v = lastVisit(t)
        if (v !== undefined) v.startedAt = e.at
        t.status = 'serving'
        break
      }
      case 'serviceCompleted': {
        const t = j as MJourney
        endVisit(t, e.at, 'served')
        const v = lastVisit(t)
        if (v !== undefined) v.completedServiceId = e.completedServiceId
        finish(t, e.at, 'served')
        break
      }
      case 'ticketNoShow': {
        const t = j as MJourney
        endVisit(t, e.at, 'noShow')
        t.status = 'noShow'
        t.missedAt = e.at
        break
      }
      case 'ticketRejoined': {
        const t = j as MJourney
        t.rejoins++
        t.missedAt = null
        join(t, e.at, 'rejoin', currentSpell(t)?.serviceId ?? t.serviceId, null)
        break
      }
      case 'ticketTransferred': {
        const t = j as MJourney
        if (e.fromCounterId !== null) endVisit(t, e.at, 'transferred')
        t.transfers++
        join(t, e.at, 'transfer', e.toServiceId, e.toCounterId)
        break
      }
      case 'ticketParked': {
        const t = j as MJourney
        endVisit(t, e.at, 'parked')
        t.status = 'parked'
        break
      }
      case 'ticketResumed': {
        const t = j as MJourney
        const from = lastVisit(t)
        join(t, e.at, 'resume', from?.serviceId ?? t.serviceId, from?.counterId ?? null)
        break
      }
      case 'ticketCancelled': {
        const t = j as MJourney
        if (t.status === 'called' || t.status === 'serving') endVisit(t, e.at, 'cancelled')
        finish(t, e.at, 'cancelled')
        break
      }
      case 'ticketRated':
        ;(j as MJourney).rating = e.score
        break
      case 'counterOpened':
        closeSpan(e.counterId, e.at)
        openSpan.set(e.counterId, {
          counterId: e.counterId,
          staffId: e.staffId,
          state: 'open',
          reason: null,
          from: e.at,
          to: null,
        })
        spans.push(openSpan.get(e.counterId) as Mutable<CounterSpan>)
        break
      case 'counterPaused':
        startSpan(e.counterId, e.at, 'paused', e.reason)
        break
      case 'counterResumed':
        startSpan(e.counterId, e.at, 'open', null)
        break
      case 'counterClosed':
        closeSpan(e.counterId, e.at)
        break
      case 'delayAnnounced': {
        const d: Mutable<Delay> = {
          id: e.delayId,
          scope: e.scope,
          source: e.source,
          kind: e.kind,
          message: e.message,
          startedAt: e.at,
          endedAt: null,
        }
        delays.push(d)
        currentDelay.set(e.delayId, d)
        break
      }
      case 'delayCleared': {
        const d = currentDelay.get(e.delayId)
        if (d !== undefined && d.endedAt === null) d.endedAt = e.at
        break
      }
      case 'dayClosed':
        closedAt = e.at
        for (const t of journeys) {
          if (t.status === 'done') continue
          if (t.status === 'noShow') {
            finish(t, t.missedAt ?? e.at, 'noShow')
            continue
          }
          if (t.status === 'called' || t.status === 'serving') endVisit(t, e.at, 'removedAtClose')
          finish(t, e.at, 'removedAtClose')
        }
        for (const id of [...openSpan.keys()]) closeSpan(id, e.at)
        for (const d of delays) if (d.endedAt === null) d.endedAt = e.at
        break
    }
  }
  return {
    date,
    openedAt,
    closedAt,
    lastAt,
    // the working fields (status, missedAt) ride along unseen: copying 2,000 journeys to drop them costs more
    journeys,
    counterSpans: spans,
    delays,
    overtakes,
    ignoredEvents: ignored,
  }
}
