import { describe, expect, it } from 'vitest'
import { demoActivityOptions } from '../../hub/demo/demoActivity'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'

describe("the demo's simulated morning", () => {
  it('sends no more customers than its simulated tellers can serve', () => {
    const o = demoActivityOptions(DEMO_BRANCH, { now: () => 0 })
    expect(o.counters).toEqual(['c3', 'c4', 'c5', 'c6'])
    // A simulated teller's customer: a walk of 8–20 s, the service's standard + 10 % (a service
    // picked at random), a pause of 2–8 s before the next call.
    const standards = DEMO_BRANCH.services.map((s) => s.standardSec)
    const perCustomer = 14 + (1.1 * standards.reduce((a, b) => a + b, 0)) / standards.length + 5
    const load = perCustomer / o.arrivalEverySec / o.counters.length
    // busy, and kept up with (at a customer every 25 s it was 2.4: the queue grew all morning)
    expect(load).toBeGreaterThan(0.7)
    expect(load).toBeLessThan(0.9)
  })
})
