import type { BranchFile } from '../config/branchFile'
import { addDays } from '../../shared/domain/localTime'
import { journaledEvents, simulateDays } from '../../shared/sim/runScenario'
import { scenarioFromBranch } from '../../shared/sim/scenarioFromBranch'
import { dayReportOf, type ReportStore } from '../reports/reportStore'

/** How many past days `npm run demo` simulates on a fresh demo. */
export const DEMO_HISTORY_DAYS = 30

/**
 * A month of simulated history for a fresh demo, so the trend view, the staffing advice and the
 * honesty of the estimates over time have something to show: the demo branch's days before
 * `today`, simulated through the real engine with the estimator in the loop (each day learning
 * from the ones before, as a branch does), each recorded as the report history would record a
 * closed day. Does nothing where the history already has days. Answers the days added.
 */
export async function seedDemoHistory(
  reports: ReportStore,
  config: Pick<BranchFile, 'branch' | 'staff' | 'utcOffsetMinutes'>,
  today: string,
  days = DEMO_HISTORY_DAYS,
): Promise<number> {
  if (reports.summaries().length > 0) return 0
  const first = addDays(today, -days)
  const scenario = scenarioFromBranch({
    branch: config.branch,
    utcOffsetMinutes: config.utcOffsetMinutes,
    date: first,
    now: 0,
    tickets: [],
    name: 'demo history',
  })
  // A day at a time, recorded before the next is simulated: the hub is already listening, and
  // simulating the whole month at once held its event loop for tens of seconds on a busy PC
  // (no request answered, its log lines not written to their file meanwhile).
  let added = 0
  for (const day of simulateDays(scenario, 20_261_124, days, { dateOf: (i) => addDays(first, i) })) {
    await reports.record(dayReportOf(journaledEvents(day), config, [], null))
    added++
  }
  return added
}
