import { describe, expect, it } from 'vitest'
import { allTickets } from '../../../shared/queue/state'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { scenarioFromBranch } from '../../../shared/sim/scenarioFromBranch'
import { parseScenarioText, scenarioProblems } from '../../../renderer/src/logic/report/scenarioProblems'
import { handDay } from '../../shared/reports/support/handDay'
import { TEST_BRANCH } from '../../shared/support/testBranch'

/** The hand day (tickets issued between 09:00 and 09:16 Beijing), as the manager screen holds it. */
function today(now: number) {
  const d = handDay()
  return scenarioFromBranch({
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    date: '2026-11-24',
    now,
    tickets: allTickets(d.state),
    name: 'today',
  })
}
const at = (h: number, m = 0): number => Date.UTC(2026, 10, 24, h - 8, m)

describe('scenarioFromBranch', () => {
  it("builds a scenario the simulator accepts, with today's arrivals in the hours past", () => {
    const scenario = today(at(11, 30))
    expect(parseScenario(scenario).ok).toBe(true)
    const tickets = allTickets(handDay().state)
    expect(tickets).toHaveLength(8)
    const perHour = scenario.arrivals.map((a) => (Array.isArray(a.perHour) ? a.perHour : []))
    const nineOClock = perHour.reduce((sum, p) => sum + (p[0] ?? 0), 0)
    expect(nineOClock).toBe(tickets.length)
    expect(scenario.hours).toEqual({ open: '09:00', close: '17:00' })
    expect(scenario.counters.map((c) => c.id)).toEqual(TEST_BRANCH.counters.map((c) => c.id))
  })

  it('carries the mean rate of the hours past into the hours to come', () => {
    const scenario = today(at(11, 30))
    for (const a of scenario.arrivals) {
      const p = a.perHour as number[]
      const past = (p[0] ?? 0) + (p[1] ?? 0)
      // 11:30: two hours past, and half of the current hour with nobody in it.
      expect(p[4]).toBeCloseTo((past + 0) / 3, 1)
    }
  })

  describe('edge cases', () => {
    it('starts from a usual day when nobody has come yet', () => {
      const scenario = scenarioFromBranch({
        branch: TEST_BRANCH,
        utcOffsetMinutes: 480,
        date: '2026-11-24',
        now: at(8, 30),
        tickets: [],
        name: 'empty',
      })
      expect(parseScenario(scenario).ok).toBe(true)
      expect(scenario.arrivals).toHaveLength(TEST_BRANCH.services.length)
    })
  })
})

describe('scenarioProblems', () => {
  it("splits the hub's refusal back into the simulator's problems, field by field", () => {
    const broken = { ...today(at(11, 30)), counters: 'three', extra: 1, hours: { open: '9', close: '17:00' } }
    const parsed = parseScenario(broken)
    expect(parsed.ok).toBe(false)
    const problems = parsed.ok ? [] : parsed.error
    expect(problems.length).toBeGreaterThanOrEqual(3)
    // The hub's 422 message joins them this way (hub/api/routes/reportRoutes.ts).
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ')
    expect(scenarioProblems(message)).toEqual(problems.map((p) => ({ field: p.field, message: p.message })))
  })

  it('drops the request prefix of a schema refusal', () => {
    expect(scenarioProblems('body.scenario.counters: must be array')).toEqual([
      { field: 'counters', message: 'must be array' },
    ])
  })

  it('keeps a message that names no field as a problem of the whole scenario', () => {
    expect(scenarioProblems('must be object')).toEqual([{ field: '', message: 'must be object' }])
  })
})

describe('parseScenarioText', () => {
  it('parses JSON, and says where text stops being JSON', () => {
    expect(parseScenarioText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } })
    const bad = parseScenarioText('{"a": }')
    expect(bad.ok).toBe(false)
    expect(bad.ok ? '' : bad.problem.message).toMatch(/JSON|Unexpected/u)
  })
})
