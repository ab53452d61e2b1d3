import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import { estimateWaits } from '../../../shared/estimate/estimateWaits'
import { knownServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import type { Ticket } from '../../../shared/queue/ticket'
import { Driver } from '../support/driver'
import { A, ALICE, B, C2, CARE, TEST_BRANCH, VIP } from '../support/testBranch'

/**
 * The projection's call order is the engine's, decision for decision: one counter (preferring A,
 * then B) with fixed transaction times, so the projection's times are the engine's exactly, and a
 * queue where every rule of the calling key decides a call — a booked customer who checked in
 * early and whose slot comes during the projection (first from then on, within their grace), one
 * whose grace has run out (still before walk-ins), the wait cap, the counter's preference, a priority class accumulating faster, and a
 * class claimed at the kiosk but not yet confirmed (ordinary until confirmed).
 */
const BRANCH: BranchConfig = {
  ...TEST_BRANCH,
  priorityClasses: TEST_BRANCH.priorityClasses.map((c) => (c.id === CARE ? { ...c, establishedBy: 'staff' } : c)),
  policy: { ...TEST_BRANCH.policy, waitCapSec: 900 },
}
const SEC = { [A]: 60, [B]: 180 } as Record<string, number>
const MODEL = knownServiceTimes(BRANCH, { [A]: { meanSec: 60, scv: 1e-6 }, [B]: { meanSec: 180, scv: 1e-6 } })

function queue(): Driver {
  const d = new Driver(BRANCH).openDay()
  d.open(C2, ALICE)
  d.issue(B)
  d.advance(20)
  // checked in early: an ordinary ticket until the slot (in 5 minutes), then first within 2 minutes' grace
  d.book(B, d.now + 300_000, 120)
  d.advance(20)
  // checked in on time for a slot long gone whose grace has run out: still before walk-ins
  d.book(B, d.now - 1_200_000, 60)
  for (let i = 0; i < 6; i++) {
    d.advance(15)
    d.issue(i % 3 === 0 ? B : A, i === 4 ? VIP : null)
  }
  d.advance(10)
  // claimed at the kiosk, not yet confirmed by staff: waits as ordinary
  const claim = d.issue(A, CARE)
  if (claim.priorityClaim !== CARE || claim.priorityClassId !== null) throw new Error('expected an unconfirmed claim')
  for (let i = 0; i < 8; i++) {
    d.advance(10)
    d.issue(A)
  }
  return d
}

describe('the projection orders calls with the engine’s own key', () => {
  it('calls every waiting ticket in the order the engine then calls them', () => {
    const d = queue()
    const waiting = d.state.open.filter((t) => t.status === 'waiting')
    const w = estimateWaits(d.state, d.branch, MODEL, d.now, { newTickets: false, replications: 0 })
    const projected = [...w.tickets]
      .map((t) => ({ id: t.ticketId, mean: t.estimate?.mean ?? Number.NaN }))
      .sort((x, y) => x.mean - y.mean)
      .map((t) => t.id)
    expect(projected).toHaveLength(waiting.length)

    const called: string[] = []
    while (d.state.open.some((x) => x.status === 'waiting')) {
      const t = d.callNext(C2)
      called.push(t.id)
      d.run({ type: 'startService', counterId: C2 })
      d.advance(SEC[t.serviceId] as number)
      d.run({ type: 'completeService', counterId: C2, completedServiceId: null })
    }
    const numbers = (ids: readonly string[]) => ids.map((id) => d.ticket(id as Ticket['id']).number)
    expect(numbers(projected)).toEqual(numbers(called))
  })
})
