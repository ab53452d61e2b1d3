import type { BranchFile } from '../config/branchFile'
import { DEMO_STAFF } from '../config/demoBranchFile'
import { staffId } from '../../shared/domain/ids'
import { addDays } from '../../shared/domain/localTime'
import { demoDayScenario } from '../../shared/demo/demoDay'
import type { QueueEvent } from '../../shared/queue/events'
import { historyOf, journaledEvents, runScenario, type SimDay } from '../../shared/sim/runScenario'
import type { JournalRecord } from '../persistence/journalRecord'
import { dayReportOf, type ReportStore } from '../reports/reportStore'

/** How many past days `npm run demo` simulates on a fresh demo. */
export const DEMO_HISTORY_DAYS = 30
/** The demo's history is the same month on every machine. */
const SEED = 20_261_124
/** What the estimator learns from: the usual pattern of this many days before (a branch's recent weeks). */
const LEARN_DAYS = 28

export type DemoHistoryConfig = Pick<BranchFile, 'branch' | 'staff' | 'utcOffsetMinutes' | 'calendar'>

/**
 * A month of simulated history for a fresh demo, so the day reports, the trend view, the
 * staffing advice and the honesty of the estimates over time have something to show: the demo
 * branch's opening days before `today` (`demoDayScenario`: a morning ramp, a lunch peak, people
 * who wait minutes, leave, are sent on to another desk), simulated through the real engine with
 * the estimator in the loop, each day learning from the ones before as a branch does. Each day
 * is kept as a real closed day is — its journal (so its day report opens like any other) and
 * its summary — by the demo's tellers. Does nothing where the history already has days.
 * Answers the days added; `onDay` hears of each as it is kept.
 */
export async function seedDemoHistory(
  reports: ReportStore,
  config: DemoHistoryConfig,
  today: string,
  days = DEMO_HISTORY_DAYS,
  onDay: (date: string) => void = () => undefined,
): Promise<number> {
  if (reports.summaries().length > 0) return 0
  const first = addDays(today, -days)
  const simulated: SimDay[] = []
  let seq = 0
  for (let i = 0; i < days; i++) {
    const date = addDays(first, i)
    const scenario = demoDayScenario(config.branch, config.calendar, config.utcOffsetMinutes, date, SEED + i)
    if (scenario === null) continue // closed that day, as the calendar says
    const day = runScenario(scenario, {
      seed: SEED + 1000 * i,
      history: historyOf(simulated.slice(-LEARN_DAYS), config.utcOffsetMinutes),
    })
    simulated.push(day)
    // A branch's event numbers run on from one day to the next.
    const events = journaledEvents(day).map((e) => byDemoTellers({ ...e, seq: seq + e.seq }))
    seq += day.events.length
    const records: JournalRecord[] = events.map((e) => ({ e, m: { actor: ACTOR } }))
    await reports.recordWithJournal(dayReportOf(events, config, [], null), records)
    onDay(date)
    // The hub is already listening: its event loop gets a turn between the days (requests
    // answered, log lines written), never held for the whole month.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  return simulated.length
}

const ACTOR = { kind: 'system', reason: 'demo history' } as const

/** The simulator's tellers (`sim-c1`) as the demo's staff, counter n worked by the nth teller. */
function byDemoTellers(e: QueueEvent): QueueEvent {
  if ((e.type !== 'counterOpened' && e.type !== 'ticketCalled') || e.staffId === null) return e
  const n = Number(/^sim-c(\d+)$/.exec(e.staffId)?.[1])
  const teller = DEMO_STAFF[n - 1]
  return teller === undefined ? e : { ...e, staffId: staffId(teller.id) }
}
