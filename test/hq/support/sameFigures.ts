import { expect } from 'vitest'
import type { BranchStatus, BranchTrend, Comparison } from '../../../shared/hq/views'
import type { DayReport } from '../../../shared/reports/dayReport'
import type { RangeReport } from '../../../shared/reports/rangeReport'
import type { Call } from './branchWorkload'

/** Waits (up to `ms`) until HQ holds every event the branch has committed and its summaries. */
export async function waitUntilLevel(
  hq: Call,
  headOffice: string,
  branch: Call,
  branchId: string,
  ms = 60_000,
): Promise<void> {
  const deadline = Date.now() + ms
  let seen: string
  for (;;) {
    const health = await branch<{ seq: number }>('GET', '/api/v1/health').catch(() => null)
    const status = await hq<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice).catch(() => null)
    const mine = status?.body.find((s) => s.branch.id === branchId)
    seen = `branch seq ${health?.body.seq}, HQ ${mine?.lastSeq}`
    if (health !== null && mine !== undefined && mine.lastSeq === health.body.seq) return
    if (Date.now() > deadline) throw new Error(`HQ did not catch up with ${branchId}: ${seen}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * HQ's figures of a branch equal the branch's own, exactly: each closed day's full report (HQ
 * builds it from the replicated events), and the range report and KPIs over the days (HQ merges
 * the summaries).
 */
export async function expectSameFigures(
  hq: Call,
  headOffice: string,
  branch: Call,
  manager: string,
  branchId: string,
  dates: readonly string[],
): Promise<void> {
  for (const date of dates) {
    const own = await branch<DayReport>('GET', `/api/v1/reports/day/${date}`, undefined, manager)
    const atHq = await hq<DayReport>('GET', `/api/hq/v1/branches/${branchId}/days/${date}`, undefined, headOffice)
    expect(atHq.status, `HQ's report of ${branchId} on ${date}`).toBe(200)
    expect(atHq.body, `${branchId} on ${date}`).toEqual(own.body)
  }
  const from = dates[0] as string
  const to = dates[dates.length - 1] as string
  const ownRange = await branch<RangeReport>('GET', `/api/v1/reports/range?from=${from}&to=${to}`, undefined, manager)
  const trend = await hq<BranchTrend>(
    'GET',
    `/api/hq/v1/branches/${branchId}/range?from=${from}&to=${to}`,
    undefined,
    headOffice,
  )
  expect(trend.body.report).toEqual(ownRange.body)
  const compare = await hq<Comparison>('GET', `/api/hq/v1/compare?from=${from}&to=${to}`, undefined, headOffice)
  expect(compare.body.rows.find((r) => r.branchId === branchId)?.kpis).toEqual(ownRange.body.kpis)
}

/**
 * `expectSameFigures`, allowing what the shipper sends after the events (summaries, feedback)
 * 20 s to arrive: retried until it holds, the last failure reported.
 */
export async function expectSameFiguresSoon(...args: Parameters<typeof expectSameFigures>): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    try {
      return await expectSameFigures(...args)
    } catch (e) {
      if (Date.now() > deadline) throw e
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}
