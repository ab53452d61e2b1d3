import { describe, expect, it } from 'vitest'
import { allTickets } from '../../../shared/queue/state'
import { parseScenario } from '../../../shared/sim/parseScenario'
import {
  DEFAULT_RATE,
  arrivalsSource,
  scenarioFromBranch,
  todaysArrivalsMeaningful,
} from '../../../shared/sim/scenarioFromBranch'
import type { UsualHour, UsualPattern } from '../../../shared/delays/usualPattern'
import { Driver } from '../../shared/support/driver'
import { A, B } from '../../shared/support/testBranch'
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

describe("scenarioFromBranch with the calendar's opening hours", () => {
  const NINE_TO_FIVE = [{ opens: '09:00', closes: '17:00' }]
  /** A few tickets taken at 04:00–04:05, branch time, before the doors open at 09:00. */
  function earlyTickets() {
    const d = new Driver(TEST_BRANCH, at(4)).openDay()
    for (let i = 0; i < 7; i++) d.advance(40).issue(i % 2 === 0 ? A : B)
    return allTickets(d.state)
  }
  const input = (now: number, tickets = earlyTickets()) => ({
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    date: '2026-11-24',
    now,
    tickets,
    name: 'today',
    opening: NINE_TO_FIVE,
  })

  it("takes the day's hours from the calendar, not from the earliest ticket", () => {
    const scenario = scenarioFromBranch(input(at(4, 7)))
    expect(scenario.hours).toEqual({ open: '09:00', close: '17:00' })
    expect(parseScenario(scenario).ok).toBe(true)
  })

  it('does not extrapolate a day of arrivals from a few tickets before opening: a usual rate, and it says so', () => {
    const early = input(at(4, 7))
    expect(todaysArrivalsMeaningful(early)).toBe(false)
    const scenario = scenarioFromBranch(early)
    expect(scenario.arrivals).toEqual(TEST_BRANCH.services.map((s) => ({ service: s.id, perHour: DEFAULT_RATE })))
    // Ten minutes after opening: still too early to say.
    expect(todaysArrivalsMeaningful(input(at(9, 10)))).toBe(false)
  })

  it("counts today's tickets once a quarter of an hour of opening has passed, the early ones in the first hour", () => {
    const later = input(at(11, 30))
    expect(todaysArrivalsMeaningful(later)).toBe(true)
    const scenario = scenarioFromBranch(later)
    const firstHour = scenario.arrivals.reduce((n, a) => n + ((a.perHour as number[])[0] ?? 0), 0)
    expect(firstHour).toBe(7)
    for (const a of scenario.arrivals) expect(a.perHour as number[]).toHaveLength(8)
  })

  it("opens each counter for its roster's hours, within the day's", () => {
    const [c1, c2, ...rest] = TEST_BRANCH.counters
    if (c1 === undefined || c2 === undefined) throw new Error('the test branch has two counters at least')
    const branch = {
      ...TEST_BRANCH,
      counters: [
        {
          ...c1,
          hours: [
            { opens: '10:00', closes: '12:00' },
            { opens: '13:00', closes: '15:30' },
          ],
        },
        { ...c2, hours: [{ opens: '07:00', closes: '20:00' }] },
        ...rest,
      ],
    }
    const scenario = scenarioFromBranch({ ...input(at(11, 30)), branch })
    expect(scenario.counters[0]).toMatchObject({ id: c1.id, open: '10:00', close: '15:30' })
    // A roster wider than the doors: all day.
    expect(scenario.counters[1]).toEqual({ id: c2.id, services: [...c2.services] })
    expect(parseScenario(scenario).ok).toBe(true)
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

describe("scenarioFromBranch before today says anything, from the branch's usual day (audit37 F7)", () => {
  const NINE_TO_FIVE = [{ opens: '09:00', closes: '17:00' }]
  const quiet: UsualHour = { countersOpen: 0, counterOpenShare: {}, arrivals: {} }
  /** Counters 1 and 2 staffed 09:00–17:00, counter 3 only 11:00–14:00; 30 an hour for A, 12 for B with 2 VIPs, 09:00–17:00. */
  const usual: UsualPattern = {
    days: 20,
    utcOffsetMin: 480,
    hours: Array.from({ length: 24 }, (_, h) =>
      h < 9 || h >= 17
        ? quiet
        : {
            countersOpen: h >= 11 && h < 14 ? 3 : 2,
            counterOpenShare: { c1: 1, c2: 0.9, ...(h >= 11 && h < 14 ? { c3: 0.8 } : { c3: 0.1 }) },
            arrivals: { 'a|': h === 12 ? 45 : 30, 'b|': 12, 'b|vip': 2 },
          },
    ),
  }
  const input = (now: number, u: UsualPattern | null) => ({
    branch: TEST_BRANCH,
    utcOffsetMinutes: 480,
    date: '2026-11-24',
    now,
    tickets: [],
    name: 'today',
    opening: NINE_TO_FIVE,
    usual: u,
  })

  it("starts from the usual day's arrivals by hour and its counters' usual hours, not a placeholder", () => {
    const morning = input(at(7, 52), usual)
    expect(arrivalsSource(morning)).toBe('usualDay')
    const scenario = scenarioFromBranch(morning)
    expect(scenario.arrivals).toEqual([
      { service: 'a', perHour: [30, 30, 30, 45, 30, 30, 30, 30] },
      { service: 'b', perHour: [12, 12, 12, 12, 12, 12, 12, 12] },
      { service: 'b', priority: 'vip', perHour: [2, 2, 2, 2, 2, 2, 2, 2] },
    ])
    expect(scenario.counters).toEqual([
      { id: 'c1', services: ['a'] },
      { id: 'c2', services: ['a', 'b'] },
      { id: 'c3', services: ['b', 'a'], open: '11:00', close: '14:00' },
    ])
    expect(parseScenario(scenario).ok).toBe(true)
  })

  it('says it has no history when there is no usual day, and starts from the placeholder', () => {
    for (const none of [null, { ...usual, days: 0 }]) {
      const morning = input(at(7, 52), none)
      expect(arrivalsSource(morning)).toBe('placeholder')
      expect(scenarioFromBranch(morning).arrivals).toEqual(
        TEST_BRANCH.services.map((s) => ({ service: s.id, perHour: DEFAULT_RATE })),
      )
    }
  })
})
