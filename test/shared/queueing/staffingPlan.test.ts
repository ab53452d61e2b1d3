import { describe, expect, it } from 'vitest'
import { exponentialService } from '../../../shared/queueing/serviceTimeModel'
import { serversForTargets } from '../../../shared/queueing/staffing'
import { staffingPlan } from '../../../shared/queueing/staffingPlan'

const base = {
  periodSec: 3600,
  targets: [{ share: 1, targetSec: 300 }],
  probability: 0.8,
  checksPerPeriod: 12,
}

describe('staffingPlan', () => {
  it('gives SIPP its stationary Erlang C answer per period', () => {
    const plan = staffingPlan({ ...base, arrivals: [30, 60, 90], service: exponentialService(240) })
    plan.forEach((p, i) => {
      const lambda = [30, 60, 90][i]! / 3600
      expect(p.offeredLoad).toBeCloseTo(lambda * 240, 12)
      expect(p.sipp).toBe(serversForTargets(lambda, 1 / 240, base.targets, 0.8))
    })
  })

  it('agrees with SIPP once a steady load has settled, with short transactions', () => {
    const plan = staffingPlan({ ...base, arrivals: new Array<number>(6).fill(60), service: exponentialService(120) })
    for (const p of plan.slice(1)) {
      expect(p.advised).toBe(p.sipp)
      expect(p.modifiedLoad).toBeCloseTo(p.offeredLoad, 6)
    }
  })

  it('carries a peak of long transactions into the hour after it, where SIPP drops', () => {
    const plan = staffingPlan({ ...base, arrivals: [6, 30, 30, 6, 6], service: exponentialService(1800) })
    const after = plan[3]!
    expect(after.sipp).toBeLessThan(plan[2]!.sipp)
    expect(after.modifiedLoad).toBeGreaterThan(2.5 * after.offeredLoad)
    expect(after.advised).toBeGreaterThan(after.sipp + 5)
    // and while the load is still rising in the first hour, the lag asks for no more than SIPP
    expect(plan[0]!.advised).toBeLessThanOrEqual(plan[0]!.sipp)
  })

  describe('edge cases', () => {
    it('needs nobody for no arrivals or no service time', () => {
      expect(
        staffingPlan({ ...base, arrivals: [0, 0], service: exponentialService(60) }).map((p) => p.advised),
      ).toEqual([0, 0])
      expect(staffingPlan({ ...base, arrivals: [10], service: exponentialService(0) })[0]).toMatchObject({
        sipp: 0,
        advised: 0,
      })
    })
  })
})
