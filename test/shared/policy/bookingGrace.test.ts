import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, type BranchConfig } from '../../../shared/domain/branch'
import type { CounterId, ServiceId, TicketId } from '../../../shared/domain/ids'
import { callOrder, promiseDeadline } from '../../../shared/policy/callOrder'
import type { QueueEvent } from '../../../shared/queue/events'
import { mixSeed, seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { scenarioSimModel } from '../../../shared/sim/scenarioModel'
import { simulateBranch, type SimArrival } from '../../../shared/sim/simulateBranch'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C3, CARE, TEST_BRANCH, VIP } from '../support/testBranch'

const GRACE = 600
/** The wait cap makes walk-ins who waited 20 minutes go before everyone who came after them. */
const CAPPED: BranchConfig = { ...TEST_BRANCH, policy: { ...DEFAULT_POLICY, waitCapSec: 1200 } }

describe('promiseDeadline', () => {
  it('runs from the slot, or from a check-in after it, for the grace; null before the slot and after the grace', () => {
    const slot = 1_000_000
    const early = { appointmentAt: slot, appointmentGraceSec: GRACE, issuedAt: slot - 900_000 }
    expect(promiseDeadline(early, slot - 1)).toBeNull()
    expect(promiseDeadline(early, slot)).toBe(slot + GRACE * 1000)
    expect(promiseDeadline(early, slot + GRACE * 1000)).toBe(slot + GRACE * 1000)
    expect(promiseDeadline(early, slot + GRACE * 1000 + 1)).toBeNull()
    const late = { ...early, issuedAt: slot + 300_000 }
    expect(promiseDeadline(late, slot + 700_000)).toBe(slot + 300_000 + GRACE * 1000)
    expect(promiseDeadline({ appointmentAt: null, issuedAt: slot }, slot)).toBeNull()
    // A ticket from a journal written before the grace was journaled promises nothing more.
    expect(promiseDeadline({ appointmentAt: slot, issuedAt: slot }, slot)).toBeNull()
  })
})

describe('the call grace of a booked customer', () => {
  it('calls a booked customer first on a busy day, before walk-ins with a higher priority and walk-ins past the wait cap', () => {
    const d = new Driver(CAPPED).openDay().open(C1, ALICE)
    // Walk-ins who have waited long, premier and elderly customers with high priorities.
    d.issue(A)
    d.issue(A, CARE)
    d.advance(300)
    d.issue(A, VIP)
    d.advance(900)
    const slot = d.now + 600_000
    const booked = d.book(A, slot, GRACE)
    d.advance(300)
    d.issue(A, CARE)
    // Before the slot the booked customer waits their turn.
    expect(callOrder(d.state, CAPPED, C1, d.now)[0]?.id).not.toBe(booked.id)
    d.advance(300)
    expect(callOrder(d.state, CAPPED, C1, d.now)[0]?.id).toBe(booked.id)
    // Past the cap, the first walk-in would otherwise go before everybody.
    expect(d.now - d.byNumber('A001').queuedAt).toBeGreaterThanOrEqual(1200_000)
    expect(d.callNext(C1).id).toBe(booked.id)
  })

  it('is next at the first counter that serves the service, whatever that counter prefers', () => {
    const d = new Driver(CAPPED).openDay().open(C3, BOB).open(C1, ALICE)
    for (let i = 0; i < 4; i++) d.issue(B)
    const booked = d.book(A, d.now, GRACE)
    d.advance(60)
    // Counter 3 prefers business customers, and they came first; the booked personal customer goes first.
    expect(d.callNext(C3).id).toBe(booked.id)
  })

  it('calls the booked customer whose grace runs out first, then the next', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t0 = d.now
    const later = d.book(A, t0 + 300_000, GRACE, VIP)
    const sooner = d.book(A, t0 + 120_000, GRACE)
    d.advance(400)
    expect(callOrder(d.state, TEST_BRANCH, C1, d.now).map((t) => t.id)).toEqual([sooner.id, later.id])
  })

  it('keeps a booked customer whose grace ran out ahead of walk-ins, but behind those past the wait cap', () => {
    const d = new Driver(CAPPED).openDay().open(C1, ALICE)
    const capped = d.issue(A)
    d.advance(600)
    const walkIn = d.issue(A, VIP)
    const booked = d.book(A, d.now + 300_000, GRACE)
    d.advance(910)
    expect(promiseDeadline(booked, d.now)).toBeNull()
    expect(callOrder(d.state, CAPPED, C1, d.now).map((t) => t.id)).toEqual([capped.id, booked.id, walkIn.id])
  })

  it('promises nothing beyond the old order to a booked ticket that carries no grace (an old journal)', () => {
    const d = new Driver(CAPPED).openDay().open(C1, ALICE)
    const capped = d.issue(A)
    d.advance(1200)
    const e = d.run({
      type: 'issueTicket',
      serviceId: A,
      priorityClassId: null,
      language: 'en',
      appointmentAt: d.now,
      estimate: null,
    })
    if (e.type !== 'ticketIssued') throw new Error('expected a ticket')
    expect(e).not.toHaveProperty('appointmentGraceSec')
    d.advance(10)
    expect(callOrder(d.state, CAPPED, C1, d.now).map((t) => t.id)).toEqual([capped.id, e.ticketId])
  })

  it('journals the grace with the ticket, for a booked customer only', () => {
    const d = new Driver().openDay()
    const booked = d.book(A, d.now + 60_000, GRACE)
    expect(booked.appointmentGraceSec).toBe(GRACE)
    expect(d.log.at(-1)).toMatchObject({ type: 'ticketIssued', appointmentGraceSec: GRACE })
    const e = d.run({
      type: 'issueTicket',
      serviceId: A,
      priorityClassId: null,
      language: 'en',
      appointmentAt: null,
      appointmentGraceSec: GRACE,
      estimate: null,
    })
    expect(e).not.toHaveProperty('appointmentGraceSec')
  })
})

/**
 * Random days of the simulator (random services, counters with preferences and shifts, priority
 * classes, customers who give up), with a wait cap and a share of customers who booked ahead and
 * check in on time (up to 30 minutes early, or up to 10 minutes late).
 */
function bookedDay(seed: number, share: number, graceSec: number) {
  const { model } = scenarioSimModel(randomBranchDay(seed), seed)
  const rng = seededRng(mixSeed(seed * 31 + 7))
  const arrivals: SimArrival[] = model.arrivals.map((a) => {
    if (rng.next() >= share) return a
    const slotSec = Math.max(0, a.at + (rng.next() * 40 - 10) * 60)
    return { ...a, leaves: false, booking: { slotSec, graceSec } }
  })
  const branch: BranchConfig = { ...model.branch, policy: { ...model.branch.policy, waitCapSec: 900 } }
  const events: QueueEvent[] = []
  simulateBranch({ ...model, branch, arrivals, onEvent: (e) => events.push(e) }, seededRng(mixSeed(seed)))
  return { branch, events }
}

interface Booked {
  readonly id: TicketId
  readonly serviceId: ServiceId
  readonly from: number
  readonly deadline: number
  calledAt: number | null
}

/**
 * Every booking the policy failed: called after its deadline (or never) although a counter that
 * serves its service called someone else within its grace who was not a booked customer whose
 * own grace runs out no later.
 */
function brokenPromises(branch: BranchConfig, events: readonly QueueEvent[]) {
  const booked = new Map<TicketId, Booked>()
  const calls: { at: number; counterId: CounterId; ticketId: TicketId }[] = []
  for (const e of events) {
    if (e.type === 'ticketIssued' && e.appointmentAt !== null && e.appointmentGraceSec !== undefined) {
      const from = Math.max(e.appointmentAt, e.at)
      booked.set(e.ticketId, {
        id: e.ticketId,
        serviceId: e.serviceId,
        from,
        deadline: from + e.appointmentGraceSec * 1000,
        calledAt: null,
      })
    }
    if (e.type === 'ticketCalled') {
      calls.push({ at: e.at, counterId: e.counterId, ticketId: e.ticketId })
      const b = booked.get(e.ticketId)
      if (b !== undefined && b.calledAt === null) b.calledAt = e.at
    }
  }
  const broken: { booking: Booked; call: (typeof calls)[number] }[] = []
  let kept = 0
  for (const b of booked.values()) {
    if (b.calledAt !== null && b.calledAt <= b.deadline) {
      kept++
      continue
    }
    for (const c of calls) {
      if (c.at < b.from || c.at > b.deadline) continue
      const serves = branch.counters.find((x) => x.id === c.counterId)?.services.includes(b.serviceId) ?? false
      if (!serves) continue
      const other = booked.get(c.ticketId)
      const fair = other !== undefined && other.from <= c.at && other.deadline <= b.deadline
      if (!fair) broken.push({ booking: b, call: c })
    }
  }
  return { broken, kept, booked: booked.size }
}

describe('the call grace over random simulated days', () => {
  it('calls every on-time booking within its grace when a counter serving it frees up within the grace', () => {
    let kept = 0
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0.05, 0.15, 0.3), (seed, share) => {
        const { branch, events } = bookedDay(seed, share, GRACE)
        const r = brokenPromises(branch, events)
        kept += r.kept
        expect(r.broken).toEqual([])
      }),
      { numRuns: 25 },
    )
    // Not vacuous: the days hold bookings that were called within their grace.
    expect(kept).toBeGreaterThan(100)
  })
})
