import { describe, expect, it } from 'vitest'
import { counterId, serviceId, ticketId } from '../../../shared/domain/ids'
import type { WaitEstimate } from '../../../shared/queue/ticket'
import { closingWarningTally, rangeLateChance } from '../../../shared/sim/closingWarningScore'
import { runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'
import { scenarioConfigured } from '../../../shared/sim/scenarioModel'
import type { SimTicketRecord } from '../../../shared/sim/simulateBranch'

// Doors 09:00–12:00; a is served by k1 all day (its end: the doors' 12:00), b by k2 until 11:00
// and k3 from 10:00 to 11:30 (its end: 11:30).
const scenario: Scenario = {
  hours: { open: '09:00', close: '12:00' },
  services: [
    { id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: 120, serviceTime: { dist: 'exp', meanSec: 120 } },
    { id: 'b', prefix: 'B', targetWaitSec: 600, standardSec: 120, serviceTime: { dist: 'exp', meanSec: 120 } },
  ],
  arrivals: [],
  counters: [
    { id: 'k1', services: ['a'] },
    { id: 'k2', services: ['b'], close: '11:00' },
    { id: 'k3', services: ['b'], open: '10:00', close: '11:30' },
  ],
}

/** Seconds after the 09:00 opening of a clock time. */
const sec = (clock: string): number => (Number(clock.slice(0, 2)) - 9) * 3600 + Number(clock.slice(3)) * 60
const wait = (p10: number, p50: number, p90: number): WaitEstimate => ({ mean: p50, p10, p50, p90 })

let seq = 0
function ticket(
  service: 'a' | 'b',
  issued: string,
  estimate: WaitEstimate | null,
  called: string | null,
  outcome: SimTicketRecord['outcome'] = called === null ? 'removedAtClose' : 'served',
): SimTicketRecord {
  seq++
  return {
    ticketId: ticketId(`t${seq}`),
    number: `${service.toUpperCase()}${seq}`,
    serviceId: serviceId(service),
    priorityClassId: null,
    issuedAt: sec(issued),
    calledAt: called === null ? null : sec(called),
    startedAt: null,
    endedAt: null,
    counterId: null,
    aheadAtIssue: 0,
    estimate,
    outcome,
  }
}

/** A real simulated day of the scenario (nobody comes) with these tickets in it. */
const dayWith = (records: SimTicketRecord[]) => ({ ...runScenario(scenario, { seed: 1 }), records })

describe('scenarioConfigured', () => {
  it("gives a counter with an open or a close planned hours (the other end the doors') and the doors as the opening", () => {
    const { branch, calendar } = scenarioConfigured(scenario)
    expect(branch.counters.map((c) => [c.id, c.hours])).toEqual([
      [counterId('k1'), undefined],
      [counterId('k2'), [{ opens: '09:00', closes: '11:00' }]],
      [counterId('k3'), [{ opens: '10:00', closes: '11:30' }]],
    ])
    expect(calendar.opening?.workingDays).toEqual([{ opens: '09:00', closes: '12:00' }])
    expect(calendar.opening?.weekends).toEqual([{ opens: '09:00', closes: '12:00' }])
  })
})

// The tickets of one day, each a case.
const day = dayWith([
  // 20 min to 12:00, median 25 min: unlikely; called at 12:10, ten minutes past
  ticket('a', '11:40', wait(900, 1500, 2400), '12:10'),
  // even the p10 past 12:00: unlikely; called at 12:20
  ticket('a', '11:40', wait(1500, 1800, 2400), '12:20'),
  // median 10, p90 25 min: may not; called 11:55, in time
  ticket('a', '11:40', wait(300, 600, 1500), '11:55'),
  // a short wait at 10:00: nothing said
  ticket('a', '10:00', wait(60, 300, 600), '10:05'),
  // b ends at 11:30 (k3): 30 min left, p90 20 min, nothing said; never called
  ticket('b', '11:00', wait(300, 600, 1200), null),
  // b after its counters' plan ended: nothing known, not judged
  ticket('b', '11:45', wait(60, 300, 600), null),
  // 10 min to 12:00, median 15: unlikely; left before the call at 11:58
  ticket('a', '11:50', wait(300, 900, 1800), '11:58', 'noShow'),
  ticket('a', '11:00', null, '11:20'),
])

describe('rangeLateChance', () => {
  it('reads the chance of a call after the end off the range, in straight lines between its quantiles', () => {
    const e = wait(300, 600, 1500)
    expect(rangeLateChance(e, 1050)).toBeCloseTo(0.3, 9)
    expect(rangeLateChance(e, 600)).toBeCloseTo(0.5, 9)
    expect(rangeLateChance(e, 450)).toBeCloseTo(0.7, 9)
  })

  describe('edge cases', () => {
    it('gives only the bound beyond p10 and p90', () => {
      expect(rangeLateChance(wait(300, 600, 1500), 100)).toBe(0.9)
      expect(rangeLateChance(wait(300, 600, 1500), 1500)).toBe(0.1)
    })

    it('divides by no zero width when quantiles coincide', () => {
      expect(rangeLateChance(wait(600, 600, 600), 600)).toBe(0.1)
      expect(rangeLateChance(wait(600, 600, 600), 599)).toBe(0.9)
    })
  })
})

describe('closingWarningTally', () => {
  it('sets the warning the product gives at issue against whether the first call came after the end', () => {
    const t = closingWarningTally([day])
    expect(t.stayed).toEqual({
      unlikely: { n: 2, late: 2, lateSec: 1800 },
      mayNot: { n: 1, late: 0, lateSec: 0 },
      none: { n: 2, late: 1, lateSec: 0 },
      noEnd: { n: 1, late: 0, lateSec: 0 },
    })
    expect(t.gaveUp.unlikely).toEqual({ n: 1, late: 0, lateSec: 0 })
    expect(t.gaveUp.none.n + t.gaveUp.mayNot.n + t.gaveUp.noEnd.n).toBe(0)
    expect(t.neverCalled).toBe(2)
    expect(t.noEstimate).toBe(1)
  })

  it('counts the hour before the end apart, and where the end fell in each range', () => {
    const t = closingWarningTally([day])
    expect(t.stayedLastHour.none).toEqual({ n: 1, late: 1, lateSec: 0 })
    expect(t.stayedLastHour.unlikely.n).toBe(2)
    expect(t.endInRange).toMatchObject({
      beforeP10: { n: 1, late: 1, lateSec: 1200, implied: 0.9 },
      p10ToP50: { n: 1, late: 1, lateSec: 600 },
      p50ToP90: { n: 1, late: 0, lateSec: 0 },
      afterP90: { n: 2, late: 1, lateSec: 0 },
    })
    // 20 min left: between p10 15 and p50 25 min, between p50 10 and p90 25 min; the tails' bounds
    expect(t.endInRange.p10ToP50.implied).toBeCloseTo(0.7, 9)
    expect(t.endInRange.p50ToP90.implied).toBeCloseTo(0.1 + 0.4 / 3, 9)
    expect(t.endInRange.afterP90.implied).toBeCloseTo(0.2, 9)
  })

  it('takes a call at the end itself as in time, and a customer who left before any call as never late', () => {
    const edges = dayWith([
      // median 25 min with 20 left: unlikely; called exactly at 12:00
      ticket('a', '11:40', wait(900, 1500, 2400), '12:00'),
      // the same, gone before any call
      ticket('a', '11:40', wait(900, 1500, 2400), null, 'cancelled'),
    ])
    const t = closingWarningTally([edges])
    expect(t.stayed.unlikely).toEqual({ n: 1, late: 0, lateSec: 0 })
    expect(t.gaveUp.unlikely).toEqual({ n: 1, late: 0, lateSec: 0 })
  })

  it('ends a counter planned with an opening only at the doors’ close', () => {
    const { branch } = scenarioConfigured({
      ...scenario,
      counters: [...scenario.counters, { id: 'k4', services: ['a'], open: '10:30' }],
    })
    expect(branch.counters.find((c) => c.id === 'k4')?.hours).toEqual([{ opens: '10:30', closes: '12:00' }])
  })

  it('adds up over days', () => {
    expect(closingWarningTally([day, day]).stayed.unlikely).toEqual({ n: 4, late: 4, lateSec: 3600 })
  })
})
