import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WhatIfResult } from '../../shared/api/views'
import { kpiVerdict } from '../../shared/reports/kpis'
import { HubFixture } from './support/hubFixture'

/**
 * A what-if's headline waits, and so the manager's better/worse beside them, are the waits of
 * the customers served: the simulator's no-shows left before their call, and the time until a
 * counter called an empty hall is not a wait anybody had.
 */
let f: HubFixture
let manager: string
let mm3: Record<string, unknown>

beforeAll(async () => {
  f = await HubFixture.start()
  manager = await f.manager()
  mm3 = JSON.parse(await readFile('docs/scenarios/mm3.json', 'utf8')) as Record<string, unknown>
})
afterAll(async () => {
  await f.stop()
})

type Ran = Extract<WhatIfResult, { ok: true }>
async function whatIf(scenario: unknown): Promise<Ran> {
  const r = await f.request<WhatIfResult>('POST', '/api/v1/simulations', { scenario, seed: 5 }, manager)
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200)
  if (!r.body.ok) throw new Error('refused')
  return r.body
}

describe('what-if with customers who leave', () => {
  it('measures and judges the waits of the customers served, not of those who left before their call', async () => {
    // Three counters at 90 % load and customers who give up after five minutes or so: many leave.
    const day = await whatIf({ ...mm3, patience: { dist: 'exp', meanSec: 300 } })
    expect(day.kpis.noShows).toBeGreaterThan(20)
    // The summary's waits are the served customers' (simDayReport): the headline agrees with it.
    expect(day.kpis.waitMeanSec).toBeCloseTo(day.summary.branch.meanWaitSec ?? NaN, 0)
    expect(day.kpis.waitWithinTargetShare).toBeCloseTo(day.summary.branch.withinTargetShare ?? NaN, 2)
  }, 60_000)

  it("judges a change by the served customers' waits when more customers leave", async () => {
    // The same customers, less patient: more of them leave, the served wait about the same.
    const today = await whatIf({ ...mm3, patience: { dist: 'exp', meanSec: 600 } })
    const changed = await whatIf({ ...mm3, patience: { dist: 'exp', meanSec: 120 } })
    expect(changed.kpis.noShows).toBeGreaterThan(today.kpis.noShows)
    const served = (r: Ran) => r.summary.branch.meanWaitSec ?? NaN
    const change = (changed.kpis.waitMeanSec ?? NaN) - (today.kpis.waitMeanSec ?? NaN)
    expect(change).toBeCloseTo(served(changed) - served(today), 0)
    expect(kpiVerdict('waitMeanSec', change)).toBe(kpiVerdict('waitMeanSec', served(changed) - served(today)))
  }, 60_000)
})
