import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import { estimateWaits } from '../../../shared/estimate/estimateWaits'
import { knownServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import type { Ticket } from '../../../shared/queue/ticket'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CARE, CAROL, TEST_BRANCH, VIP } from '../support/testBranch'

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

describe('a ticket beyond the projection’s reach', () => {
  it('is timed at the pace the projection called its line, not as if every service were its', () => {
    // B is first at c3 only; forty A customers came before ten B customers
    const d = new Driver(BRANCH).openDay()
    for (const [c, s] of [
      [C1, ALICE],
      [C2, BOB],
      [C3, CAROL],
    ] as const)
      d.open(c, s)
    for (let i = 0; i < 40; i++) d.advance(5).issue(A)
    const bs = Array.from({ length: 10 }, () => d.advance(5).issue(B))
    const last = bs[9] as Ticket
    const meanOf = (horizonSec?: number): number =>
      estimateWaits(d.state, d.branch, MODEL, d.now, {
        newTickets: false,
        replications: 0,
        ...(horizonSec === undefined ? {} : { horizonSec }),
      }).tickets.find((t) => t.ticketId === last.id)?.estimate?.mean ?? Number.NaN
    const full = meanOf()
    // c3 calls a B every 180 s, c2 helps once the A customers are done: the tenth at 20–30 minutes
    expect(full).toBeGreaterThan(1200)
    expect(full).toBeLessThan(1900)
    // cut at 15 minutes, the projection reaches six of the ten; the rest at its pace (which cannot
    // know c2 will join later: about 30 % long), not at "everyone c2 and c3 may call, at B's
    // pace" (50 × 180 s ÷ 2 = 4,500 s, over three times the wait)
    const cut = meanOf(900)
    expect(Math.abs(cut - full) / full).toBeLessThan(0.35)
  })
})
