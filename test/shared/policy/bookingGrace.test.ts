import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, type BranchConfig } from '../../../shared/domain/branch'
import { callOrder, promiseDeadline } from '../../../shared/policy/callOrder'
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
