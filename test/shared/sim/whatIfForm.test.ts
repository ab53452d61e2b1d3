import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import type { Scenario, ScenarioArrival } from '../../../shared/sim/scenario'
import {
  addedCounter,
  openingHours,
  scenarioOfForm,
  whatIfFormOf,
  type WhatIfForm,
} from '../../../shared/sim/whatIfForm'

/** Two services, three hours, two counters (one with its own shift), a priority stream. */
const today: Scenario = {
  name: 'today',
  hours: { open: '09:00', close: '12:00' },
  services: [
    {
      id: 'personal',
      prefix: 'A',
      targetWaitSec: 600,
      standardSec: 120,
      serviceTime: { dist: 'lognormal', meanSec: 200, cv: 0.8 },
    },
    { id: 'business', prefix: 'B', targetWaitSec: 900, standardSec: 300, serviceTime: { dist: 'det', sec: 300 } },
  ],
  priorityClasses: [{ id: 'vip', rate: 2 }],
  arrivals: [
    { service: 'personal', perHour: [20, 30, 10] },
    { service: 'personal', priority: 'vip', perHour: 2 },
    { service: 'business', perHour: [4, 6, 8] },
  ],
  counters: [
    { id: 'c1', services: ['personal', 'business'] },
    { id: 'c2', services: ['business'], open: '10:00', speed: 1.2 },
  ],
}

const rates = (a: ScenarioArrival, hours: number): number[] =>
  Array.from({ length: hours }, (_, h) => (Array.isArray(a.perHour) ? (a.perHour[h] ?? 0) : a.perHour))
const dayTotal = (s: Scenario): number =>
  s.arrivals.reduce((t, a) => t + rates(a, openingHours(s).length).reduce((x, y) => x + y, 0), 0)
const serviceTotal = (s: Scenario, service: string): number =>
  s.arrivals
    .filter((a) => a.service === service)
    .reduce((t, a) => t + rates(a, openingHours(s).length).reduce((x, y) => x + y, 0), 0)

function changed(form: WhatIfForm): Scenario {
  const r = scenarioOfForm(today, form)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value
}
function fields(form: WhatIfForm): string[] {
  const r = scenarioOfForm(today, form)
  return r.ok ? [] : r.error.map((e) => `${e.field} ${e.code}`)
}

describe('whatIfFormOf', () => {
  it("starts from today: every counter open on its own hours, no change of speed or surge, today's mix", () => {
    const form = whatIfFormOf(today)
    expect(form.counters).toEqual([
      { id: 'c1', services: ['personal', 'business'], open: true, from: '09:00', to: '', added: false },
      { id: 'c2', services: ['business'], open: true, from: '10:00', to: '', added: false },
    ])
    // personal 60 + 6 vip, business 18: 66 of 84.
    expect(form.services).toEqual([
      { id: 'personal', speedPct: '0', sharePct: '78.6' },
      { id: 'business', speedPct: '0', sharePct: '21.4' },
    ])
    expect(form.surge).toEqual(['1', '1', '1'])
    expect(openingHours(today)).toEqual(['09:00', '10:00', '11:00'])
  })
})

describe('scenarioOfForm', () => {
  it('gives today back when nothing is changed', () => {
    expect(changed(whatIfFormOf(today))).toEqual(today)
  })

  it('leaves a closed counter out and gives a counter its hours', () => {
    const form = whatIfFormOf(today)
    const s = changed({
      ...form,
      counters: [
        { ...form.counters[0]!, open: false },
        { ...form.counters[1]!, from: '09:30', to: '11:15' },
      ],
    })
    expect(s.counters).toEqual([{ id: 'c2', services: ['business'], speed: 1.2, open: '09:30', close: '11:15' }])
  })

  it('reads hours typed another common way as 24-hour HH:MM', () => {
    const form = whatIfFormOf(today)
    const s = changed({
      ...form,
      counters: [
        { ...form.counters[0]!, open: false },
        { ...form.counters[1]!, from: '930', to: '11：15' },
      ],
    })
    expect(s.counters).toEqual([{ id: 'c2', services: ['business'], speed: 1.2, open: '09:30', close: '11:15' }])
  })

  it('adds a counter that serves every service from opening', () => {
    const form = whatIfFormOf(today)
    const extra = addedCounter(today, form)
    expect(extra).toEqual({
      id: 'new1',
      services: ['personal', 'business'],
      open: true,
      from: '09:00',
      to: '',
      added: true,
    })
    const s = changed({ ...form, counters: [...form.counters, extra] })
    expect(s.counters.at(-1)).toEqual({ id: 'new1', services: ['personal', 'business'] })
    expect(addedCounter(today, { ...form, counters: [...form.counters, extra] }).id).toBe('new2')
  })

  it("divides a service's transaction time by the tellers' speed", () => {
    const form = whatIfFormOf(today)
    const s = changed({
      ...form,
      services: [
        { ...form.services[0]!, speedPct: '25' },
        { ...form.services[1]!, speedPct: '-50' },
      ],
    })
    expect(s.services[0]!.serviceTime).toEqual({ dist: 'lognormal', meanSec: 160, cv: 0.8 })
    expect(s.services[1]!.serviceTime).toEqual({ dist: 'det', sec: 600 })
  })

  it("multiplies each hour's arrivals by its surge", () => {
    const s = changed({ ...whatIfFormOf(today), surge: ['1', '2', '0.5'] })
    expect(s.arrivals.map((a) => a.perHour)).toEqual([
      [20, 60, 5],
      [2, 4, 1],
      [4, 12, 4],
    ])
  })

  it("shares the day's customers out anew, as many as before, each service keeping its hours", () => {
    const form = whatIfFormOf(today)
    const s = changed({
      ...form,
      services: [
        { ...form.services[0]!, sharePct: '50' },
        { ...form.services[1]!, sharePct: '50' },
      ],
    })
    expect(dayTotal(s)).toBeCloseTo(84, 1)
    expect(serviceTotal(s, 'business')).toBeCloseTo(42, 1)
    // business keeps its 4 : 6 : 8 over the hours.
    expect(s.arrivals[2]!.perHour).toEqual([9.33, 14, 18.67])
  })

  describe('edge cases', () => {
    it('refuses under the surge a day with more customers than a simulated day may have, before anything is sent', () => {
      // 360 customers over 12 hours, ten times over in every hour: each rate well within its bound.
      const busy: Scenario = {
        ...today,
        hours: { open: '08:00', close: '20:00' },
        priorityClasses: [],
        arrivals: Array.from({ length: 5 }, () => ({ service: 'personal', perHour: 6 })),
      }
      const form = whatIfFormOf(busy)
      const r = scenarioOfForm(busy, { ...form, surge: form.surge.map(() => '10') })
      expect(r.ok).toBe(false)
      if (!r.ok)
        expect(r.error).toEqual([
          {
            field: 'surge',
            code: 'dayTooBig',
            params: expect.objectContaining({ maxCustomers: 3000, maxCounterHours: 500 }),
          },
        ])
    })

    it('names an hour whose surge takes a stream past 1,000 customers an hour, with the most it may be', () => {
      const busy: Scenario = { ...today, arrivals: [{ service: 'personal', perHour: [20, 300, 10] }] }
      const form = whatIfFormOf(busy)
      const r = scenarioOfForm(busy, { ...form, surge: ['10', '4', '1'] })
      expect(r.ok ? [] : r.error).toEqual([{ field: 'surge.1', code: 'range', params: { min: 0, max: 3.33 } }])
      expect(scenarioOfForm(busy, { ...form, surge: ['10', '3.33', '1'] }).ok).toBe(true)
    })

    it('names every wrong field and what is wrong with it', () => {
      const form = whatIfFormOf(today)
      expect(
        fields({
          counters: [
            { ...form.counters[0]!, from: '08:00' },
            { ...form.counters[1]!, from: '10:00', to: '09:59' },
          ],
          services: [
            { ...form.services[0]!, speedPct: 'fast', sharePct: '70' },
            { ...form.services[1]!, speedPct: '500', sharePct: '20' },
          ],
          surge: ['1', '', '-1'],
        }),
      ).toEqual([
        'counters.0.from outsideHours',
        'counters.1.to toBeforeFrom',
        'services.0.speedPct number',
        'services.1.speedPct range',
        'surge.1 number',
        'surge.2 range',
        'mix sharesSum',
      ])
    })

    it('refuses a day with no counter open, and a time that is not one', () => {
      const form = whatIfFormOf(today)
      expect(fields({ ...form, counters: form.counters.map((c) => ({ ...c, open: false })) })).toEqual([
        'counters noCounterOpen',
      ])
      expect(fields({ ...form, counters: [{ ...form.counters[0]!, from: '9 am', to: '25:00' }] })).toEqual([
        'counters.0.from time',
        'counters.0.to time',
      ])
      // A 12-hour time is refused (never read as morning or afternoon), and the counter stays open.
      expect(fields({ ...form, counters: [{ ...form.counters[0]!, from: '09:00 AM', to: '5:00 PM' }] })).toEqual([
        'counters.0.from time',
        'counters.0.to time',
      ])
    })

    it('gives a service nobody came for a stream shaped like the whole day', () => {
      const quiet: Scenario = { ...today, arrivals: today.arrivals.filter((a) => a.service === 'personal') }
      const form = whatIfFormOf(quiet)
      expect(form.services.map((s) => s.sharePct)).toEqual(['100', '0'])
      const r = scenarioOfForm(quiet, {
        ...form,
        services: [
          { ...form.services[0]!, sharePct: '75' },
          { ...form.services[1]!, sharePct: '25' },
        ],
      })
      expect(r.ok && r.value.arrivals.at(-1)).toEqual({ service: 'business', perHour: [5.5, 8, 3] })
    })
  })

  describe('on random branch days and random forms', () => {
    const edit = fc.record({
      seed: fc.integer({ min: 1, max: 10_000 }),
      closed: fc.array(fc.boolean(), { maxLength: 12 }),
      speed: fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 6 }),
      surge: fc.array(
        fc.integer({ min: 0, max: 1000 }).map((x) => String(x / 100)),
        { maxLength: 14 },
      ),
      mix: fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }),
      junk: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
    })

    it('leaves every random day unchanged when nothing is changed', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
          const base = randomBranchDay(seed)
          const r = scenarioOfForm(base, whatIfFormOf(base))
          expect(r.ok && r.value).toEqual(base)
        }),
        { numRuns: 60 },
      )
    })

    it("gives a scenario the simulator accepts, or names the fields in error, and keeps the day's customers", () => {
      fc.assert(
        fc.property(edit, ({ seed, closed, speed, surge, mix, junk }) => {
          const base = randomBranchDay(seed)
          const start = whatIfFormOf(base)
          const n = start.services.length
          const weights = start.services.map((_, i) => mix[i] ?? 1)
          const sum = weights.reduce((a, b) => a + b, 0)
          const form: WhatIfForm = {
            counters: start.counters.map((c, i) => ({ ...c, open: !(closed[i] ?? false) })),
            services: start.services.map((s, i) => ({
              ...s,
              speedPct: String(speed[i] ?? 0),
              sharePct: sum === 0 ? String(100 / n) : String((100 * (weights[i] ?? 0)) / sum),
            })),
            surge: start.surge.map((x, h) => (h === 0 && junk !== undefined ? junk : (surge[h] ?? x))),
          }
          const r = scenarioOfForm(base, form)
          if (!r.ok) {
            const known = new Set(['counters', 'mix', 'surge.0', 'surge'])
            // A surge may also be out of range for an hour whose streams it takes past their bound.
            for (const e of r.error)
              expect(known.has(e.field) || e.field.startsWith('counters.') || e.field.startsWith('surge.')).toBe(true)
            expect(r.error.length).toBeGreaterThan(0)
            return
          }
          expect(parseScenario(r.value).ok).toBe(true)
          expect(r.value.counters).toHaveLength(form.counters.filter((c) => c.open).length)
          const surged = form.surge.every((x) => Number(x) === 1)
          // Without a surge, the new mix shares out as many customers as before.
          if (!surged) return
          // Rates are kept to two decimals: at most half a hundredth off per stream and hour.
          const slack = 0.005 * (r.value.arrivals.length + n) * openingHours(base).length + 1e-9
          expect(Math.abs(dayTotal(r.value) - dayTotal(base))).toBeLessThan(slack)
          // …and each service gets the share the form asks for.
          const shares = form.services.map((s) => Number(s.sharePct))
          const total = shares.reduce((a, b) => a + b, 0)
          form.services.forEach((s, i) => {
            const wanted = ((shares[i] ?? 0) / total) * dayTotal(base)
            if (s.sharePct !== start.services[i]?.sharePct) {
              expect(Math.abs(serviceTotal(r.value, s.id) - wanted)).toBeLessThan(slack)
            }
          })
        }),
        { numRuns: 150 },
      )
    })
  })
})
