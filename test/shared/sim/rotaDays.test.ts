import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/localTime'
import { counterPaces, staffPaces } from '../../../shared/estimate/counterSpeed'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { rotaOf } from '../../../shared/sim/rotaDay'
import { runDays } from '../../../shared/sim/runScenario'
import { scenarioBranch } from '../../../shared/sim/scenarioModel'

const geoMean = (xs: readonly number[]): number => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length)

/**
 * A branch whose tellers sit at other counters every day (`rotaOf`), simulated for three days:
 * the paces learned by teller are each teller's own, where the counters' paces are a mix of the
 * tellers who sat there.
 */
describe('a week of tellers changing counters', () => {
  const base = randomBranchDay(1013)
  const rota = [0, 1, 2].map((i) => rotaOf(base, 1013, i))

  it('keeps each counter’s services and hours and deals the same tellers, each at their own speed', () => {
    expect(rota[0]?.counters.map((c) => c.staff)).toEqual(base.counters.map((_, i) => `T${i + 1}`))
    const speedOf = new Map(base.counters.map((c, i) => [`T${i + 1}`, c.speed]))
    for (const day of rota) {
      expect(day.counters.map((c) => c.id)).toEqual(base.counters.map((c) => c.id))
      expect(day.counters.map((c) => c.services)).toEqual(base.counters.map((c) => c.services))
      expect(day.counters.map((c) => [c.open, c.close])).toEqual(base.counters.map((c) => [c.open, c.close]))
      expect(new Set(day.counters.map((c) => c.staff)).size).toBe(base.counters.length)
      for (const c of day.counters) expect(c.speed).toBe(speedOf.get(c.staff as string))
    }
    expect(rota[1]?.counters.map((c) => c.staff)).not.toEqual(rota[0]?.counters.map((c) => c.staff))
    expect(rotaOf(base, 1013, 2)).toEqual(rota[2])
  })

  it('learns each teller’s pace (within 6 % rms, 15 % at worst), where the counters’ paces miss today’s tellers by 20 % and more', () => {
    const days = runDays(base, 1013, 3, { dateOf: (i) => addDays('2026-11-23', i), scenarioOf: (i) => rota[i] ?? base })
    // the simulated tellers are the ones the counters were opened with
    const opened = days[2]?.events.filter((e) => e.type === 'counterOpened').map((e) => e.staffId as string)
    expect(new Set(opened)).toEqual(new Set(rota[2]?.counters.map((c) => c.staff)))

    const branch = scenarioBranch(base)
    const stats = days.map((d) => d.serviceTimes)
    const tellers = base.counters.map((c, i) => ({ staff: `T${i + 1}`, time: 1 / (c.speed ?? 1) }))
    const paces = staffPaces(branch, stats.slice(0, 2), stats[2] ?? null, [])
    const g = geoMean(tellers.map((t) => t.time))
    const errors = tellers.map((t) => Math.log((paces[t.staff] as number) / (t.time / g)))
    expect(Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length)).toBeLessThan(0.06)
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(0.15)

    const desks = counterPaces(branch, stats.slice(0, 2), stats[2] ?? null)
    const today = (rota[2]?.counters ?? []).map((c) => ({ id: c.id, time: 1 / (c.speed ?? 1) }))
    const gd = geoMean(today.map((c) => c.time))
    const worst = Math.max(...today.map((c) => Math.abs(Math.log((desks[c.id] as number) / (c.time / gd)))))
    expect(worst).toBeGreaterThan(0.2)
  })
})
