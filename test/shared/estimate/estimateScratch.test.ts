import { describe, expect, it } from 'vitest'
import { estimateScratch } from '../../../shared/estimate/estimateScratch'
import { estimateWaits } from '../../../shared/estimate/estimateWaits'
import type { LearnedServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { UniformBuffer } from '../../../shared/estimate/sampleTime'
import { seededRng } from '../../../shared/sim/random'
import { bigBranch, exact, smallBranch, type Case } from './support/estimateCases'

describe('estimateScratch', () => {
  it('gives the answers of a fresh estimate to two estimators taking turns with one scratch', () => {
    const scratch = estimateScratch()
    const cases = [bigBranch(), smallBranch()]
    const small = cases[1] as Case
    const only = small.state.open.filter((t) => t.status === 'waiting')[3]?.id
    if (only === undefined) throw new Error('the small branch has too few waiting')
    let compared = 0
    for (let round = 0; round < 4; round++) {
      // the big one first, then the small one: a used scratch is larger than what it is asked for
      for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
        const at = c.now + round * 7_000
        const shared = estimateWaits(c.state, c.branch, c.model, at, { ...c.options, scratch })
        const fresh = estimateWaits(c.state, c.branch, c.model, at, c.options)
        expect(exact(shared)).toEqual(exact(fresh))
        expect(shared.tickets.every((t) => t.estimate !== null)).toBe(true)
        compared++
      }
      const one = { ...small.options, only, newTickets: false }
      const shared = estimateWaits(small.state, small.branch, small.model, small.now, { ...one, scratch })
      expect(exact(shared)).toEqual(exact(estimateWaits(small.state, small.branch, small.model, small.now, one)))
      compared++
    }
    expect(compared).toBe(12)
  })

  it('leaves nothing of the scratch in an answer: a later estimate does not change an earlier one', () => {
    const scratch = estimateScratch()
    const { state, branch, model, now, options } = smallBranch()
    const first = estimateWaits(state, branch, model, now, { ...options, scratch })
    const before = JSON.stringify(exact(first))
    const big = bigBranch()
    estimateWaits(big.state, big.branch, big.model, big.now, { ...big.options, scratch })
    expect(JSON.stringify(exact(first))).toBe(before)
  })

  it('refuses an estimate while another holds the scratch, and is free again after one that failed', () => {
    const scratch = estimateScratch()
    const { state, branch, model, now, options } = smallBranch()
    // An estimate that throws part-way (a model without the service's times) must not leave it held.
    const broken = { ...model, occupancy: null } as unknown as LearnedServiceTimes
    expect(() => estimateWaits(state, branch, broken, now, { ...options, scratch })).toThrow()
    expect(scratch.busy).toBe(false)
    scratch.busy = true
    expect(() => estimateWaits(state, branch, model, now, { ...options, scratch })).toThrow(/scratch is in use/)
    scratch.busy = false
    expect(estimateWaits(state, branch, model, now, { ...options, scratch }).tickets.length).toBeGreaterThan(0)
  })
})

describe('UniformBuffer', () => {
  it("hands out exactly the generator's stream, across refills and after a reset", () => {
    const buffer = new UniformBuffer(16)
    for (const seed of [3, 11]) {
      const direct = seededRng(seed)
      buffer.reset(seededRng(seed))
      for (let i = 0; i < 100; i++) expect(buffer.next()).toBe(direct.next())
    }
  })

  it('says so when asked for a uniform before it has a generator', () => {
    expect(() => new UniformBuffer(8).next()).toThrow(/no generator/)
  })
})
