import { describe, expect, it } from 'vitest'
import { runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'
import { scenarioArrivals } from '../../../shared/sim/scenarioModel'
import { summariseSimDay, ticketLine } from '../../../shared/sim/simDayReport'
import { mixSeed, seededRng } from '../../../shared/sim/random'
import { scenarioBranch } from '../../../shared/sim/scenarioModel'

const scenario: Scenario = {
  name: 'Small',
  hours: { open: '09:00', close: '12:00' },
  services: [
    {
      id: 'personal',
      prefix: 'A',
      targetWaitSec: 300,
      standardSec: 120,
      serviceTime: { dist: 'lognormal', meanSec: 150, cv: 0.8 },
    },
    { id: 'business', prefix: 'B', targetWaitSec: 600, standardSec: 300, serviceTime: { dist: 'det', sec: 240 } },
  ],
  priorityClasses: [{ id: 'vip', rate: 2, headStartSec: 60 }],
  arrivals: [
    { service: 'personal', perHour: [30, 50, 40] },
    { service: 'personal', priority: 'vip', perHour: 5 },
    { service: 'business', perHour: 6 },
  ],
  counters: [
    { id: 'c1', services: ['personal'] },
    { id: 'c2', services: ['business', 'personal'] },
    { id: 'c3', services: ['personal'], open: '10:00', close: '11:00' },
  ],
  noShowProbability: 0.05,
  walkSec: 10,
}

describe('scenarioArrivals', () => {
  it('draws each stream at its hourly rates, only while the doors are open', () => {
    let personal = 0
    let vip = 0
    const days = 200
    for (let d = 0; d < days; d++) {
      const { arrivals } = scenarioArrivals(scenario, seededRng(mixSeed(d)))
      for (const a of arrivals) {
        expect(a.at).toBeGreaterThanOrEqual(0)
        expect(a.at).toBeLessThan(3 * 3600)
        if (a.serviceId === 'personal' && a.priorityClassId === null) personal++
        if (a.priorityClassId === 'vip') vip++
      }
    }
    expect(personal / days).toBeCloseTo(120, -1)
    expect(vip / days).toBeCloseTo(15, -0.5)
  })
})

describe('runScenario', () => {
  it('is deterministic for a seed, and another seed is another day', () => {
    const one = runScenario(scenario, { seed: 4 })
    const two = runScenario(scenario, { seed: 4 })
    expect(two.records).toEqual(one.records)
    expect(runScenario(scenario, { seed: 5 }).records).not.toEqual(one.records)
  })

  it('shows every customer an estimate at issue, and a free counter means "now"', () => {
    const day = runScenario(scenario, { seed: 4 })
    expect(day.records.every((r) => r.estimate !== null)).toBe(true)
    const first = [...day.records].sort((a, b) => a.issuedAt - b.issuedAt)[0]
    expect(first?.estimate).toEqual({ mean: 0, p10: 0, p50: 0, p90: 0 })
    expect(first?.calledAt).toBeCloseTo(first?.issuedAt as number, 6)
  })

  it('answers a what-if with the same customers: one more counter from 10:00 shortens the waits', () => {
    const more: Scenario = {
      ...scenario,
      counters: [...scenario.counters, { id: 'c4', services: ['personal'], open: '10:00' }],
    }
    const base = runScenario(scenario, { seed: 9 })
    const plus = runScenario(more, { seed: 9 })
    expect(plus.records.map((r) => [r.number, r.issuedAt])).toEqual(base.records.map((r) => [r.number, r.issuedAt]))
    const meanWait = (rs: typeof base.records): number => {
      const w = rs.filter((r) => r.calledAt !== null).map((r) => (r.calledAt as number) - r.issuedAt)
      return w.reduce((a, b) => a + b, 0) / w.length
    }
    expect(meanWait(plus.records)).toBeLessThan(0.8 * meanWait(base.records))
  })

  it('makes the customers who leave no-shows, costing the counter the recalls', () => {
    const day = runScenario({ ...scenario, noShowProbability: 0.3 }, { seed: 2 })
    const gone = day.records.filter((r) => r.outcome === 'noShow')
    expect(gone.length).toBeGreaterThan(20)
    for (const r of gone) expect((r.endedAt as number) - (r.calledAt as number)).toBe(60)
  })

  it("keeps the day's service times and journal for the next days to learn from", () => {
    const day = runScenario(scenario, { seed: 3 })
    const served = day.records.filter((r) => r.outcome === 'served').length
    expect(Object.values(day.serviceTimes.occupancy).reduce((n, m) => n + m.n, 0)).toBe(served)
    expect(day.events[0]?.type).toBe('dayOpened')
    expect(day.events[day.events.length - 1]?.type).toBe('dayClosed')
  })
})

describe('the simulated day as files', () => {
  it('writes one line per ticket with the fields of the JSONL format', () => {
    const day = runScenario(scenario, { seed: 4 })
    const line = ticketLine(day.records[0] as (typeof day.records)[number])
    expect(Object.keys(line)).toEqual([
      'ticket',
      'service',
      'priority',
      'issuedAt',
      'calledAt',
      'startedAt',
      'endedAt',
      'counter',
      'aheadAtIssue',
      'estimate',
      'outcome',
    ])
    expect(Object.keys(line.estimate ?? {})).toEqual(['mean', 'p10', 'p50', 'p90'])
  })

  it('summarises the headline figures, leaving a place for the full daily report', () => {
    const day = runScenario(scenario, { seed: 4 })
    const s = summariseSimDay('Small', day.date, 4, scenarioBranch(scenario), day.records)
    const served = day.records.filter((r) => r.outcome === 'served')
    expect(s.branch.issued).toBe(day.records.length)
    expect(s.branch.served).toBe(served.length)
    const within = served.filter((r) => (r.calledAt as number) - r.issuedAt <= (r.serviceId === 'personal' ? 300 : 600))
    expect(s.branch.withinTargetShare).toBeCloseTo(within.length / served.length, 12)
    expect(s.services.map((x) => x.service)).toEqual(['personal', 'business'])
    expect(s.dailyReport).toBeNull()
  })
})
