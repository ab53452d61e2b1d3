import { describe, expect, it } from 'vitest'
import { counterId, staffId } from '../../../shared/domain/ids'
import type { BranchConfig } from '../../../shared/domain/branch'
import { estimateScratch } from '../../../shared/estimate/estimateScratch'
import { estimateWaits, type EstimateOptions } from '../../../shared/estimate/estimateWaits'
import { knownServiceTimes, type LearnedServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { UniformBuffer } from '../../../shared/estimate/sampleTime'
import { seededRng } from '../../../shared/sim/random'
import type { QueueState } from '../../../shared/queue/state'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, CARE, TEST_BRANCH, VIP } from '../support/testBranch'

/** Every number as its exact text (−0 and NaN kept apart), so that equal means identical. */
function exact(x: unknown): unknown {
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x)
  if (Array.isArray(x)) return x.map(exact)
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, exact(v)]))
  return x
}

interface Case {
  readonly state: QueueState
  readonly branch: BranchConfig
  readonly model: LearnedServiceTimes
  readonly now: number
  readonly options: EstimateOptions
}

/** Three counters, two services, both priority classes, a booked customer, arrivals expected. */
function smallBranch(): Case {
  const d = new Driver(TEST_BRANCH).openDay()
  d.open(C1, ALICE).open(C2, BOB).open(C3, CAROL)
  for (const c of [C1, C2, C3]) {
    d.issue(A)
    d.callNext(c)
    d.run({ type: 'startService', counterId: c })
    d.advance(40)
  }
  for (let i = 0; i < 14; i++) {
    d.advance(25)
    d.issue(i % 3 === 0 ? B : A, i % 5 === 1 ? VIP : i % 7 === 2 ? CARE : null)
  }
  d.book(A, d.now + 120_000, 300)
  const model = knownServiceTimes(TEST_BRANCH, { [A]: { meanSec: 150, scv: 0.6 }, [B]: { meanSec: 400, scv: 1.6 } })
  const arrivals = [
    { serviceId: A, priorityClassId: null, perHour: 30, evidence: 12 },
    { serviceId: B, priorityClassId: VIP, perHour: 4, evidence: 3 },
  ]
  return { state: d.state, branch: TEST_BRANCH, model, now: d.now, options: { arrivals } }
}

/** Eight counters of one service, 40 waiting: bigger than the other in every dimension. */
function bigBranch(): Case {
  const branch: BranchConfig = {
    ...TEST_BRANCH,
    counters: Array.from({ length: 8 }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services: [A, B] })),
  }
  const d = new Driver(branch).openDay()
  for (let i = 0; i < 8; i++) {
    d.open(counterId(`k${i}`), staffId(`t${i}`))
    d.issue(A)
    d.callNext(counterId(`k${i}`))
    d.run({ type: 'startService', counterId: counterId(`k${i}`) })
    d.advance(13)
  }
  for (let i = 0; i < 40; i++) {
    d.advance(7)
    d.issue(i % 4 === 0 ? B : A, i % 6 === 0 ? VIP : null)
  }
  const model = knownServiceTimes(branch, { [A]: { meanSec: 90, scv: 1 }, [B]: { meanSec: 240, scv: 0.3 } })
  const arrivals = [{ serviceId: A, priorityClassId: null, perHour: 60, evidence: 30 }]
  return { state: d.state, branch, model, now: d.now, options: { arrivals } }
}

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
