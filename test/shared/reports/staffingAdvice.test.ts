import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import { exponentialService } from '../../../shared/queueing/serviceTimeModel'
import { staffingPlan } from '../../../shared/queueing/staffingPlan'
import { summarizeDay } from '../../../shared/reports/dailySummary'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { rangeReport } from '../../../shared/reports/rangeReport'
import { simulateBranch } from '../../../shared/sim/simulateBranch'
import { A, TEST_BRANCH } from '../support/testBranch'
import { BEIJING, hourlyPoissonArrivals, OPEN_AT, plansForSchedule, rngFor } from './support/scenarios'
import { simulateDayEvents } from './support/simulatedDayEvents'

/**
 * A peaked day of long transactions (20 minutes on average, e.g. wealth-management advice): a
 * quiet morning, a two-hour rush, a quiet afternoon. Target: 80 % called within 10 minutes.
 */
const PER_HOUR = [6, 6, 30, 30, 8, 8, 8, 8]
const MEAN_SEC = 1200
const TARGET_SEC = 600
const GOAL = 0.8
const DAYS = 300

function branchFor(schedule: readonly number[]): {
  branch: BranchConfig
  plans: ReturnType<typeof plansForSchedule>['plans']
} {
  const { ids, plans } = plansForSchedule(schedule)
  const branch = {
    ...TEST_BRANCH,
    services: TEST_BRANCH.services.map((s) => (s.id === A ? { ...s, targetWaitSec: TARGET_SEC } : s)),
    counters: ids.map((id, i) => ({ id, number: i + 1, services: [A] })),
  }
  return { branch, plans }
}

/** Share of each hour's arrivals called within the target, over many simulated days of a schedule. */
function withinTargetByHour(schedule: readonly number[], seedBase: number): number[] {
  const { branch, plans } = branchFor(schedule)
  const within = PER_HOUR.map(() => 0)
  const arrived = PER_HOUR.map(() => 0)
  for (let d = 0; d < DAYS; d++) {
    const records = simulateBranch(
      {
        branch,
        openAt: OPEN_AT,
        date: '2026-11-24',
        arrivals: hourlyPoissonArrivals(seedBase + d, PER_HOUR, MEAN_SEC, A),
        counters: plans,
        serviceTime: () => {
          throw new Error('every arrival carries its transaction time')
        },
        walkSec: 0,
        recallIntervalSec: 20,
      },
      rngFor(d),
    )
    for (const r of records) {
      const h = Math.floor(r.issuedAt / 3600)
      arrived[h] = (arrived[h] as number) + 1
      if (r.calledAt !== null && r.calledAt - r.issuedAt <= TARGET_SEC) within[h] = (within[h] as number) + 1
    }
  }
  return within.map((w, h) => w / (arrived[h] as number))
}

describe('staffing advice on a peaked day with long transactions', () => {
  it('meets the target in every hour where hour-by-hour Erlang C (SIPP) falls short after the peak', () => {
    const plan = staffingPlan({
      periodSec: 3600,
      arrivals: PER_HOUR,
      service: exponentialService(MEAN_SEC),
      targets: [{ share: 1, targetSec: TARGET_SEC }],
      probability: GOAL,
      checksPerPeriod: 12,
    })
    const sipp = plan.map((p) => p.sipp)
    const advised = plan.map((p) => p.advised)
    // the rush leaves ~10 customers in transaction for the hour after it; SIPP sees only 8 arrivals an hour
    expect(sipp[4]).toBeLessThan(advised[4] as number)
    const sippShares = withinTargetByHour(sipp, 5000)
    const advisedShares = withinTargetByHour(advised, 5000)
    const firstAfterPeak = sippShares[4] as number
    expect(firstAfterPeak).toBeLessThan(GOAL - 0.05)
    expect(Math.min(...advisedShares)).toBeGreaterThanOrEqual(GOAL)
  }, 120_000)

  it('advises from observed days, through the daily summaries, a schedule that meets the target every hour', () => {
    // Observe twenty days staffed generously, as the hub would store them.
    const generous = branchFor(new Array<number>(PER_HOUR.length).fill(16))
    const summaries = Array.from({ length: 20 }, (_, d) => {
      const { events } = simulateDayEvents(
        {
          branch: generous.branch,
          openAt: OPEN_AT,
          date: '2026-11-24',
          arrivals: hourlyPoissonArrivals(900 + d, PER_HOUR, MEAN_SEC, A),
          counters: generous.plans,
          serviceTime: () => 0,
          walkSec: 0,
          recallIntervalSec: 20,
        },
        rngFor(d),
      )
      return summarizeDay(
        buildDayReport({ events, branch: generous.branch, utcOffsetMinutes: BEIJING, feedback: [], asOf: null }),
      )
    })
    const range = rangeReport(summaries, '2026-11-24', '2026-11-24', { probability: GOAL })
    const hours = range.hours.slice(0, PER_HOUR.length)
    expect(hours.map((h) => h.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16])
    const advised = hours.map((h) => h.advised)
    const sipp = hours.map((h) => h.sipp)
    // the lagged load adds counters right after the rush, never fewer than SIPP elsewhere
    expect((advised[4] as number) - (sipp[4] as number)).toBeGreaterThanOrEqual(4)
    advised.forEach((a, h) => expect(a).toBeGreaterThanOrEqual(sipp[h] as number))
    const shares = withinTargetByHour(advised, 7000)
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(GOAL)
  }, 180_000)
})
