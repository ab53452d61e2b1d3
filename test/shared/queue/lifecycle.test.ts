import { describe, expect, it } from 'vitest'
import { getCounter } from '../../../shared/queue/state'
import { transactionClock } from '../../../shared/queue/transactionClock'
import { Driver } from '../support/driver'
import { A, ALICE, B, C1, C2, C3, BOB } from '../support/testBranch'

describe('ticket lifecycle', () => {
  it('issues numbered tickets per service, waiting, in issue order', () => {
    const d = new Driver().openDay()
    const a1 = d.issue(A)
    const a2 = d.issue(A)
    const b1 = d.issue(B)
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001'])
    expect([a1.seq, a2.seq, b1.seq]).toEqual([1, 2, 3])
    expect(a1.id).toBe('20261124-A001')
    expect(a1.status).toBe('waiting')
    expect(a1.queuedAt).toBe(a1.issuedAt)
  })

  it('walks waiting → called → serving → done and keeps the three clocks', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    d.advance(120)
    d.run({ type: 'callNext', counterId: C1 })
    expect(d.ticket(t.id).status).toBe('called')
    expect(getCounter(d.state, C1)).toMatchObject({ status: 'calling', ticketId: t.id })
    d.advance(20)
    d.run({ type: 'startService', counterId: C1 })
    expect(d.ticket(t.id).status).toBe('serving')
    expect(getCounter(d.state, C1).status).toBe('serving')
    d.advance(45)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    const done = d.ticket(t.id)
    expect(done).toMatchObject({ status: 'done', outcome: 'served', counterId: null })
    const v = done.visits[0]
    expect(v).toMatchObject({ counterId: C1, staffId: ALICE, outcome: 'served', recalls: 0 })
    expect(v?.calledAt).toBe(t.issuedAt + 120_000)
    expect(v?.startedAt).toBe(t.issuedAt + 140_000)
    expect(v?.endedAt).toBe(t.issuedAt + 185_000)
    expect(getCounter(d.state, C1).status).toBe('idle')
  })

  it('records the service actually done when the teller says it differs', () => {
    const d = new Driver().openDay().open(C2, ALICE)
    d.issue(A)
    d.callNext(C2)
    d.run({ type: 'startService', counterId: C2 })
    const e = d.run({ type: 'completeService', counterId: C2, completedServiceId: B })
    expect(e).toMatchObject({ type: 'serviceCompleted', completedServiceId: B })
    expect(d.byNumber('A001').visits[0]?.transactions[0]?.completedServiceId).toBe(B)
  })

  it('counts recalls and moves the last call time', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    d.callNext(C1)
    d.advance(30).run({ type: 'recall', counterId: C1 })
    d.advance(30).run({ type: 'recall', counterId: C1 })
    const v = d.ticket(t.id).visits[0]
    expect(v?.recalls).toBe(2)
    expect(v?.lastCalledAt).toBe(d.now)
  })

  it('cancels a waiting ticket and a parked one', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    const a2 = d.issue(A)
    d.run({ type: 'cancel', ticketId: a2.id })
    expect(d.ticket(a2.id)).toMatchObject({ status: 'done', outcome: 'cancelled' })
    d.callNext(C1)
    d.run({ type: 'park', counterId: C1 })
    d.run({ type: 'cancel', ticketId: a1.id })
    expect(d.ticket(a1.id)).toMatchObject({ status: 'done', outcome: 'cancelled' })
    expect(getCounter(d.state, C1).status).toBe('idle')
  })

  describe('a cancel or a waiting-list transfer that a call overtook', () => {
    // The audit's race: the manager opens the cancel (or transfer) dialog on a waiting customer,
    // a teller calls them, the manager confirms. The call wins; the counter keeps its customer.
    const calledThenAsked = (serve: boolean) => {
      const d = new Driver().openDay().open(C1, ALICE)
      const b = d.issue(A)
      d.callNext(C1)
      if (serve) d.advance(10).run({ type: 'startService', counterId: C1 })
      return { d, b, before: d.state }
    }

    it.each([false, true])(
      'refuses a cancel of a customer called to a counter (serving: %s), changing nothing',
      (serve) => {
        const { d, b, before } = calledThenAsked(serve)
        const r = d.attempt({ type: 'cancel', ticketId: b.id })
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.error).toMatchObject({ code: 'ticketAlreadyCalled', found: serve ? 'serving' : 'called' })
        expect(r.error.message).toMatch(new RegExp(`${b.number} has been called to counter 1`))
        expect(d.state).toBe(before)
        expect(getCounter(d.state, C1)).toMatchObject({ status: serve ? 'serving' : 'calling', ticketId: b.id })
      },
    )

    it('refuses a transfer picked from the waiting list once the customer is called', () => {
      const { d, b, before } = calledThenAsked(false)
      const r = d.attempt({
        type: 'transfer',
        ticketId: b.id,
        toServiceId: B,
        toCounterId: null,
        seenStatus: 'waiting',
      })
      expect(r.ok ? null : r.error).toMatchObject({ code: 'ticketAlreadyCalled', found: 'called' })
      expect(d.state).toBe(before)
    })

    it('still lets the teller send on the customer at their counter', () => {
      const { d, b } = calledThenAsked(true)
      const e = d.run({ type: 'transfer', ticketId: b.id, toServiceId: B, toCounterId: null })
      expect(e).toMatchObject({ type: 'ticketTransferred', fromCounterId: C1 })
    })

    it('refuses a waiting-list transfer of a ticket no longer waiting for another reason, saying its state', () => {
      const d = new Driver().openDay().open(C1, ALICE)
      const b = d.issue(A)
      d.run({ type: 'cancel', ticketId: b.id })
      const r = d.attempt({
        type: 'transfer',
        ticketId: b.id,
        toServiceId: B,
        toCounterId: null,
        seenStatus: 'waiting',
      })
      expect(r.ok ? null : r.error).toMatchObject({ code: 'ticketNotWaiting', found: 'done' })
    })
  })

  it('takes a satisfaction rating once, after service', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    const t = d.serveNext(C1, 30)
    expect(d.ticket(d.issue(A).id).rating).toBeNull()
    d.run({ type: 'rate', ticketId: t.id, score: 5 })
    expect(d.ticket(t.id).rating).toBe(5)
  })
})

describe('counters', () => {
  it('opens with a teller, pauses with a reason, resumes and closes', () => {
    const d = new Driver().openDay()
    expect(getCounter(d.state, C1).status).toBe('closed')
    d.open(C1, ALICE)
    expect(getCounter(d.state, C1)).toMatchObject({ status: 'idle', staffId: ALICE })
    d.run({ type: 'pauseCounter', counterId: C1, reason: { code: 'cashCount', note: 'vault' } })
    expect(getCounter(d.state, C1)).toMatchObject({
      status: 'paused',
      pauseReason: { code: 'cashCount', note: 'vault' },
    })
    d.run({ type: 'resumeCounter', counterId: C1 })
    expect(getCounter(d.state, C1)).toMatchObject({ status: 'idle', pauseReason: null })
    d.run({ type: 'closeCounter', counterId: C1 })
    expect(getCounter(d.state, C1)).toMatchObject({ status: 'closed', staffId: null })
  })

  it('lets a teller sign in again at another counter after closing the first', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.run({ type: 'closeCounter', counterId: C1 })
    d.open(C2, ALICE)
    expect(getCounter(d.state, C2).staffId).toBe(ALICE)
  })
})

describe('the one-minute standard', () => {
  it('says how long the transaction has run and whether it is over its standard', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C3, BOB)
    d.issue(A)
    d.issue(B)
    d.callNext(C1)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toBeNull()
    d.run({ type: 'startService', counterId: C1 })
    d.callNext(C3)
    d.run({ type: 'startService', counterId: C3 })
    d.advance(45)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toEqual({
      elapsedSec: 45,
      standardSec: 60,
      transactions: 1,
      overStandard: false,
      ratio: 0.75,
    })
    d.advance(30)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toMatchObject({ elapsedSec: 75, overStandard: true })
    // business has a 180 s standard
    expect(transactionClock(d.state, d.branch, C3, d.now)).toMatchObject({ standardSec: 180, overStandard: false })
  })

  it('is null for an idle, closed or unknown counter', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toBeNull()
    expect(transactionClock(d.state, d.branch, C2, d.now)).toBeNull()
  })
})
