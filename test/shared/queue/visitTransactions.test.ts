import { describe, expect, it } from 'vitest'
import { replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE, getCounter } from '../../../shared/queue/state'
import { transactionClock } from '../../../shared/queue/transactionClock'
import { timedTransactions } from '../../../shared/queue/transactionStandard'
import { serviceId } from '../../../shared/domain/ids'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2 } from '../support/testBranch'

/** A001 called at counter 1 and at the counter 20 s later (A: 60 s standard; B: 180 s). */
function atCounter(): Driver {
  const d = new Driver().openDay().open(C1, ALICE)
  d.issue(A)
  d.callNext(C1)
  d.advance(20)
  d.run({ type: 'startService', counterId: C1 })
  return d
}

describe('several transactions in one visit', () => {
  it('starts a visit with one transaction for the service the ticket was called for', () => {
    const d = atCounter()
    const v = d.byNumber('A001').visits[0]
    expect(v?.transactions).toEqual([
      { serviceId: A, quantity: 1, startedAt: d.now, endedAt: null, outcome: null, completedServiceId: null },
    ])
  })

  it('adds a transaction without a new call: the first ends served, the next starts, the counter keeps serving', () => {
    const d = atCounter()
    d.advance(40)
    const e = d.run({ type: 'addTransaction', counterId: C1, serviceId: B, quantity: 5 })
    expect(e).toMatchObject({ type: 'transactionAdded', counterId: C1, serviceId: B, quantity: 5 })
    const t = d.byNumber('A001')
    expect(t.status).toBe('serving')
    expect(t.visits).toHaveLength(1)
    expect(t.visits[0]?.recalls).toBe(0)
    expect(t.visits[0]?.transactions.map((x) => [x.serviceId, x.quantity, x.outcome])).toEqual([
      [A, 1, 'served'],
      [B, 5, null],
    ])
    expect(getCounter(d.state, C1)).toMatchObject({ status: 'serving', ticketId: t.id })
    expect(d.log.filter((x) => x.type === 'ticketCalled')).toHaveLength(1)
  })

  it('runs the one-minute clock per transaction, against the standard times the quantity', () => {
    const d = atCounter()
    d.advance(70)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toMatchObject({ elapsedSec: 70, overStandard: true })
    d.run({ type: 'addTransaction', counterId: C1, serviceId: A, quantity: 3 })
    d.advance(100)
    expect(transactionClock(d.state, d.branch, C1, d.now)).toEqual({
      elapsedSec: 100,
      standardSec: 180,
      transactions: 2,
      overStandard: false,
      ratio: 100 / 180,
    })
  })

  it('ends the visit when the customer leaves: the last transaction takes the completion and its correction', () => {
    const d = atCounter()
    d.advance(30)
    d.run({ type: 'addTransaction', counterId: C1, serviceId: A, quantity: 1 })
    d.advance(50)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: B })
    const t = d.byNumber('A001')
    expect(t.status).toBe('done')
    expect(t.visits[0]?.endedAt).toBe(d.now)
    expect(
      timedTransactions(t).map((x) => [x.durationSec, x.transaction.outcome, x.transaction.completedServiceId]),
    ).toEqual([
      [30, 'served', null],
      [50, 'served', B],
    ])
    expect(getCounter(d.state, C1).status).toBe('idle')
  })

  it('ends the transaction in progress with the visit when the customer is transferred or the day closes', () => {
    const d = atCounter()
    d.advance(10)
    d.run({ type: 'addTransaction', counterId: C1, serviceId: A, quantity: 2 })
    d.advance(10)
    const a1 = d.byNumber('A001')
    d.run({ type: 'transfer', ticketId: a1.id, toServiceId: B, toCounterId: null })
    expect(d.ticket(a1.id).visits[0]?.transactions.map((x) => x.outcome)).toEqual(['served', 'transferred'])
    d.open(C2, BOB).callNext(C2)
    d.run({ type: 'startService', counterId: C2 })
    d.advance(5)
    d.run({ type: 'closeDay' })
    const closed = d.ticket(a1.id).visits[1]?.transactions
    expect(closed?.map((x) => [x.outcome, x.endedAt])).toEqual([['removedAtClose', d.now]])
    expect(timedTransactions(d.ticket(a1.id))).toHaveLength(2)
  })

  it('replays the log to the same state', () => {
    const d = atCounter()
    d.advance(15)
    d.run({ type: 'addTransaction', counterId: C1, serviceId: B, quantity: 1 })
    d.advance(15)
    d.run({ type: 'completeService', counterId: C1, completedServiceId: null })
    expect(replay(d.log, EMPTY_STATE)).toEqual(d.state)
  })

  describe('edge cases', () => {
    it('refuses a transaction while the customer is not yet at the counter, changing nothing', () => {
      const d = new Driver().openDay().open(C1, ALICE)
      d.issue(A)
      d.callNext(C1)
      const r = d.attempt({ type: 'addTransaction', counterId: C1, serviceId: A, quantity: 1 })
      expect(r.ok ? null : r.error).toMatchObject({ code: 'counterNotServing', found: 'calling' })
    })

    it('refuses an unknown service and a quantity that is not a whole number from 1 to 99', () => {
      const d = atCounter()
      const unknown = d.attempt({ type: 'addTransaction', counterId: C1, serviceId: serviceId('x'), quantity: 1 })
      expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'unknownService', field: 'serviceId' })
      for (const quantity of [0, 100, 1.5, -2]) {
        const r = d.attempt({ type: 'addTransaction', counterId: C1, serviceId: A, quantity })
        expect(r.ok ? null : r.error).toMatchObject({ code: 'invalidQuantity', field: 'quantity' })
      }
      expect(d.byNumber('A001').visits[0]?.transactions).toHaveLength(1)
    })
  })
})
