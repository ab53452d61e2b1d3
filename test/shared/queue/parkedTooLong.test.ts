import { describe, expect, it } from 'vitest'
import { parkedAt } from '../../../shared/queue/parkedTooLong'
import { Driver } from '../support/driver'
import { A, ALICE, C1, C2, BOB, TEST_BRANCH } from '../support/testBranch'

function park(d: Driver, counter: typeof C1): void {
  d.callNext(counter)
  d.run({ type: 'startService', counterId: counter })
  d.run({ type: 'park', counterId: counter })
}

describe('parkedAt', () => {
  it('lists the customers a counter parked, longest away first, and only that counter’s', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const first = d.issue(A)
    const second = d.issue(A)
    const elsewhere = d.issue(A)
    park(d, C1)
    d.advance(60)
    park(d, C1)
    park(d, C2)
    const list = parkedAt(d.state, TEST_BRANCH.policy, C1, d.now)
    expect(list.map((p) => p.ticket.number)).toEqual([first.number, second.number])
    expect(list[0]?.parkedAt).toBe(d.now - 60_000)
    expect(parkedAt(d.state, TEST_BRANCH.policy, C2, d.now).map((p) => p.ticket.id)).toEqual([elsewhere.id])
  })

  it('marks a customer overdue once away longer than the default 5 minutes', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    park(d, C1)
    expect(parkedAt(d.state, TEST_BRANCH.policy, C1, d.now + 300_000)[0]?.overdue).toBe(false)
    expect(parkedAt(d.state, TEST_BRANCH.policy, C1, d.now + 300_001)[0]?.overdue).toBe(true)
  })

  it('takes the limit from the branch, and forgets a customer once resumed', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    park(d, C1)
    const policy = { ...TEST_BRANCH.policy, parkedPromptSec: 60 }
    expect(parkedAt(d.state, policy, C1, d.now + 61_000)[0]?.overdue).toBe(true)
    d.run({ type: 'resume', ticketId: t.id })
    expect(parkedAt(d.state, policy, C1, d.now + 61_000)).toEqual([])
  })
})
