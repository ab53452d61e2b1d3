import type { FileSystem } from '../persistence/fileSystem'
import type { ReportStore } from '../reports/reportStore'
import { startWorker } from '../workerFile'
import { WorkerCalls } from '../workerCalls'
import { parseDemoDayAnswer, type DemoDayAnswer, type DemoDayRequest } from './demoHistoryProtocol'
import { DEMO_HISTORY_FILE, readDemoHistoryPlan, writeDemoHistoryPlan, type DemoHistoryPlan } from './demoHistoryPlan'
import { addDays } from '../../shared/domain/localTime'
import type { DemoHistoryConfig } from './demoMonth'

export type { DemoHistoryConfig } from './demoMonth'

/** How many past days `npm run demo` simulates on a fresh demo. */
export const DEMO_HISTORY_DAYS = 30
/**
 * How long one day may take on the thread. The longest call can be the first after a restart
 * midway whose plan carries nothing of use (written by an older hub, or a kept journal gone):
 * it simulates the days already kept again (a month at about a second a day, slower on a busy PC).
 */
const DAY_LIMIT_MS = 300_000

/** Where the history goes: the hub's report store, and the data folder it keeps its plan in. */
export interface DemoHistoryPlace {
  readonly reports: ReportStore
  readonly fs: FileSystem
  readonly dataDir: string
}

export interface SeedOptions {
  /** How many days before today (default `DEMO_HISTORY_DAYS`); a seeding resumed keeps its own. */
  readonly days?: number
  /**
   * Hears of each day as it is kept (not of those a seeding stopped midway had kept), once the
   * plan says so: a seeding stopped then goes on from the next day.
   */
  readonly onDay?: (date: string) => void
  /**
   * Hears how many days the thread simulated for each day asked: 1, more for the first of a
   * seeding begun again from the month's start (one stopped midway whose plan carries nothing of use).
   */
  readonly onSimulated?: (days: number) => void
  /**
   * Hears why a seeding stopped midway simulates its month again from the start (its kept days
   * are left as they are, but it takes as long as they took): a kept journal missing or changed,
   * or a plan from an older hub, which kept no carry. The hub logs it.
   */
  readonly onStartOver?: (why: string) => void
  /** Where a breach of the thread's protocol is logged (the seeding fails with the same words). */
  readonly onProblem?: (message: string) => void
}

/**
 * Whether the data folder has demo history to seed: a fresh demo (no days in its history yet),
 * or a seeding stopped midway.
 */
export async function demoHistoryToSeed(place: DemoHistoryPlace): Promise<boolean> {
  const plan = await readDemoHistoryPlan(place.fs, place.dataDir)
  return plan === null ? place.reports.summaries().length === 0 : !plan.done
}

/**
 * A month of simulated history for a fresh demo, so the day reports, the trend view, the
 * staffing advice and the honesty of the estimates over time have something to show: the demo
 * branch's opening days before `today` (`DemoMonth`), each kept as a real closed day is — its
 * journal (so its day report opens like any other) and its summary. Does nothing where the
 * history already has days of its own.
 *
 * The days are simulated on a thread of their own (`demoHistoryWorker.ts`): the hub is listening,
 * and a new user's first taps must not wait behind a simulated day (half a second to a second
 * each); the event loop only writes each day's files. Only days before `today` are written, and
 * a day's journal is written whole, never beside a live one. A seeding stopped midway (the hub
 * closed or killed) is finished by the next: its plan (`demoHistoryPlan.ts`) names the month and
 * where it had got to (`DemoMonthCarry`), the days already kept are left as they are and not
 * simulated again, and the rest are simulated exactly as they would have been. Answers how many
 * days this call kept.
 */
export async function seedDemoHistory(
  place: DemoHistoryPlace,
  config: DemoHistoryConfig,
  today: string,
  options: SeedOptions = {},
): Promise<number> {
  const plan = await planFor(place, today, options.days ?? DEMO_HISTORY_DAYS)
  if (plan === null) return 0
  const older = olderPlanKept(place, plan)
  if (older !== null) options.onStartOver?.(older)
  const worker = startWorker(import.meta.url, 'demoHistoryWorker')
  if (worker === null) throw new Error('the demo history thread is not installed with this hub')
  const calls = new WorkerCalls<DemoDayRequest, DemoDayAnswer>(worker, {
    name: 'the demo history thread',
    parseAnswer: parseDemoDayAnswer,
    onProblem: (message) => options.onProblem?.(message),
    timeoutMs: DAY_LIMIT_MS,
  })
  let kept = 0
  // A seeding stopped midway goes on from where its plan says the month had got to: the thread
  // reads the kept days it learns from back from their journals instead of simulating them again.
  const { carry, ...withoutCarry } = plan
  const resume =
    carry === undefined ? undefined : { carry, journals: carry.days.map((d) => place.reports.journalFile(d.date)) }
  try {
    for (let index = carry?.next ?? 0; index < plan.days; index++) {
      const request = { config, today: plan.today, days: plan.days, index }
      const answer = await calls.call(index === carry?.next && resume !== undefined ? { ...request, resume } : request)
      const { date, day } = answer
      if (answer.startedOver !== null) options.onStartOver?.(answer.startedOver)
      options.onSimulated?.(answer.simulated)
      // The days of a plan made on an earlier start are before that start's today; should this
      // clock read earlier still (set back), a day from today on is the branch's own, not the demo's.
      const added = day !== null && date < today && (await place.reports.keepSeededDay(date, day.journal, day.summary))
      // After the day is kept, never before: a carry ahead of the kept days would skip one.
      if (index < plan.days - 1)
        await writeDemoHistoryPlan(place.fs, place.dataDir, { ...withoutCarry, carry: answer.carry })
      if (!added) continue // closed, the branch's own, or kept by a run before
      kept++
      options.onDay?.(date)
    }
    await writeDemoHistoryPlan(place.fs, place.dataDir, { ...withoutCarry, done: true })
    return kept
  } finally {
    await calls.end(new Error('the demo history seeding has ended'))
  }
}

/**
 * Why a plan found unfinished is simulated from the month's start though days of the month are
 * kept: it carries nothing to go on from (written by a hub from before plans kept a carry).
 * Null for a plan with a carry, and for one stopped before its first day was kept.
 */
function olderPlanKept(place: DemoHistoryPlace, plan: DemoHistoryPlan): string | null {
  if (plan.carry !== undefined) return null
  const first = addDays(plan.today, -plan.days)
  const kept = place.reports.summaries().filter((s) => s.date >= first && s.date < plan.today).length
  if (kept === 0) return null
  return `its plan (${DEMO_HISTORY_FILE}) was written by an older hub and says nothing of where the month had got to; the ${kept} days kept stay as they are`
}

/** The month to seed: a plan stopped midway, or a new one for a fresh demo; null when there is nothing to seed. */
async function planFor(place: DemoHistoryPlace, today: string, days: number): Promise<DemoHistoryPlan | null> {
  const found = await readDemoHistoryPlan(place.fs, place.dataDir)
  if (found !== null) return found.done ? null : found
  if (place.reports.summaries().length > 0) return null
  const plan = { version: 1, today, days, done: false } as const
  await writeDemoHistoryPlan(place.fs, place.dataDir, plan)
  return plan
}
