import { describe, expect, it } from 'vitest'
import { estimateScratch } from '../../../shared/estimate/estimateScratch'
import { estimateWaits, type EstimateOptions, type WaitEstimates } from '../../../shared/estimate/estimateWaits'
import { B, CARE } from '../support/testBranch'
import { bigBranch, exact, smallBranch, type Case } from './support/estimateCases'

/** The projection of who is already there by its definition: its own estimate, no arrivals, one run. */
function separately(c: Case, at: number, options: EstimateOptions): { tickets: unknown[]; newTickets: unknown[] } {
  const alone = estimateWaits(c.state, c.branch, c.model, at, { ...options, arrivals: [], replications: 0 })
  return {
    tickets: alone.tickets.map((t) => t.estimate?.mean ?? null),
    newTickets: alone.newTickets.map((n) => n.estimate?.mean ?? null),
  }
}

/** The model's part of an answer, without the projection of who is already there. */
function model(e: WaitEstimates): unknown {
  return exact({ at: e.at, tickets: e.tickets, newTickets: e.newTickets })
}

describe('the projection of who is already there, on the model’s preparation', () => {
  it('gives the means of a preparation of its own, and leaves the model’s estimates as they were', () => {
    const scratch = estimateScratch()
    const small = smallBranch()
    const only = small.state.open.filter((t) => t.status === 'waiting')[5]?.id
    if (only === undefined) throw new Error('the small branch has too few waiting')
    // A kind of arrivals no waiting ticket is of: its stream makes a group of its own (with no
    // would-be tickets, nobody else makes it), empty once the arrivals are left out.
    const care = { serviceId: B, priorityClassId: CARE, perHour: 6, evidence: 5 }
    // A counter only for B, which nobody waits for: with the arrivals it waits for B's newcomers,
    // without them it has nothing to do.
    const big = bigBranch()
    const [first, ...rest] = big.branch.counters
    if (first === undefined) throw new Error('the big branch has no counters')
    const onlyB: Case = {
      ...big,
      state: { ...big.state, open: big.state.open.filter((t) => t.status !== 'waiting' || t.serviceId !== B) },
      branch: { ...big.branch, counters: [{ ...first, services: [B] }, ...rest] },
      options: {
        arrivals: [...(big.options.arrivals ?? []), { serviceId: B, priorityClassId: null, perHour: 3, evidence: 4 }],
        newTickets: false,
      },
    }
    const variants: [Case, EstimateOptions][] = [
      [small, small.options],
      [bigBranch(), bigBranch().options],
      [small, { ...small.options, only, newTickets: false }],
      [small, { arrivals: [...(small.options.arrivals ?? []), care], arrivalsUntil: small.now + 600_000 }],
      [small, { ...small.options, arrivals: [care], only, newTickets: false }],
      [onlyB, onlyB.options],
    ]
    let apart = 0
    for (let round = 0; round < 2; round++) {
      for (const [c, options] of variants) {
        const at = c.now + round * 9_000
        const shared = estimateWaits(c.state, c.branch, c.model, at, { ...options, present: true, scratch })
        expect(model(shared)).toEqual(model(estimateWaits(c.state, c.branch, c.model, at, options)))
        const present = shared.present ?? { tickets: [], newTickets: [] }
        expect(exact(present)).toEqual(exact(separately(c, at, options)))
        expect(present.tickets.length).toBe(shared.tickets.length)
        expect(present.tickets.every((m) => m !== null)).toBe(true)
        // not the model's figure: the arrivals forecast keeps someone waiting longer
        shared.tickets.forEach((t, i) => {
          if ((t.estimate?.mean ?? 0) > (present.tickets[i] ?? 0) + 1) apart++
        })
      }
    }
    expect(apart).toBeGreaterThan(10)
  })

  it('is left out unless asked for', () => {
    const { state, branch, model, now, options } = smallBranch()
    expect(estimateWaits(state, branch, model, now, options).present).toBeUndefined()
  })
})
