import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'

const scenario: Scenario = {
  hours: { open: '09:00', close: '11:00' },
  services: [
    { id: 'personal', prefix: 'A', targetWaitSec: 600, standardSec: 120, serviceTime: { dist: 'det', sec: 100 } },
    { id: 'cards', prefix: 'D', targetWaitSec: 600, standardSec: 240, serviceTime: { dist: 'det', sec: 200 } },
  ],
  arrivals: [{ service: 'personal', perHour: 30 }],
  counters: [
    { id: 'c1', services: ['personal'] },
    { id: 'c2', services: ['cards'] },
  ],
  transfers: [{ from: 'personal', to: 'cards', share: 0.25 }],
}

describe('a scenario’s transfers', () => {
  it('sends that share of customers on to the other service after their transaction, where they are served too', () => {
    const day = runScenario(scenario, { seed: 3, estimate: false })
    const transferred = day.events.filter((e) => e.type === 'ticketTransferred')
    expect(transferred.length).toBeGreaterThan(day.records.length * 0.1)
    expect(transferred.length).toBeLessThan(day.records.length * 0.45)
    for (const e of transferred) {
      if (e.type !== 'ticketTransferred') continue
      expect(e.fromCounterId).toBe('c1')
      expect(e.toServiceId).toBe('cards')
      const record = day.records.find((r) => r.ticketId === e.ticketId)
      expect(record?.outcome).toBe('served')
      expect(record?.counterId).toBe('c2')
      // the second transaction is the other service's, at the other counter
      expect((record?.endedAt ?? 0) - (record?.startedAt ?? 0)).toBeCloseTo(200, 6)
    }
  })

  it('leaves a scenario without transfers as it was (the same customers for the same seed)', () => {
    const { transfers: _, ...without } = scenario
    const a = runScenario(without, { seed: 3, estimate: false })
    expect(a.events.some((e) => e.type === 'ticketTransferred')).toBe(false)
    expect(a.records.every((r) => r.serviceId === 'personal')).toBe(true)
  })

  it('refuses a transfer to a service the scenario does not have, naming the field', () => {
    const r = parseScenario({ ...scenario, transfers: [{ from: 'personal', to: 'loans', share: 0.1 }] })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContainEqual({ field: 'transfers[0].to', message: "no service 'loans'" })
  })
})
