import { describe, expect, it } from 'vitest'
import { callOrder } from '../../../shared/policy/callOrder'
import { getCounter } from '../../../shared/queue/state'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3 } from '../support/testBranch'

function missCall(d: Driver, counter: typeof C1): void {
  d.advance(20).run({ type: 'recall', counterId: counter })
  d.advance(20).run({ type: 'recall', counterId: counter })
  d.advance(20).run({ type: 'markNoShow', counterId: counter })
}

describe('transfer', () => {
  it('keeps the original arrival time, so the customer is not sent to the back', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C3, BOB)
    const a1 = d.issue(A)
    d.advance(300)
    d.issue(B) // B001 arrived 5 minutes after A001
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.advance(30)
    d.run({ type: 'transfer', ticketId: a1.id, toServiceId: B, toCounterId: null })
    const moved = d.ticket(a1.id)
    expect(moved).toMatchObject({ status: 'waiting', serviceId: B, queuedAt: a1.issuedAt, transfers: 1 })
    expect(moved.visits[0]).toMatchObject({ outcome: 'transferred', counterId: C1 })
    expect(getCounter(d.state, C1).status).toBe('idle')
    // A001 now waits for business ahead of B001, which arrived later
    expect(callOrder(d.state, d.branch, C3, d.now).map((t) => t.number)).toEqual(['A001', 'B001'])
  })

  it('to a specific counter: only that counter may call it, and it calls it first', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const a1 = d.issue(A)
    d.issue(A)
    d.callNext(C1)
    d.run({ type: 'transfer', ticketId: a1.id, toServiceId: null, toCounterId: C2 })
    expect(d.ticket(a1.id)).toMatchObject({ targetCounterId: C2, serviceId: A })
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A002'])
    expect(callOrder(d.state, d.branch, C2, d.now).map((t) => t.number)).toEqual(['A001', 'A002'])
    const again = d.callNext(C2)
    expect(again.id).toBe(a1.id)
    expect(again.targetCounterId).toBeNull()
    expect(again.visits).toHaveLength(2)
  })

  it('moves a waiting ticket without a visit to end', () => {
    const d = new Driver().openDay()
    const a1 = d.issue(A)
    const e = d.run({ type: 'transfer', ticketId: a1.id, toServiceId: B, toCounterId: null })
    expect(e).toMatchObject({ fromCounterId: null, toServiceId: B })
    expect(d.ticket(a1.id).visits).toHaveLength(0)
  })
})

describe('no-show and re-join', () => {
  it('ends the visit as a no-show and frees the counter', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    d.callNext(C1)
    missCall(d, C1)
    expect(d.ticket(a1.id)).toMatchObject({ status: 'noShow', missedAt: d.now })
    expect(d.ticket(a1.id).visits[0]?.outcome).toBe('noShow')
    expect(getCounter(d.state, C1).status).toBe('idle')
  })

  it('re-joins behind the declared number of waiting customers, ahead of the rest', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    for (let i = 0; i < 4; i++) d.advance(60).issue(A) // A002 … A005
    d.callNext(C1)
    missCall(d, C1)
    d.advance(120)
    d.run({ type: 'rejoin', ticketId: a1.id })
    expect(d.ticket(a1.id)).toMatchObject({ status: 'waiting', rejoins: 1, missedAt: null })
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual([
      'A002',
      'A003',
      'A001',
      'A004',
      'A005',
    ])
  })

  it('re-joins at the head when fewer people wait than the rule lets go first', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    d.callNext(C1)
    missCall(d, C1)
    d.run({ type: 'rejoin', ticketId: a1.id })
    expect(d.callNext(C1).id).toBe(a1.id)
  })

  it('lets a re-joined ticket keep its place ahead of later arrivals', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    d.advance(10).issue(A)
    d.callNext(C1)
    missCall(d, C1)
    d.run({ type: 'rejoin', ticketId: a1.id })
    d.advance(10).issue(A)
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A002', 'A001', 'A003'])
  })
})

describe('park and resume', () => {
  it('steps a customer aside and brings them back to the same counter first', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const a1 = d.issue(A)
    d.issue(A)
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.run({ type: 'park', counterId: C1 })
    expect(d.ticket(a1.id)).toMatchObject({ status: 'parked', counterId: C1 })
    expect(d.ticket(a1.id).visits[0]?.outcome).toBe('parked')
    expect(getCounter(d.state, C1).status).toBe('idle')
    // meanwhile counter 1 serves the next customer
    expect(d.serveNext(C1).number).toBe('A002')
    d.issue(A)
    d.run({ type: 'resume', ticketId: a1.id })
    expect(d.ticket(a1.id)).toMatchObject({ status: 'waiting', targetCounterId: C1, queuedAt: a1.issuedAt })
    expect(callOrder(d.state, d.branch, C2, d.now).map((t) => t.number)).toEqual(['A003'])
    expect(d.callNext(C1).id).toBe(a1.id)
  })
})
