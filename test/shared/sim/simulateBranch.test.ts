import { describe, expect, it } from 'vitest'
import { counterId } from '../../../shared/domain/ids'
import { sampleExponential, sampleLognormal, seededRng } from '../../../shared/sim/random'
import { simulateBranch, type SimArrival, type SimModel } from '../../../shared/sim/simulateBranch'
import { A, B, TEST_BRANCH } from '../support/testBranch'

const SERVERS = 3
const branch = {
  ...TEST_BRANCH,
  counters: Array.from({ length: SERVERS }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services: [A] })),
}

function model(arrivals: SimArrival[], over: Partial<SimModel> = {}): SimModel {
  return {
    branch,
    openAt: Date.UTC(2026, 10, 24, 1),
    date: '2026-11-24',
    arrivals,
    counters: branch.counters.map((c) => ({ id: c.id, openSec: 0, closeSec: null })),
    serviceTime: (_t, _c, rng) => sampleExponential(rng, 60),
    walkSec: 0,
    recallIntervalSec: 20,
    ...over,
  }
}

function poisson(seed: number, n: number, ratePerSec: number): SimArrival[] {
  const rng = seededRng(seed)
  let t = 0
  return Array.from({ length: n }, () => {
    t += sampleExponential(rng, 1 / ratePerSec)
    return { at: t, serviceId: A, priorityClassId: null, serviceSec: sampleExponential(rng, 60), leaves: false }
  })
}

describe('simulateBranch', () => {
  it('reproduces an exact FCFS M/M/c computation customer by customer', () => {
    const arrivals = poisson(7, 5000, 0.6 * SERVERS * (1 / 60))
    const free = new Array<number>(SERVERS).fill(0)
    const exact = arrivals.map((a) => {
      let k = 0
      for (let j = 1; j < SERVERS; j++) if ((free[j] as number) < (free[k] as number)) k = j
      const start = Math.max(a.at, free[k] as number)
      free[k] = start + (a.serviceSec as number)
      return start - a.at
    })
    const records = simulateBranch(model(arrivals), seededRng(1)).sort((a, b) => a.issuedAt - b.issuedAt)
    expect(records).toHaveLength(arrivals.length)
    records.forEach((r, i) => expect((r.calledAt as number) - r.issuedAt).toBeCloseTo(exact[i] as number, 4))
    expect(records.every((r) => r.outcome === 'served')).toBe(true)
  })

  it('is deterministic for a given seed', () => {
    const arrivals = poisson(3, 500, 0.04).map((a) => ({ ...a, serviceSec: null }))
    const one = simulateBranch(model(arrivals), seededRng(42))
    const two = simulateBranch(model(arrivals), seededRng(42))
    const other = simulateBranch(model(arrivals), seededRng(43))
    expect(two).toEqual(one)
    expect(other).not.toEqual(one)
  })

  it('recalls customers who left, marks them no-show, and charges the counter only the recall time', () => {
    const arrivals: SimArrival[] = [
      { at: 0, serviceId: A, priorityClassId: null, serviceSec: 100, leaves: true },
      { at: 1, serviceId: A, priorityClassId: null, serviceSec: 100, leaves: false },
    ]
    const one = { ...model(arrivals), counters: [{ id: counterId('k0'), openSec: 0, closeSec: null }] }
    const [gone, stays] = simulateBranch(one, seededRng(1))
    expect(gone).toMatchObject({ outcome: 'noShow', calledAt: 0, endedAt: 60 })
    // two recalls at 20 s intervals, then the no-show at 60 s frees the counter
    expect(stays).toMatchObject({ outcome: 'served', calledAt: 60, endedAt: 160 })
  })

  it('opens and closes counters on schedule, finishing the customer in hand', () => {
    const arrivals: SimArrival[] = [0, 10, 20].map((at) => ({
      at,
      serviceId: A,
      priorityClassId: null,
      serviceSec: 50,
      leaves: false,
    }))
    const plan = {
      ...model(arrivals),
      counters: [
        { id: counterId('k0'), openSec: 0, closeSec: 30 },
        { id: counterId('k1'), openSec: 100, closeSec: null },
      ],
    }
    const records = simulateBranch(plan, seededRng(1)).sort((a, b) => a.issuedAt - b.issuedAt)
    expect(records.map((r) => [r.counterId, r.calledAt])).toEqual([
      ['k0', 0],
      ['k1', 100],
      ['k1', 150],
    ])
  })

  it('removes at close the customers no open counter serves', () => {
    const arrivals: SimArrival[] = [{ at: 5, serviceId: B, priorityClassId: null, serviceSec: 50, leaves: false }]
    const [r] = simulateBranch(model(arrivals), seededRng(1))
    expect(r).toMatchObject({ outcome: 'removedAtClose', calledAt: null })
  })
})

describe('random', () => {
  it('samples the requested means', () => {
    const rng = seededRng(11)
    const n = 200_000
    let e = 0
    let l = 0
    let l2 = 0
    for (let i = 0; i < n; i++) {
      e += sampleExponential(rng, 60)
      const x = sampleLognormal(rng, 240, 0.8)
      l += x
      l2 += x * x
    }
    expect(e / n).toBeCloseTo(60, 0)
    const mean = l / n
    const cv = Math.sqrt(l2 / n - mean * mean) / mean
    expect(mean / 240).toBeCloseTo(1, 1)
    expect(cv).toBeCloseTo(0.8, 1)
  })
})
