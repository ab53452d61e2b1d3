import type { BranchFile } from '../config/branchFile'
import { DEMO_STAFF } from '../config/demoBranchFile'
import { staffId } from '../../shared/domain/ids'
import { addDays } from '../../shared/domain/localTime'
import { demoDayScenario } from '../../shared/demo/demoDay'
import type { QueueEvent } from '../../shared/queue/events'
import type { Actor } from '../../shared/queue/eventSchema'
import { AUTO_DELAY_ACTOR } from '../../shared/delays/autoDelayCommands'
import { summarizeDay, type DailySummary } from '../../shared/reports/dailySummary'
import { NO_CALIBRATION, type WaitCalibration } from '../../shared/estimate/calibration'
import type { ServiceTimeStats } from '../../shared/estimate/serviceTimeStats'
import { historyOf, journaledEvents, runScenario, type LearnedDay, type SimHistory } from '../../shared/sim/runScenario'
import type { JournalRecord } from '../persistence/journalRecord'
import { dayReportOf } from '../reports/reportStore'

/** The demo's history is the same month on every machine. */
const SEED = 20_261_124
/** What the estimator learns from: the usual pattern of this many days before (a branch's recent weeks). */
const LEARN_DAYS = 28

export type DemoHistoryConfig = Pick<BranchFile, 'branch' | 'staff' | 'utcOffsetMinutes' | 'calendar'>

/** One day of the demo's history as it is kept: its journal's text (JSON lines) and its summary. */
export interface SeededDay {
  readonly journal: string
  readonly summary: DailySummary
}

/**
 * What the month carries from one day to the next besides the days' journals (`DemoMonth.carry`):
 * with the journals of the days it names, enough to go on from `next` exactly as the month would
 * have — a seeding stopped midway does not simulate its kept days again (`DemoMonth.resume`).
 * Plain JSON, kept in the seeding's plan.
 */
export interface DemoMonthCarry {
  /** The next day of the month to simulate. */
  readonly next: number
  /** The month's last event number so far: a branch's event numbers run on from day to day. */
  readonly seq: number
  /** The days learned from (the last `LEARN_DAYS` simulated), oldest first. */
  readonly days: readonly CarriedDay[]
  /** The range's calibration as the last of them left it. */
  readonly calibration: WaitCalibration
}

/** A day learned from: its date, how many events its journal holds (a check), its service times. */
export interface CarriedDay {
  readonly date: string
  readonly events: number
  readonly serviceTimes: ServiceTimeStats
}

/**
 * The demo's month before `today`, simulated a day at a time (`demoDayScenario` through the real
 * engine with the estimator in the loop, each day learning from the ones before, as a branch
 * does: its usual day that of the day's own kind by the demo's calendar, weekends apart from
 * working days, a working weekend day with the working days), in the form a closed day is kept
 * in. Day `index` is `today - days + index`; it is null when the branch is closed that day. Each
 * day depends on every one before it (what it learns, where its event numbers start), so the
 * days are simulated in order: asking for a later day simulates the ones between, and an earlier
 * one is not asked of the same month (start another, or `resume` one from its `carry`).
 * Pure and deterministic: the same configuration, `today` and `days` give the same bytes.
 * Heavy (half a second to a second a day): the hub runs it on a thread of its own (`demoHistoryWorker.ts`).
 */
export class DemoMonth {
  private learned: LearnedDay[] = []
  private seq = 0
  private nextIndex = 0

  constructor(
    private readonly config: DemoHistoryConfig,
    readonly today: string,
    readonly days: number,
  ) {}

  /**
   * The month going on from `carry`, with the events of its days read back from their journals
   * (`journals[i]` for `carry.days[i]`): what a day learns from its journal is only its arrivals
   * and its counters' hours, the same in the kept journal as in the simulated day. Null when a
   * journal is not the day the carry names (missing, or another count of events): then the month
   * is simulated from its start.
   */
  static resume(
    config: DemoHistoryConfig,
    today: string,
    days: number,
    carry: DemoMonthCarry,
    journals: readonly (readonly QueueEvent[])[],
  ): DemoMonth | null {
    if (DemoMonth.whyNotResumed(days, carry, journals) !== null) return null
    const month = new DemoMonth(config, today, days)
    const last = carry.days.length - 1
    month.learned = carry.days.map((d, i) => ({
      date: d.date,
      events: journals[i] ?? [],
      serviceTimes: d.serviceTimes,
      // only the last day's calibration is learned from (`historyOf`)
      calibration: i === last ? carry.calibration : NO_CALIBRATION,
    }))
    month.seq = carry.seq
    month.nextIndex = carry.next
    return month
  }

  /**
   * Why `resume` cannot go on from `carry` with these journals (the month is then simulated from
   * its start), in words for the log; null when it can.
   *
   * @example
   * DemoMonth.whyNotResumed(30, <carry naming 2026-11-20 with 412 events>, [<no events>])
   * //=> 'the kept journal of 2026-11-20 holds 0 events, not the 412 the plan counted (missing or changed)'
   */
  static whyNotResumed(
    days: number,
    carry: DemoMonthCarry,
    journals: readonly (readonly QueueEvent[])[],
  ): string | null {
    if (carry.next > days) return `the plan goes on from day ${carry.next + 1} of a month of ${days}`
    if (journals.length !== carry.days.length)
      return `${journals.length} journals were read for the ${carry.days.length} days the plan learns from`
    for (const [i, d] of carry.days.entries()) {
      const held = journals[i]?.length ?? 0
      if (held !== d.events)
        return `the kept journal of ${d.date} holds ${held} events, not the ${d.events} the plan counted (missing or changed)`
    }
    return null
  }

  /** The index the month can be asked next (any index from it on). */
  get next(): number {
    return this.nextIndex
  }

  /** What the month carries to its next day (see `DemoMonthCarry`). */
  get carry(): DemoMonthCarry {
    const last = this.learned[this.learned.length - 1]
    return {
      next: this.nextIndex,
      seq: this.seq,
      days: this.learned.map((d) => ({ date: d.date, events: d.events.length, serviceTimes: d.serviceTimes })),
      calibration: last?.calibration ?? NO_CALIBRATION,
    }
  }

  /**
   * What the month has learned for a day ahead from the days simulated so far: their service
   * times and calibration, and the usual day of `date`'s kind by the demo's calendar
   * (`usualDayWeights`: a Saturday's of the weekends, a working weekend day's of the working
   * days), as the hub learns it from the same journals (`loadBranchKnowledge`).
   */
  historyFor(date: string): SimHistory {
    return historyOf(this.learned, this.config.utcOffsetMinutes, { date, calendar: this.config.calendar })
  }

  dateOf(index: number): string {
    return addDays(this.today, index - this.days)
  }

  day(index: number): SeededDay | null {
    if (index < this.nextIndex || index >= this.days) throw new Error(`day ${index} is not ahead in this month`)
    let kept: SeededDay | null = null
    while (this.nextIndex <= index) kept = this.simulate(this.nextIndex++)
    return kept
  }

  private simulate(i: number): SeededDay | null {
    const { config } = this
    const date = this.dateOf(i)
    const scenario = demoDayScenario(config.branch, config.calendar, config.utcOffsetMinutes, date, SEED + i)
    if (scenario === null) return null // closed that day, as the calendar says
    const day = runScenario(scenario, {
      seed: SEED + 1000 * i,
      // The usual day of the day's own kind, by the demo's calendar, as the hub learns it.
      history: this.historyFor(date),
      // The hub explains delays by itself, so its days' journals and reports hold the reasons
      // its customers were given (counters named by the demo's own numbers, weekends too).
      explainDelays: { branch: config.branch },
    })
    this.learned.push({
      date: day.date,
      events: day.events,
      serviceTimes: day.serviceTimes,
      calibration: day.calibration,
    })
    // Only the last LEARN_DAYS are learned from: the month does not hold more in memory.
    if (this.learned.length > LEARN_DAYS) this.learned.shift()
    // A branch's event numbers run on from one day to the next.
    const events = journaledEvents(day).map((e) => byDemoTellers({ ...e, seq: this.seq + e.seq }))
    this.seq += day.events.length
    const report = dayReportOf(events, config, [], null)
    if (report.date === null) return null // a day without events has nothing to keep
    const records: JournalRecord[] = events.map((e) => ({ e, m: { actor: actorOf(e) } }))
    // The lines `Journal.append` writes, one a record.
    return { journal: records.map((r) => `${JSON.stringify(r)}\n`).join(''), summary: summarizeDay(report) }
  }
}

const ACTOR = { kind: 'system', reason: 'demo history' } as const

/**
 * Who the journal says caused an event: the hub itself for the explanations (a simulated day's
 * only delays are the automatic ones, announced and cleared as the live hub journals them), the
 * demo's history for the rest.
 */
function actorOf(e: QueueEvent): Actor {
  return e.type === 'delayAnnounced' || e.type === 'delayCleared' ? AUTO_DELAY_ACTOR : ACTOR
}

/** The simulator's tellers (`sim-c1`) as the demo's staff, counter n worked by the nth teller. */
function byDemoTellers(e: QueueEvent): QueueEvent {
  if ((e.type !== 'counterOpened' && e.type !== 'ticketCalled') || e.staffId === null) return e
  const n = Number(/^sim-c(\d+)$/.exec(e.staffId)?.[1])
  const teller = DEMO_STAFF[n - 1]
  return teller === undefined ? e : { ...e, staffId: staffId(teller.id) }
}
