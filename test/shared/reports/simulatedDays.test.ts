import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { priorityClassId } from '../../../shared/domain/ids'
import { mmcMeanWait } from '../../../shared/queueing/erlangC'
import { raqfmDiscriminations } from '../../../shared/queueing/raqfm'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { sampleExponential, sampleLognormal } from '../../../shared/sim/random'
import type { SimArrival, SimModel } from '../../../shared/sim/simulateBranch'
import { A, TEST_BRANCH } from '../support/testBranch'
import { BEIJING, hourlyPoissonArrivals, OPEN_AT, poolBranch, rngFor } from './support/scenarios'
import { simulateDayEvents } from './support/simulatedDayEvents'

function poolModel(servers: number, arrivals: SimArrival[]): SimModel {
  const branch = poolBranch(TEST_BRANCH, servers, [A])
  return {
    branch,
    openAt: OPEN_AT,
    date: '2026-11-24',
    arrivals,
    counters: branch.counters.map((c) => ({ id: c.id, openSec: 0, closeSec: null })),
    serviceTime: () => {
      throw new Error('every arrival carries its transaction time')
    },
    walkSec: 0,
    recallIntervalSec: 20,
  }
}

describe('daily report on simulated days', () => {
  it('measures a mean wait inside the Erlang C confidence band of an M/M/3 queue', () => {
    const servers = 3
    const mu = 1 / 60
    const lambda = 0.8 * servers * mu
    const days = 20
    const means = Array.from({ length: days }, (_, day) => {
      const perHour = new Array<number>(24).fill(lambda * 3600)
      const { events } = simulateDayEvents(
        poolModel(servers, hourlyPoissonArrivals(1000 + day, perHour, 1 / mu, A)),
        rngFor(day),
      )
      const r = buildDayReport({
        events,
        branch: poolBranch(TEST_BRANCH, servers, [A]),
        utcOffsetMinutes: BEIJING,
        feedback: [],
        asOf: null,
      })
      expect(r.volume.served).toBe(r.volume.issued)
      return r.kpis.waitMeanSec as number
    })
    const mean = means.reduce((a, b) => a + b, 0) / days
    const sd = Math.sqrt(means.reduce((s, m) => s + (m - mean) ** 2, 0) / (days - 1))
    const halfWidth = (2.861 * sd) / Math.sqrt(days) // 99 % two-sided, 19 degrees of freedom
    const predicted = mmcMeanWait(servers, lambda, mu)
    expect(predicted).toBeCloseTo(64.7, 1)
    expect(Math.abs(mean - predicted)).toBeLessThan(halfWidth)
    // the band is informative: a report that, say, counted the transaction as waiting would fall out of it
    expect(halfWidth).toBeLessThan(0.15 * predicted)
  }, 120_000)

  it('computes the RAQFM discriminations of an M/M/1 day exactly as the textbook FCFS queue does', () => {
    const arrivals = hourlyPoissonArrivals(77, new Array<number>(40).fill(0.8 * 60), 60, A)
    const { events } = simulateDayEvents(poolModel(1, arrivals), rngFor(1))
    const r = buildDayReport({
      events,
      branch: poolBranch(TEST_BRANCH, 1, [A]),
      utcOffsetMinutes: BEIJING,
      feedback: [],
      asOf: null,
    })
    // the same arrivals through Lindley's recursion, independent of the engine
    let free = 0
    const customers = arrivals.map((a) => {
      const start = Math.max(a.at, free)
      free = start + (a.serviceSec as number)
      return { arrival: a.at, departure: free, served: a.serviceSec as number, start }
    })
    const d = raqfmDiscriminations(
      customers,
      customers.map((c) => ({ from: c.start, to: c.departure, rate: 1 })),
    )
    expect(r.tickets).toHaveLength(arrivals.length)
    r.tickets.forEach((t, i) => expect(t.discriminationSec).toBeCloseTo(d[i] as number, 5))
    expect(Math.abs(r.fairness.raqfm.sumSec)).toBeLessThan(1e-4)
    // 1,900 customers is a small sample of M/M/1 at 0.8, whose long-run value is 0.6466
    expect(r.fairness.raqfm.meanSquared).toBeGreaterThan(0.3)
    expect(r.fairness.raqfm.meanSquared).toBeLessThan(1.2)
  }, 60_000)

  it('agrees with the simulator on a busy mixed day and explains every overtake by a declared rule', () => {
    const rng = rngFor(8)
    const services = DEMO_BRANCH.services.map((s) => s.id)
    const classes = [priorityClassId('vip'), priorityClassId('care'), priorityClassId('appointment')]
    const arrivals: SimArrival[] = []
    let t = 0
    while (arrivals.length < 650) {
      t += sampleExponential(rng, (8 * 3600) / 650)
      const u = rng.next()
      arrivals.push({
        at: t,
        serviceId: services[Math.floor(rng.next() * services.length)] as (typeof services)[number],
        priorityClassId: u < 0.15 ? (classes[Math.floor(u / 0.05)] ?? null) : null,
        serviceSec: null,
        leaves: rng.next() < 0.04,
      })
    }
    const model: SimModel = {
      branch: DEMO_BRANCH,
      openAt: OPEN_AT,
      date: '2026-11-24',
      arrivals,
      counters: DEMO_BRANCH.counters.map((c) => ({ id: c.id, openSec: 0, closeSec: 8.5 * 3600 })),
      serviceTime: (ticket, _c, r) =>
        sampleLognormal(r, (DEMO_BRANCH.services.find((s) => s.id === ticket.serviceId)?.standardSec ?? 60) * 1.1, 0.7),
      walkSec: 15,
      recallIntervalSec: 20,
      estimateAtIssue: (state, ticket) => {
        const ahead = state.open.filter((x) => x.status === 'waiting' && x.serviceId === ticket.serviceId).length
        return { mean: ahead * 90, p10: ahead * 45, p50: ahead * 80, p90: ahead * 150 }
      },
    }
    const { events, records } = simulateDayEvents(model, rngFor(3))
    const r = buildDayReport({ events, branch: DEMO_BRANCH, utcOffsetMinutes: BEIJING, feedback: [], asOf: null })
    const count = (o: string): number => records.filter((x) => x.outcome === o).length
    expect(r.volume).toMatchObject({
      issued: records.length,
      served: count('served'),
      noShows: count('noShow'),
      removedAtClose: count('removedAtClose'),
    })
    expect(r.volume.noShows).toBeGreaterThan(10)
    const waits = records.flatMap((x) => (x.calledAt === null ? [] : [x.calledAt - x.issuedAt]))
    expect(r.kpis.waitMeanSec).toBeCloseTo(waits.reduce((a, b) => a + b, 0) / waits.length, 6)
    expect(r.kpis.waitMaxSec).toBeCloseTo(Math.max(...waits), 6)
    expect(r.estimates.overall.count).toBe(waits.length)
    // priority classes and counter preferences overtake, but always by a declared rule
    expect(r.kpis.overtakes).toBeGreaterThan(50)
    expect(r.fairness.byReason.find((x) => x.reason === 'priority')?.overtakes).toBeGreaterThan(0)
    expect(r.fairness.byReason.find((x) => x.reason === 'counterPreference')?.overtakes).toBeGreaterThan(0)
    expect(r.fairness.unexplained).toBe(0)
    expect(Math.abs(r.fairness.raqfm.sumSec)).toBeLessThan(1e-3)
    // counters open match the plan: six counters for the first eight hours
    expect(r.hours.slice(0, 8).every((h) => Math.abs(h.countersOpen - 6) < 1e-9)).toBe(true)
  }, 60_000)

  it('shows a declared priority class favoured and ordinary customers discriminated against by RAQFM', () => {
    const care = priorityClassId('care')
    const servers = 3
    const perHour = new Array<number>(24).fill(0.8 * servers * 60)
    const arrivals = hourlyPoissonArrivals(5, perHour, 60, A, (u) => (u < 0.3 ? care : null))
    const branch = poolBranch(TEST_BRANCH, servers, [A])
    const { events } = simulateDayEvents(poolModel(servers, arrivals), rngFor(2))
    const r = buildDayReport({ events, branch, utcOffsetMinutes: BEIJING, feedback: [], asOf: null })
    const byClass = new Map(r.fairness.raqfm.byClass.map((c) => [c.priorityClassId, c.meanDiscrimination as number]))
    expect(byClass.get(care)).toBeGreaterThan(0.05)
    expect(byClass.get(null)).toBeLessThan(-0.02)
    expect(r.fairness.byReason.find((x) => x.reason === 'priority')?.overtakes).toBeGreaterThan(100)
    expect(r.fairness.unexplained).toBe(0)
    // the waits agree: the priority class waits less than ordinary customers
    const wait = new Map(r.waiting.byClass.map((c) => [c.priorityClassId, c.mean as number]))
    expect(wait.get(care)).toBeLessThan(0.6 * (wait.get(null) as number))
  }, 60_000)
})
