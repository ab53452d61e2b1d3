import { describe, expect, it } from 'vitest'
import { counterId, serviceId } from '../../../shared/domain/ids'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'
import { scenarioArrivals, scenarioClock } from '../../../shared/sim/scenarioModel'
import { scenarioTruth } from '../../../shared/sim/scenarioTruth'
import { mixSeed, seededRng } from '../../../shared/sim/random'

const mm2: Scenario = {
  name: 'M/M/2 90%',
  hours: { open: '09:00', close: '13:00' },
  services: [{ id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: 60, serviceTime: { dist: 'exp', meanSec: 120 } }],
  arrivals: [{ service: 'a', perHour: 54 }],
  counters: [
    { id: 'k1', services: ['a'] },
    { id: 'k2', services: ['a'] },
  ],
}

describe('scenarioTruth', () => {
  it("on M/M/s, the estimator on the true model is Whitt's predictor whenever every counter is busy", () => {
    // The standard (60 s) is half the truth: the learned model is wrong at first, the true one not.
    const day = runScenario(mm2, { seed: 4, informed: true })
    let compared = 0
    for (const c of day.comparisons.values()) {
      if (c.oracle === null || c.oracle === 0) continue
      expect(c.informed).not.toBeNull()
      expect(Math.abs((c.informed as number) - c.oracle) / c.oracle).toBeLessThan(1e-6)
      compared++
    }
    expect(compared).toBeGreaterThan(50)
  })

  it('gives the simulator’s own pace: each counter’s mean time per call, walk included, is what the day shows', () => {
    // Generated days have tellers 0.6–1.4 × the branch's pace and walks of up to a minute.
    let checked = 0
    for (const seed of [1001, 1002, 1003, 1004, 2017, 5003]) {
      const scenario = randomBranchDay(seed)
      const truth = scenarioTruth(scenario)
      const day = runScenario(scenario, { seed, estimate: false })
      const byCell = new Map<string, number[]>()
      for (const r of day.records) {
        if (r.outcome !== 'served' || r.calledAt === null || r.endedAt === null || r.counterId === null) continue
        const key = `${r.serviceId} ${r.counterId}`
        byCell.set(key, [...(byCell.get(key) ?? []), r.endedAt - r.calledAt])
      }
      for (const [key, times] of byCell) {
        if (times.length < 40) continue
        const [s, c] = key.split(' ') as [string, string]
        const p = truth.model.occupancyByCounter[serviceId(s)]?.[counterId(c)]
        expect(p).toBeDefined()
        const mean = times.reduce((a, b) => a + b, 0) / times.length
        // within four standard errors of the true mean
        const se = (Math.sqrt((p?.scv ?? 1) * (p?.meanSec ?? 0) ** 2) / Math.sqrt(times.length)) * 4
        expect(Math.abs(mean - (p?.meanSec ?? 0))).toBeLessThan(se)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  it("gives the customers' patience, the no-show share and what a call on someone gone costs", () => {
    const scenario: Scenario = {
      ...mm2,
      noShowProbability: 0.04,
      patience: { dist: 'exp', meanSec: 900 },
      recallIntervalSec: 15,
      recallsBeforeNoShow: 3,
    }
    const truth = scenarioTruth(scenario).model
    expect(truth.patience.a).toEqual({ noShow: 0.04, perSec: 1 / 900 })
    // three recalls 15 s apart, then the no-show at the fourth tick: what the simulator does
    expect(truth.noShow.a).toEqual({ probability: 0.04, recallSec: 60 })
    const day = runScenario(scenario, { seed: 9, estimate: false })
    const noShows = day.records.filter((r) => r.outcome === 'noShow' && r.calledAt !== null && r.endedAt !== null)
    expect(noShows.length).toBeGreaterThan(5)
    for (const r of noShows) expect((r.endedAt as number) - (r.calledAt as number)).toBeCloseTo(60, 6)
  })

  it("gives the day's arrival rates hour by hour: what the simulator draws over many days", () => {
    const scenario = randomBranchDay(1004)
    const clock = scenarioClock(scenario)
    const truth = scenarioTruth(scenario)
    const rates = truth.arrivalsFrom(clock.openAt)
    const expectedPerHour = new Map<number, number>()
    for (const r of rates) {
      const h = Math.floor(((r.from as number) - clock.openAt) / 3_600_000)
      const hours = ((r.until as number) - (r.from as number)) / 3_600_000
      expectedPerHour.set(h, (expectedPerHour.get(h) ?? 0) + r.perHour * hours)
    }
    const days = 200
    const drawn = new Map<number, number>()
    for (let i = 0; i < days; i++) {
      for (const a of scenarioArrivals(scenario, seededRng(mixSeed(i))).arrivals) {
        const h = Math.floor(a.at / 3600)
        drawn.set(h, (drawn.get(h) ?? 0) + 1)
      }
    }
    expect([...drawn.keys()].sort()).toEqual([...expectedPerHour.keys()].sort())
    for (const [h, expected] of expectedPerHour) {
      const seen = (drawn.get(h) ?? 0) / days
      // Poisson: the mean of 200 days is within four standard errors
      expect(Math.abs(seen - expected)).toBeLessThan(4 * Math.sqrt(expected / days) + 1e-9)
    }
    // from an instant within the day, only what is still to come
    const later = truth.arrivalsFrom(clock.openAt + 90 * 60_000)
    expect(Math.min(...later.map((r) => r.from as number))).toBe(clock.openAt + 90 * 60_000)
    expect(later.every((r) => (r.until as number) <= clock.openAt + clock.doorsCloseSec * 1000)).toBe(true)
  })
})
