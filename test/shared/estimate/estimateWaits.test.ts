import { describe, expect, it } from 'vitest'
import { counterId, staffId } from '../../../shared/domain/ids'
import type { BranchConfig } from '../../../shared/domain/branch'
import { qlmWait, queueLengthWait } from '../../../shared/estimate/baselines'
import { estimateWaits } from '../../../shared/estimate/estimateWaits'
import { knownServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, TEST_BRANCH, VIP } from '../support/testBranch'

function branchOf(s: number): BranchConfig {
  return {
    ...TEST_BRANCH,
    counters: Array.from({ length: s }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services: [A] })),
  }
}

/** P(Erlang(k, λ) ≤ t) = 1 − Σ_{i<k} e^{−λt}(λt)^i / i!, summed independently of the estimator. */
function erlangCdf(k: number, lambda: number, t: number): number {
  let term = Math.exp(-lambda * t)
  let sum = term
  for (let i = 1; i < k; i++) {
    term *= (lambda * t) / i
    sum += term
  }
  return 1 - sum
}

/** s counters all busy (served for different lengths already), n customers waiting. */
function mmsState(s: number, n: number) {
  const branch = branchOf(s)
  const d = new Driver(branch).openDay()
  for (let i = 0; i < s; i++) {
    d.open(counterId(`k${i}`), staffId(`t${i}`))
    d.issue(A)
    d.callNext(counterId(`k${i}`))
    d.run({ type: 'startService', counterId: counterId(`k${i}`) })
    d.advance(17 * (i + 1))
  }
  const waiting = Array.from({ length: n }, () => {
    d.advance(3)
    return d.issue(A)
  })
  return { d, branch, waiting }
}

describe('estimateWaits on M/M/s states', () => {
  for (const [s, n] of [
    [1, 0],
    [1, 6],
    [3, 10],
    [8, 25],
  ] as const) {
    it(`equals Whitt's Erlang(n + 1, sμ) for s = ${s}, up to ${n} waiting`, () => {
      const mean = 90
      const { d, branch, waiting } = mmsState(s, n + 1)
      const model = knownServiceTimes(branch, { [A]: { meanSec: mean, scv: 1 } })
      const w = estimateWaits(d.state, branch, model, d.now)
      const lambda = s / mean
      waiting.forEach((t, ahead) => {
        const e = w.tickets.find((x) => x.ticketId === t.id)?.estimate
        if (e == null) throw new Error(`ticket ${t.id} (${ahead} ahead) got no estimate`)
        expect(e.mean).toBeCloseTo(((ahead + 1) * mean) / s, 6)
        expect(erlangCdf(ahead + 1, lambda, e.p10)).toBeCloseTo(0.1, 8)
        expect(erlangCdf(ahead + 1, lambda, e.p50)).toBeCloseTo(0.5, 8)
        expect(erlangCdf(ahead + 1, lambda, e.p90)).toBeCloseTo(0.9, 8)
      })
      // a customer taking a ticket now has everybody waiting ahead
      const fresh = w.newTickets.find((x) => x.serviceId === A && x.priorityClassId === null)?.estimate
      expect(fresh?.mean).toBeCloseTo(((n + 2) * mean) / s, 6)
    })
  }
})

describe('estimateWaits', () => {
  const model = knownServiceTimes(TEST_BRANCH, { [A]: { meanSec: 60, scv: 0.5 }, [B]: { meanSec: 180, scv: 0.5 } })
  const meanOf = (d: Driver, id: string, options = {}): number => {
    const w = estimateWaits(d.state, d.branch, model, d.now, options)
    return w.tickets.find((x) => x.ticketId === id)?.estimate?.mean ?? Number.NaN
  }
  const fresh = (d: Driver, service: typeof A, cls: typeof VIP | null = null, options = {}) =>
    estimateWaits(d.state, d.branch, model, d.now, options).newTickets.find(
      (x) => x.serviceId === service && x.priorityClassId === cls,
    )?.estimate

  /** c1 and c2 open and busy with A for 20 s; A003… waiting. */
  function busy(waitingA: number): Driver {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    d.issue(A)
    d.callNext(C1)
    d.callNext(C2)
    d.run({ type: 'startService', counterId: C1 })
    d.run({ type: 'startService', counterId: C2 })
    d.advance(20)
    for (let i = 0; i < waitingA; i++) d.issue(A)
    return d
  }

  it('tells a customer who finds a counter free that they will be called at once', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    expect(fresh(d, A)).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 })
  })

  it('has no estimate for a service no open counter serves', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    expect(fresh(d, B)).toBeNull()
    const t = d.issue(B)
    expect(estimateWaits(d.state, d.branch, model, d.now).tickets.find((x) => x.ticketId === t.id)?.estimate).toBeNull()
  })

  it('is the same for the same state (the randomised projections are seeded)', () => {
    const d = busy(6)
    const options = { arrivals: [{ serviceId: A, priorityClassId: VIP, perHour: 20 }] }
    expect(estimateWaits(d.state, d.branch, model, d.now, options)).toEqual(
      estimateWaits(d.state, d.branch, model, d.now, options),
    )
  })

  it('grows for ordinary customers when premier customers are expected, and is shorter for the premier', () => {
    const d = busy(6)
    const last = d.state.open[d.state.open.length - 1]?.id as string
    const calm = meanOf(d, last)
    const vips = meanOf(d, last, { arrivals: [{ serviceId: A, priorityClassId: VIP, perHour: 30 }] })
    expect(vips).toBeGreaterThan(calm * 1.15)
    const ordinary = fresh(d, A)?.mean as number
    const premier = fresh(d, A, VIP)?.mean as number
    expect(premier).toBeLessThan(ordinary * 0.8)
  })

  it('estimates a booked customer checking in by their slot and grace: called at the next free counter once it has come', () => {
    const d = busy(10)
    const walkIn = fresh(d, A)?.mean as number
    const due = { serviceId: A, priorityClassId: null, appointmentAt: d.now - 60_000, appointmentGraceSec: 600 }
    const booked = estimateWaits(d.state, d.branch, model, d.now, { wouldBe: [due], tickets: false })
    expect(booked.tickets).toEqual([])
    expect(booked.newTickets).toHaveLength(1)
    // two counters 20 s into a 60 s service: the next call in about 40 s (not behind the ten waiting)
    const mean = booked.newTickets[0]?.estimate?.mean as number
    expect(mean).toBeLessThan(60)
    expect(mean).toBeLessThan(walkIn / 5)
    // a slot an hour away: no promise before it, so about the walk-in's wait
    const later = { ...due, appointmentAt: d.now + 3_600_000 }
    const ahead = estimateWaits(d.state, d.branch, model, d.now, { wouldBe: [later], tickets: false })
    expect(ahead.newTickets[0]?.estimate?.mean).toBeCloseTo(walkIn, -1)
  })

  it('counts on a counter the roster opens soon, and not on one it closes', () => {
    const d = busy(10)
    const last = d.state.open[d.state.open.length - 1]?.id as string
    const base = meanOf(d, last)
    const opening = meanOf(d, last, { schedule: [{ counterId: C3, openAt: d.now + 60_000, closeAt: null }] })
    const closing = meanOf(d, last, {
      schedule: [{ counterId: C2, openAt: d.now - 3_600_000, closeAt: d.now + 60_000 }],
    })
    expect(opening).toBeLessThan(base * 0.8)
    expect(closing).toBeGreaterThan(base * 1.3)
  })

  it('waits for a paused counter to come back, sooner from a short break than a long one', () => {
    const d = busy(8)
    const last = d.state.open[d.state.open.length - 1]?.id as string
    const withoutC3 = meanOf(d, last)
    d.open(C3, staffId('carol'))
    d.run({ type: 'pauseCounter', counterId: C3, reason: { code: 'systemIssue', note: '' } })
    const longPause = meanOf(d, last)
    const shortModel = { ...model, pauseSec: { ...model.pauseSec, systemIssue: 60 } }
    const short = estimateWaits(d.state, d.branch, shortModel, d.now).tickets.find((x) => x.ticketId === last)?.estimate
      ?.mean
    expect(longPause).toBeLessThan(withoutC3)
    expect(short).toBeLessThan(longPause)
  })

  it('puts a ticket sent to a counter first there, behind nobody else waiting', () => {
    const d = busy(8)
    const t = d.issue(B)
    d.run({ type: 'transfer', ticketId: t.id, toServiceId: null, toCounterId: C1 })
    const sent = meanOf(d, t.id)
    // c1 is busy with a 60-s service 20 s in; the transferred ticket is its next call
    expect(sent).toBeLessThan(60)
  })

  it("serves a counter's preferred service first: a B ticket waits for c3 only", () => {
    const d = busy(8)
    d.open(C3, staffId('carol'))
    d.issue(B)
    d.callNext(C3)
    d.run({ type: 'startService', counterId: C3 })
    const b = d.issue(B)
    // c3 (B first) will take it at its next call, before the eight A; c2 prefers A
    expect(meanOf(d, b.id)).toBeLessThan(200)
  })

  it('answers for 100 waiting tickets at 10 counters, in FCFS order within a service', () => {
    const branch = {
      ...TEST_BRANCH,
      counters: Array.from({ length: 10 }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services: [A, B] })),
    }
    const d = new Driver(branch).openDay()
    branch.counters.forEach((c, i) => {
      d.open(c.id, staffId(`t${i}`))
      d.issue(A)
      d.callNext(c.id)
      d.run({ type: 'startService', counterId: c.id })
    })
    for (let i = 0; i < 100; i++) d.issue(i % 3 === 0 ? B : A)
    const w = estimateWaits(d.state, branch, model, d.now)
    expect(w.tickets).toHaveLength(100)
    const meansA = d.state.open
      .filter((t) => t.status === 'waiting' && t.serviceId === A)
      .map((t) => w.tickets.find((x) => x.ticketId === t.id)?.estimate?.mean as number)
    for (let i = 1; i < meansA.length; i++) expect(meansA[i]).toBeGreaterThanOrEqual(meansA[i - 1] as number)
    expect(w.newTickets).toHaveLength(2 * 3)
  })
})

describe('estimateWaits with customers who give up', () => {
  it("follows Whitt's QLm, not the plain queue-length predictor, when those ahead may leave", () => {
    const branch = branchOf(2)
    const d = new Driver(branch).openDay()
    for (const k of ['k0', 'k1']) {
      d.open(counterId(k), staffId(k))
      d.issue(A)
      d.callNext(counterId(k))
      d.run({ type: 'startService', counterId: counterId(k) })
    }
    const waiting = Array.from({ length: 20 }, () => d.issue(A))
    // customers who left cost (almost) nothing: the M/M/s+M of QLm
    const model = knownServiceTimes(
      branch,
      { [A]: { meanSec: 60, scv: 1 } },
      { [A]: { probability: 0, recallSec: 0.001 } },
    )
    for (const theta of [1 / 1200, 1 / 300]) {
      const w = estimateWaits(d.state, branch, model, d.now, { abandonmentPerSec: theta })
      for (const n of [4, 9, 19]) {
        const ours = w.tickets.find((x) => x.ticketId === waiting[n]?.id)?.estimate?.mean as number
        const qlm = qlmWait(n, 2, 60, theta)
        expect(Math.abs(ours / qlm - 1)).toBeLessThan(0.03)
        expect(ours).toBeLessThan(0.97 * queueLengthWait(n, 2, 60, true))
      }
    }
  })
})
