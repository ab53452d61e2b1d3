import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { accumulatedPriority } from '../../../shared/policy/priorityScore'
import { callOrder, nextTicket } from '../../../shared/policy/callOrder'
import { describePolicy } from '../../../shared/policy/describePolicy'
import { peopleAhead } from '../../../shared/queue/peopleAhead'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CARE, CAROL, TEST_BRANCH, VIP } from '../support/testBranch'

describe('accumulatedPriority', () => {
  it('is rate × (waited + head start)', () => {
    expect(accumulatedPriority({ rate: 2, headStartSec: 90 }, 0, 60_000)).toBe(300)
    expect(accumulatedPriority({ rate: 1, headStartSec: 0 }, 1000, 61_000)).toBe(60)
  })

  it('gives equal priorities for equal standings, so arrival settles the tie', () => {
    // 1.5 × 50 ms = 75 ms exactly; computed in seconds first, 1.5 × 0.05 is 0.07500000000000001.
    expect(accumulatedPriority({ rate: 1.5, headStartSec: 0 }, 25, 75)).toBe(
      accumulatedPriority({ rate: 1, headStartSec: 0 }, 0, 75),
    )
    const branch = {
      ...TEST_BRANCH,
      priorityClasses: [{ ...TEST_BRANCH.priorityClasses[0]!, rate: 1.5, headStartSec: 0 }],
    }
    const d = new Driver(branch).openDay().open(C1, ALICE)
    d.issue(A)
    d.advance(0.025)
    d.issue(A, VIP)
    d.advance(0.05)
    expect(callOrder(d.state, branch, C1, d.now).map((t) => t.number)).toEqual(['A001', 'A002'])
  })
})

describe('calling policy', () => {
  it('is first come, first served within a service', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.advance(10)
    d.issue(A)
    d.advance(10)
    d.issue(A)
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A001', 'A002', 'A003'])
    expect(d.serveNext(C1).number).toBe('A001')
    expect(d.serveNext(C1).number).toBe('A002')
  })

  it('follows the counter’s preference order between services', () => {
    const d = new Driver().openDay().open(C3, ALICE).open(C2, BOB)
    d.issue(A)
    d.advance(60)
    d.issue(B)
    // counter 3 prefers business, counter 2 personal
    expect(nextTicket(d.state, d.branch, C3, d.now)?.number).toBe('B001')
    expect(nextTicket(d.state, d.branch, C2, d.now)?.number).toBe('A001')
    // counter 1 serves only personal
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A001'])
  })

  it('lets a priority class overtake by accumulating faster, but not forever', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A) // ordinary at 0
    d.advance(60)
    d.issue(A, VIP) // VIP at 60 s: 2 × (t − 60 + 90)
    d.advance(60)
    // at 120 s: ordinary 120, VIP 2 × 150 = 300
    expect(nextTicket(d.state, d.branch, C1, d.now)?.number).toBe('A002')

    const late = new Driver().openDay().open(C1, ALICE)
    late.issue(A)
    late.advance(600)
    late.issue(A, VIP)
    late.advance(20)
    // at 620 s: ordinary 620, VIP 2 × 110 = 220
    expect(nextTicket(late.state, late.branch, C1, late.now)?.number).toBe('A001')
  })

  it('orders classes by rate when they arrive together', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.issue(A, VIP)
    d.issue(A, CARE)
    d.advance(300)
    // ordinary 300, VIP 2 × 390 = 780, care 3 × 300 = 900
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A003', 'A002', 'A001'])
  })

  it('reduces to first come, first served when all rates are equal', () => {
    const equal = {
      ...TEST_BRANCH,
      priorityClasses: TEST_BRANCH.priorityClasses.map((p) => ({ ...p, rate: 1, headStartSec: 0 })),
    }
    const d = new Driver(equal).openDay().open(C1, ALICE)
    d.issue(A, CARE)
    d.advance(5)
    d.issue(A)
    d.advance(5)
    d.issue(A, VIP)
    d.advance(100)
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A001', 'A002', 'A003'])
  })

  it('sends a ticket past the wait cap before everyone who came after it, preferences and classes notwithstanding', () => {
    const capped = { ...TEST_BRANCH, policy: { ...TEST_BRANCH.policy, waitCapSec: 300 } }
    const d = new Driver(capped).openDay().open(C3, ALICE)
    d.issue(A) // counter 3 prefers B, so A001 would wait behind every B
    d.advance(100)
    d.issue(B, CARE)
    d.advance(199)
    expect(nextTicket(d.state, d.branch, C3, d.now)?.number).toBe('B001')
    d.advance(1)
    expect(nextTicket(d.state, d.branch, C3, d.now)?.number).toBe('A001')
  })

  it('keeps capped tickets in arrival order among themselves', () => {
    const capped = { ...TEST_BRANCH, policy: { ...TEST_BRANCH.policy, waitCapSec: 60 } }
    const d = new Driver(capped).openDay().open(C1, ALICE)
    d.issue(A)
    d.advance(10)
    d.issue(A, CARE)
    d.advance(100)
    expect(callOrder(d.state, d.branch, C1, d.now).map((t) => t.number)).toEqual(['A001', 'A002'])
  })

  it('never hands two counters the same ticket', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB).open(C3, CAROL)
    d.issue(A)
    d.issue(A)
    const first = d.callNext(C1)
    const second = d.callNext(C2)
    expect(first.id).not.toBe(second.id)
    expect(d.attempt({ type: 'callNext', counterId: C3 })).toMatchObject({
      ok: false,
      error: { code: 'nothingWaiting' },
    })
  })

  it('records an out-of-order call with its reason and the ticket skipped', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    const a2 = d.issue(A)
    const e = d.run({ type: 'callSpecific', counterId: C1, ticketId: a2.id, reason: 'wheelchair, staff escorted' })
    expect(e).toMatchObject({
      type: 'ticketCalled',
      outOfOrder: { reason: 'wheelchair, staff escorted', skipped: '20261124-A001' },
    })
    expect(d.ticket(a2.id).visits[0]?.outOfOrder?.reason).toBe('wheelchair, staff escorted')
  })

  it('does not mark a specific call as out of order when it is the policy’s own choice', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const a1 = d.issue(A)
    const e = d.run({ type: 'callSpecific', counterId: C1, ticketId: a1.id, reason: 'by number' })
    expect(e).toMatchObject({ type: 'ticketCalled', outOfOrder: null })
  })
})

describe('peopleAhead', () => {
  it('counts the waiting tickets of the same service whose turn comes first', () => {
    const d = new Driver().openDay()
    d.issue(A)
    d.advance(10)
    d.issue(B)
    d.issue(A)
    const a3 = d.issue(A)
    expect(peopleAhead(d.state, d.branch, a3, d.now)).toBe(2)
    d.advance(100)
    const vip = d.issue(A, VIP)
    // VIP: 2 × 90 = 180 now; A001 has 110, others 100
    expect(peopleAhead(d.state, d.branch, vip, d.now)).toBe(0)
    expect(peopleAhead(d.state, d.branch, d.ticket(a3.id), d.now)).toBe(3)
  })
})

describe('describePolicy', () => {
  it('states the rules from the configuration', () => {
    const p = describePolicy(DEMO_BRANCH)
    expect(p.waitCapSec).toBe(2400)
    expect(p.classes.find((c) => c.id === 'vip')).toMatchObject({ rate: 2, creditSec: 180 })
    expect(p).toMatchObject({ recallsBeforeNoShow: 2, graceMin: 30, rejoinBehind: 2 })
    expect(describePolicy(TEST_BRANCH).waitCapSec).toBeNull()
  })
})
