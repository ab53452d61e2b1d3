import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { runScenario } from '../../../shared/sim/runScenario'
import { DAY_LIMITS, scenarioWork } from '../../../shared/sim/scenarioWork'
import { scenarioBranch } from '../../../shared/sim/scenarioModel'

/** `n` services, each served by every counter in its own order of preference: the most overtakes a day can have. */
function overwhelmed(n: number, counters: number, customers: number, meanSec: number, speed: number) {
  const prefix = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `Z${String.fromCharCode(65 + i - 26)}`)
  return {
    hours: { open: '06:00', close: '22:00' },
    services: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      prefix: prefix(i),
      targetWaitSec: 600,
      standardSec: 120,
      serviceTime: { dist: 'exp', meanSec },
    })),
    arrivals: Array.from({ length: n }, (_, i) => ({ service: `s${i}`, perHour: customers / 16 / n })),
    counters: Array.from({ length: counters }, (_, i) => ({
      id: `c${i}`,
      speed,
      services: Array.from({ length: n }, (_, j) => `s${(i + j) % n}`),
    })),
  }
}

describe('scenarioWork', () => {
  it('adds up the customers the streams bring while the doors are open, and their counter time', () => {
    const w = scenarioWork({
      hours: { open: '09:00', close: '11:30' },
      services: [{ id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: 60, serviceTime: { dist: 'det', sec: 170 } }],
      arrivals: [{ service: 'a', perHour: [10, 20, 40] }],
      counters: [{ id: 'c', services: ['a'] }],
      walkSec: 10,
    })
    // 10 + 20 + half an hour of 40; 180 s each.
    expect(w.customers).toBeCloseTo(50)
    expect(w.counterHours).toBeCloseTo(2.5)
  })

  it('keeps a day at both limits, overwhelming its counters, within seconds', () => {
    // 50 services, 5 counters a quarter as fast as the standard: the queue grows all day.
    const s = overwhelmed(50, 5, DAY_LIMITS.customers - 10, 590, 0.25)
    const parsed = parseScenario(s)
    expect(parsed.ok && scenarioWork(parsed.value)).toMatchObject({ customers: expect.closeTo(2990, 0) })
    if (!parsed.ok) return
    const started = performance.now()
    const day = runScenario(parsed.value, { seed: 1, estimate: false })
    const report = buildDayReport({
      events: day.events,
      branch: scenarioBranch(parsed.value),
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
    })
    expect(report.kpis.overtakes).toBeGreaterThan(200_000)
    expect(report.kpis.maxOrdinaryOvertakenWaitSec).toBeGreaterThan(0)
    // About 10 s on one core of a development PC; a minute is the hub's limit.
    expect(performance.now() - started).toBeLessThan(45_000)
  }, 60_000)
})
