import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import type { Scenario } from '../../../shared/sim/scenario'

const dir = fileURLToPath(new URL('../../../docs/scenarios/', import.meta.url))

const small: Scenario = {
  hours: { open: '09:00', close: '12:00' },
  services: [
    { id: 'personal', prefix: 'A', targetWaitSec: 600, standardSec: 60, serviceTime: { dist: 'exp', meanSec: 180 } },
  ],
  arrivals: [{ service: 'personal', perHour: [20, 30, 25] }],
  counters: [{ id: 'c1', services: ['personal'] }],
}

/** The scenario with one field changed (a deep copy, then `edit`). */
function with_(edit: (s: Record<string, unknown> & { services: Record<string, unknown>[] }) => void): unknown {
  const copy = JSON.parse(JSON.stringify(small)) as Record<string, unknown> & { services: Record<string, unknown>[] }
  edit(copy)
  return copy
}

function errors(json: unknown): string[] {
  const r = parseScenario(json)
  return r.ok ? [] : r.error.map((e) => `${e.field}: ${e.message}`)
}

describe('parseScenario', () => {
  it('accepts every example scenario in docs/scenarios', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const f of files) expect(errors(JSON.parse(readFileSync(`${dir}${f}`, 'utf8'))), f).toEqual([])
  })

  it('accepts the three duration distributions', () => {
    for (const serviceTime of [
      { dist: 'exp', meanSec: 180 },
      { dist: 'lognormal', meanSec: 240, cv: 0.8 },
      { dist: 'det', sec: 60 },
    ]) {
      expect(errors(with_((s) => ((s.services[0] as Record<string, unknown>).serviceTime = serviceTime)))).toEqual([])
    }
  })

  it('names an unknown field, wherever it is', () => {
    expect(errors(with_((s) => (s.colour = 'red')))).toEqual(['colour: unknown field'])
    expect(errors(with_((s) => ((s.counters as Record<string, unknown>[])[0]!.window = 3)))).toEqual([
      'counters[0].window: unknown field',
    ])
  })

  it('names a missing or invalid field', () => {
    expect(errors(with_((s) => delete s.hours))).toEqual(['hours: is required'])
    expect(errors(with_((s) => (s.noShowProbability = 1.5)))).toEqual(['noShowProbability: must be <= 1'])
    expect(errors(with_((s) => ((s.hours as Record<string, string>).open = '9am')))).toEqual([
      'hours.open: must be a time of day, HH:MM (24-hour)',
    ])
  })

  it('explains a bad distribution by its dist, and a bad field of a good one', () => {
    expect(errors(with_((s) => (s.services[0]!.serviceTime = { dist: 'weibull', meanSec: 1 })))).toEqual([
      'services[0].serviceTime.dist: must be one of "exp", "gamma", "lognormal", "det"',
    ])
    expect(errors(with_((s) => (s.services[0]!.serviceTime = { dist: 'lognormal', meanSec: 240 })))).toEqual([
      'services[0].serviceTime.cv: is required',
    ])
    expect(errors(with_((s) => (s.services[0]!.serviceTime = { dist: 'det', sec: 60, cv: 1 })))).toEqual([
      'services[0].serviceTime.cv: unknown field',
    ])
  })

  it('words problems as every configuration problem is worded (schemaProblems)', () => {
    expect(errors(with_((s) => (s.services[0]!.prefix = 'a1')))).toEqual([
      'services[0].prefix: must be one or two capital letters',
    ])
    expect(errors(with_((s) => ((s.counters as Record<string, unknown>[])[0]!.id = 'counter one')))).toEqual([
      'counters[0].id: must be an id of 1–32 letters, digits, - or _',
    ])
    expect(errors(with_((s) => (s.date = '1 May')))).toEqual(['date: must be a date, YYYY-MM-DD'])
    expect(errors(with_((s) => ((s.arrivals as Record<string, unknown>[])[0]!.perHour = 'many')))).toEqual([
      'arrivals[0].perHour: must be a rate per hour (0–1000) or a list of them, one per opening hour',
    ])
    expect(errors(with_((s) => (s.waitCapSec = -5)))).toEqual([
      'waitCapSec: must be a positive number of seconds (at most 86400), or null',
    ])
    expect(errors(with_((s) => (s.patience = { dist: 'gamma', meanSec: 300 })))).toEqual(['patience.cv: is required'])
  })

  it('reports every problem of a file at once, past a four-way union', () => {
    const bad = with_((s) => {
      s.services[0]!.serviceTime = { dist: 'weibull' }
      s.patience = { dist: 'never' }
      s.noShowProbability = 2
      s.walkSec = -1
      s.colour = 'red'
    })
    expect(errors(bad)).toEqual([
      'colour: unknown field',
      'services[0].serviceTime.dist: must be one of "exp", "gamma", "lognormal", "det"',
      'noShowProbability: must be <= 1',
      'patience.dist: must be one of "exp", "gamma", "lognormal", "det"',
      'walkSec: must be >= 0',
    ])
  })

  it('checks references, uniqueness and times against the opening hours', () => {
    expect(errors(with_((s) => ((s.arrivals as Record<string, unknown>[])[0]!.service = 'loans')))).toEqual([
      "arrivals[0].service: no service 'loans'",
    ])
    expect(errors(with_((s) => ((s.arrivals as Record<string, unknown>[])[0]!.priority = 'vip')))).toEqual([
      "arrivals[0].priority: no priority class 'vip'",
    ])
    expect(errors(with_((s) => ((s.arrivals as Record<string, unknown>[])[0]!.perHour = [20, 30])))).toEqual([
      'arrivals[0].perHour: has 2 rates; the branch is open 3 hours (09:00–12:00)',
    ])
    expect(errors(with_((s) => ((s.counters as Record<string, unknown>[])[0]!.open = '13:00')))).toEqual([
      'counters[0].open: must be within opening hours 09:00–12:00',
    ])
    expect(
      errors(with_((s) => (s.counters as Record<string, unknown>[]).push({ id: 'c1', services: ['personal'] }))),
    ).toEqual(["counters[1].id: 'c1' is used twice"])
    const breaks = (b: unknown[]) => with_((s) => ((s.counters as Record<string, unknown>[])[0]!.breaks = b))
    expect(
      errors(
        breaks([
          { at: '10:30', minutes: 45 },
          { at: '11:30', minutes: 15, reason: 'cashCount' },
        ]),
      ),
    ).toEqual([])
    expect(errors(breaks([{ at: '12:30', minutes: 45 }]))).toEqual([
      'counters[0].breaks[0].at: must be while the counter is open (09:00–12:00)',
    ])
    expect(errors(breaks([{ at: '10:30', minutes: 0, reason: 'lunch' }]))).toEqual([
      'counters[0].breaks[0].minutes: must be > 0',
      expect.stringMatching(/^counters\[0\]\.breaks\[0\]\.reason: must be one of "break", "cashCount"/),
    ])
  })

  it('bounds every number and list by what a branch can have, naming the field', () => {
    const counter = (s: Record<string, unknown>) => (s.counters as Record<string, unknown>[])[0]!
    const cases: [(s: Record<string, unknown> & { services: Record<string, unknown>[] }) => void, string][] = [
      [(s) => ((s.arrivals as Record<string, unknown>[])[0]!.perHour = 1e7), 'arrivals[0].perHour'],
      [(s) => ((s.arrivals as Record<string, unknown>[])[0]!.perHour = [20, 1e7, 25]), 'arrivals[0].perHour'],
      [(s) => (s.services[0]!.serviceTime = { dist: 'exp', meanSec: 1e9 }), 'services[0].serviceTime.meanSec'],
      [(s) => (s.services[0]!.serviceTime = { dist: 'det', sec: 90_000 }), 'services[0].serviceTime.sec'],
      [(s) => (s.services[0]!.serviceTime = { dist: 'gamma', meanSec: 60, cv: 50 }), 'services[0].serviceTime.cv'],
      [(s) => (s.services[0]!.targetWaitSec = 1e6), 'services[0].targetWaitSec'],
      [(s) => (counter(s).speed = 0.01), 'counters[0].speed'],
      [(s) => (counter(s).breaks = [{ at: '10:00', minutes: 1e6 }]), 'counters[0].breaks[0].minutes'],
      [(s) => (s.walkSec = 1e6), 'walkSec'],
      [(s) => (s.recallIntervalSec = 3600), 'recallIntervalSec'],
      [(s) => (s.patience = { dist: 'exp', meanSec: 1e308 }), 'patience.meanSec'],
      [
        (s) => (s.counters = Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, services: ['personal'] }))),
        'counters',
      ],
    ]
    for (const [edit, field] of cases) {
      const r = parseScenario(with_(edit))
      expect(r.ok, field).toBe(false)
      if (!r.ok) expect(r.error.map((e) => e.field)).toEqual([field])
    }
  })

  it('refuses a day that adds up to more customers or counter time than a simulated day may have', () => {
    // Every stream within its bound: 20 streams of 1,000 an hour for 3 hours are 60,000 customers.
    const crowd = with_((s) => {
      s.arrivals = Array.from({ length: 20 }, (_, i) => ({ service: 'personal', perHour: i === 7 ? 1000 : 999 }))
    })
    expect(errors(crowd)).toEqual([
      "arrivals[7].perHour: the day's arrivals add up to about 59,943 customers, more than the 3,000 a simulated day may have",
    ])
    // 100 customers of a day each (8,640,000 s, 2,400 counter-hours), well within the customers.
    const long = with_((s) => {
      s.services[0]!.serviceTime = { dist: 'det', sec: 86_400 }
      s.arrivals = [{ service: 'personal', perHour: [40, 30, 30] }]
    })
    expect(errors(long)).toEqual([
      "arrivals[0].perHour: the day's customers need about 2,400 counter-hours (transactions, walking, recalls), more than the 500 a simulated day may have",
    ])
    // Just within both: 3,000 customers over 12 hours, 500 counter-hours between them.
    const busiest = with_((s) => {
      s.hours = { open: '08:00', close: '20:00' }
      s.services[0]!.serviceTime = { dist: 'exp', meanSec: 600 }
      s.arrivals = [{ service: 'personal', perHour: 250 }]
    })
    expect(errors(busiest)).toEqual([])
  })

  it('takes every generated random day, with and without breaks', () => {
    for (let seed = 1; seed <= 300; seed++)
      for (const breaks of [false, true]) expect(errors(randomBranchDay(seed, { breaks })), `seed ${seed}`).toEqual([])
  })

  it('is not fooled by something that is not a scenario at all', () => {
    expect(errors(42)).toEqual(['(the scenario): must be object'])
  })
})
