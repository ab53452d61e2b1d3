import { describe, expect, it } from 'vitest'
import { raqfmDiscriminations, raqfmFigures, type RaqfmCustomer } from '../../../shared/queueing/raqfm'
import { sampleExponential, seededRng } from '../../../shared/sim/random'

interface Job {
  readonly arrival: number
  readonly size: number
}

function poissonJobs(seed: number, n: number, load: number): Job[] {
  const rng = seededRng(seed)
  let t = 0
  return Array.from({ length: n }, () => {
    t += sampleExponential(rng, 1 / load)
    return { arrival: t, size: sampleExponential(rng, 1) }
  })
}

/** First come, first served on `servers` servers (earliest free), as customers and service spans. */
function fcfs(jobs: readonly Job[], servers: number) {
  const free = new Array<number>(servers).fill(0)
  const customers: RaqfmCustomer[] = []
  const spans = jobs.map((j) => {
    let k = 0
    for (let i = 1; i < servers; i++) if ((free[i] as number) < (free[k] as number)) k = i
    const start = Math.max(j.arrival, free[k] as number)
    free[k] = start + j.size
    customers.push({ arrival: j.arrival, departure: start + j.size, served: j.size })
    return { from: start, to: start + j.size, rate: 1 }
  })
  return { customers, spans }
}

/** Egalitarian processor sharing on one server, simulated exactly from event to event. */
function processorSharing(jobs: readonly Job[]) {
  const departures = new Array<number>(jobs.length).fill(0)
  const left = new Map<number, number>()
  const spans: { from: number; to: number; rate: number }[] = []
  let now = 0
  let next = 0
  let busySince = 0
  while (next < jobs.length || left.size > 0) {
    const arrival = next < jobs.length ? (jobs[next] as Job).arrival : Number.POSITIVE_INFINITY
    let smallest = Number.POSITIVE_INFINITY
    let who = -1
    for (const [i, r] of left) if (r < smallest) [smallest, who] = [r, i]
    const finish = left.size > 0 ? now + smallest * left.size : Number.POSITIVE_INFINITY
    const t = Math.min(arrival, finish)
    const share = left.size > 0 ? (t - now) / left.size : 0
    for (const [i, r] of left) left.set(i, r - share)
    now = t
    if (finish <= arrival) {
      departures[who] = now
      left.delete(who)
      if (left.size === 0) spans.push({ from: busySince, to: now, rate: 1 })
    } else {
      if (left.size === 0) busySince = now
      left.set(next, (jobs[next] as Job).size)
      next++
    }
  }
  const customers = jobs.map((j, i) => ({ arrival: j.arrival, departure: departures[i] as number, served: j.size }))
  return { customers, spans }
}

describe('raqfmDiscriminations', () => {
  it('gives the hand-computed discriminations of two customers served in turn', () => {
    const d = raqfmDiscriminations(
      [
        { arrival: 0, departure: 1, served: 1 },
        { arrival: 0, departure: 2, served: 1 },
      ],
      [{ from: 0, to: 2, rate: 1 }],
    )
    expect(d[0]).toBeCloseTo(0.5, 12)
    expect(d[1]).toBeCloseTo(-0.5, 12)
  })

  it('charges a late arrival who overtakes with the service taken from those already there', () => {
    // A arrives at 0 needing 2; B arrives at 1 needing 1 and is served at once (preemptively)
    const d = raqfmDiscriminations(
      [
        { arrival: 0, departure: 3, served: 2 },
        { arrival: 1, departure: 2, served: 1 },
      ],
      [{ from: 0, to: 3, rate: 1 }],
    )
    // A: owed 1 (alone) + 0.5 (with B) + 1 (alone) = 2.5; B: owed 0.5
    expect(d[0]).toBeCloseTo(-0.5, 12)
    expect(d[1]).toBeCloseTo(0.5, 12)
  })

  it('gives E[D²] = 0.6466 for FCFS in M/M/1 at load 0.8 (Raz, Levy & Avi-Itzhak 2004)', () => {
    const { customers, spans } = fcfs(poissonJobs(20040601, 1_000_000, 0.8), 1)
    const d = raqfmDiscriminations(customers, spans)
    const figures = raqfmFigures(d, 1)
    expect(Math.abs((figures.meanSquared as number) / 0.6466 - 1)).toBeLessThan(0.015)
    expect(Math.abs(figures.sum)).toBeLessThan(1e-4)
  }, 60_000)

  it('gives 0 for processor sharing, customer by customer', () => {
    const { customers, spans } = processorSharing(poissonJobs(3, 20_000, 0.8))
    const d = raqfmDiscriminations(customers, spans)
    expect(Math.max(...d.map(Math.abs))).toBeLessThan(1e-6)
    expect(raqfmFigures(d, 1).meanSquared).toBeLessThan(1e-12)
  })

  it('sums to 0 over a multi-server period that starts and ends empty', () => {
    const { customers, spans } = fcfs(poissonJobs(9, 50_000, 2.4), 3)
    const d = raqfmDiscriminations(customers, spans)
    expect(Math.abs(d.reduce((a, b) => a + b, 0))).toBeLessThan(1e-5)
    // and FCFS on three servers is fairer than on one at the same load per server
    expect(raqfmFigures(d, 1).meanSquared).toBeLessThan(0.6466)
  })

  describe('edge cases', () => {
    it('has no figure for nobody', () => {
      expect(raqfmDiscriminations([], [])).toEqual([])
      expect(raqfmFigures([], 1)).toEqual({ customers: 0, meanSquared: null, sum: 0, unit: 1 })
    })
  })
})
