import type { TicketId } from '../domain/ids'
import type { BranchConfig } from '../domain/branch'
import { learnUsualPattern, type UsualPattern } from '../delays/usualPattern'
import { usualDayWeights } from '../delays/usualDayWeights'
import { NO_CALENDAR, type BranchCalendar } from '../domain/branchCalendar'
import { naiveWait, queueLengthWait } from '../estimate/baselines'
import { NO_CALIBRATION, type WaitCalibration } from '../estimate/calibration'
import { awaitOutcome, learnFrom, onlineLearner, refine } from '../estimate/onlineLearner'
import { pointExperts } from '../estimate/pointExperts'
import { usualRoster } from '../estimate/plannedHours'
import { startOfLocalDay } from '../domain/localTime'
import { estimateWaits, type EstimateOptions, type WaitEstimates } from '../estimate/estimateWaits'
import { expectedArrivals, type IssuedTicket } from '../estimate/expectedArrivals'
import { learnServiceTimes, type LearnedServiceTimes } from '../estimate/learnServiceTimes'
import { addTicketToStats, emptyServiceTimeStats, type ServiceTimeStats } from '../estimate/serviceTimeStats'
import type { QueueEvent } from '../queue/events'
import { getTicket, type QueueState } from '../queue/state'
import type { Ticket, WaitEstimate } from '../queue/ticket'
import { estimateScratch } from '../estimate/estimateScratch'
import { addPauseEvent, NO_PAUSES } from '../estimate/pauseLengths'
import { mixSeed, seededRng } from './random'
import type { Scenario } from './scenario'
import { scenarioClock, scenarioSchedule, scenarioSimModel } from './scenarioModel'
import { scenarioTruth } from './scenarioTruth'
import { simExplanations } from './simExplanations'
import { simulateBranch, type SimTicketRecord } from './simulateBranch'
import type { TraceRow } from './trace'

/** What earlier days taught the hub: their service-time summaries and their journals' usual pattern. */
export interface SimHistory {
  readonly serviceTimes: readonly ServiceTimeStats[]
  readonly usual: UsualPattern | null
  /** The range's calibration as earlier days left it (default: none yet). */
  readonly calibration?: WaitCalibration
}

export interface RunOptions {
  readonly seed: number
  /** Replay these customers instead of drawing them from the scenario's distributions. */
  readonly trace?: readonly TraceRow[] | null
  readonly history?: SimHistory | null
  /**
   * Show every ticket an estimate from the estimator in the loop (default true). A what-if asks
   * how the day goes, not how honest its estimates would be, and skips it to answer at once.
   */
  readonly estimate?: boolean
  /** Give the estimator the staffing plan (default true: the manager knows the roster). */
  readonly knowSchedule?: boolean
  /** Run the estimator through this (the benchmark times it); default: call it. */
  readonly around?: <T>(f: () => T) => T
  /**
   * Called after every event with a function that estimates every waiting ticket and every
   * would-be ticket, as the hub does on each event (the benchmark times it).
   */
  readonly everyEvent?: (estimateAll: () => WaitEstimates, waiting: number) => void
  /**
   * Explain delays by themselves as the live hub does (`autoDelayCommands`: a counter paused or
   * a transaction far over its standard while people wait, …), after every happening and on the
   * hub's timer, so the day's events hold its `delayAnnounced` and `delayCleared` as a live day's
   * journal does. `branch`: the branch as configured, whose counters' numbers the explanations
   * name and whose counters a day without some still knows (default: the scenario's). Default
   * off: a benchmark or a what-if asks how long people wait, not what they were told why.
   */
  readonly explainDelays?: { readonly branch?: BranchConfig }
  /**
   * Also estimate every ticket at issue from the scenario's truth (`scenarioTruth`), for the
   * benchmark's informed comparison (default false: it doubles the estimator's work).
   */
  readonly informed?: boolean
}

/** The other predictors at the moment each ticket was issued (for the benchmark and tests). */
export interface IssueComparison {
  readonly naive: number | null
  readonly les: number | null
  /** Whitt's queue-length predictor with the true rate, for M/M/s scenarios; null otherwise. */
  readonly oracle: number | null
  /** The projection's mean on the scenario's true model (`informed` runs of a scenario); null otherwise. */
  readonly informed: number | null
}

export interface SimDay {
  readonly scenario: Scenario
  readonly seed: number
  readonly date: string
  readonly openAt: number
  readonly records: readonly SimTicketRecord[]
  readonly events: readonly QueueEvent[]
  /** Today's service-time summary, as the hub would store it in its history. */
  readonly serviceTimes: ServiceTimeStats
  readonly comparisons: ReadonlyMap<TicketId, IssueComparison>
  /** The range's calibration at the end of the day, fed by every wait that happened. */
  readonly calibration: WaitCalibration
}

/**
 * The true mean service time when the scenario is an M/M/s queue (one service, exponential
 * times, Poisson arrivals, no classes, every counter open all day, nobody leaving, no walk), so
 * the queue-length oracle applies; null otherwise.
 */
export function mmsMeanServiceSec(s: Scenario): number | null {
  const [only, ...more] = s.services
  if (only === undefined || more.length > 0 || only.serviceTime.dist !== 'exp') return null
  if ((s.priorityClasses ?? []).length > 0 || (s.noShowProbability ?? 0) > 0 || s.patience !== undefined) return null
  if ((s.walkSec ?? 0) > 0) return null
  if (s.counters.some((c) => c.open !== undefined || c.close !== undefined || (c.speed ?? 1) !== 1)) return null
  return only.serviceTime.meanSec
}

/**
 * Simulates one day of a scenario through the real engine with the estimator in the loop, the
 * way the hub runs it: every ticket is shown the estimate from the service times learned so far
 * (prior, earlier days, today) and the arrivals expected from the usual pattern and the last
 * half hour. Deterministic for a given seed.
 *
 * @example
 * const day = runScenario(scenario, { seed: 7 })
 * day.records[0].estimate //=> { mean: 0, p10: 0, p50: 0, p90: 0 } (the first customer walks up)
 */
export function runScenario(scenario: Scenario, options: RunOptions): SimDay {
  const { model, clock } = scenarioSimModel(scenario, options.seed, options.trace ?? null)
  const branch = model.branch
  const history = options.history ?? { serviceTimes: [], usual: null }
  // Not told the roster: as a hub whose counters have no hours, the usual one of the history.
  const schedule =
    options.knowSchedule === false
      ? usualRoster(branch, history.usual, startOfLocalDay(clock.date, clock.utcOffsetMin))
      : scenarioSchedule(scenario)
  const around = options.around ?? (<T>(f: () => T): T => f())
  const trueMean = options.trace == null ? mmsMeanServiceSec(scenario) : null
  // a replayed trace's customers are not the scenario's streams: no truth to be informed by
  const truth = options.informed === true && options.trace == null ? scenarioTruth(scenario) : null
  const truthScratch = estimateScratch()

  let today = emptyServiceTimeStats(clock.date)
  let pauses = NO_PAUSES
  let learned: LearnedServiceTimes | null = null
  const issued: IssuedTicket[] = []
  const events: QueueEvent[] = []
  const lastWait = new Map<string, number>()
  const comparisons = new Map<TicketId, IssueComparison>()
  const learner = onlineLearner(history.calibration ?? NO_CALIBRATION, clock.utcOffsetMin)
  // The estimator's working memory, kept across the day's estimates as the hub's thread keeps it.
  const scratch = estimateScratch()

  // Who sits at each counter: the model takes each teller's own pace.
  const staffing: Record<string, string | null> = {}
  const modelNow = (): LearnedServiceTimes =>
    (learned ??= learnServiceTimes(branch, history.serviceTimes, { ...today, pauses: pauses.sums }, { staffing }))
  const optionsAt = (now: number): EstimateOptions => ({
    arrivals: expectedArrivals(branch, history.usual, issued, now, { openedAt: clock.openAt }),
    arrivalsUntil: clock.openAt + clock.doorsCloseSec * 1000,
    schedule,
  })

  const estimateAtIssue = (state: QueueState, ticket: Ticket, now: number): WaitEstimate | null => {
    const m = modelNow()
    const opts: EstimateOptions = { ...optionsAt(now), only: ticket.id, newTickets: false, scratch }
    const refined = around(() => {
      const e = estimateWaits(state, branch, m, now, { ...opts, present: true })
      const raw = e.tickets[0]?.estimate ?? null
      if (raw === null) return null
      const present = e.present?.tickets[0] ?? null
      const experts = pointExperts(state, branch, m, now, learner.mix.lastWaitSec, []).tickets.get(ticket.id)
      return refine(learner, ticket.serviceId, raw, experts, present, now, ticket.appointmentAt !== null)
    })
    const estimate = refined?.estimate ?? null
    awaitOutcome(
      learner,
      ticket.id,
      ticket.serviceId,
      now,
      estimate,
      refined?.said ?? null,
      ticket.priorityClassId,
      ticket.appointmentAt !== null,
    )
    const mean = m.occupancy[ticket.serviceId]?.meanSec ?? 60
    let oracle: number | null = null
    if (trueMean !== null) {
      const servers = branch.counters.length
      const busy = Object.values(state.counters).filter((c) => c.status === 'calling' || c.status === 'serving').length
      const ahead = state.open.filter((t) => t.status === 'waiting' && t.id !== ticket.id).length
      oracle = queueLengthWait(ahead, servers, trueMean, busy >= servers)
    }
    const informed =
      truth === null
        ? null
        : (estimateWaits(state, branch, truth.model, now, {
            ...optionsAt(now),
            arrivals: truth.arrivalsFrom(now),
            only: ticket.id,
            newTickets: false,
            scratch: truthScratch,
          }).tickets[0]?.estimate?.mean ?? null)
    comparisons.set(ticket.id, {
      naive: naiveWait(state, branch, ticket, now, mean),
      les: lastWait.get(ticket.serviceId) ?? null,
      oracle,
      informed,
    })
    return estimate
  }

  const explained =
    options.explainDelays === undefined
      ? null
      : simExplanations({
          branch,
          ...(options.explainDelays.branch === undefined ? {} : { configured: options.explainDelays.branch }),
          usual: history.usual,
          model: modelNow,
          utcOffsetMinutes: clock.utcOffsetMin,
        })

  const records = simulateBranch(
    {
      ...model,
      ...(explained === null ? {} : { hubActs: explained.hubActs, branch: explained.engineBranch }),
      ...(options.estimate === false ? {} : { estimateAtIssue }),
      onEvent: (e, state) => {
        events.push(e)
        const counted = pauses.counted
        pauses = addPauseEvent(pauses, e)
        if (pauses.counted !== counted) learned = null
        if (e.type === 'counterOpened' || e.type === 'counterClosed') {
          staffing[e.counterId] = e.type === 'counterOpened' ? e.staffId : null
          learned = null
        }
        if (options.estimate === false) return
        if (options.everyEvent !== undefined) {
          const waiting = state.open.filter((t) => t.status === 'waiting').length
          options.everyEvent(
            () => estimateWaits(state, branch, modelNow(), e.at, { ...optionsAt(e.at), scratch }),
            waiting,
          )
        }
        if (e.type === 'ticketIssued') {
          issued.push({ serviceId: e.serviceId, priorityClassId: e.priorityClassId, issuedAt: e.at })
        } else if (e.type === 'ticketCalled') {
          const t = getTicket(state, e.ticketId)
          if (t !== undefined && t.visits.length === 1) lastWait.set(t.serviceId, (e.at - t.issuedAt) / 1000)
        }
        learnFrom(learner, e)
      },
      onFinished: (t) => {
        today = addTicketToStats(today, t)
        learned = null
        explained?.finished(t)
      },
    },
    seededRng(mixSeed(options.seed + 1)),
  )
  return {
    scenario,
    seed: options.seed,
    date: clock.date,
    openAt: clock.openAt,
    records,
    events,
    serviceTimes: { ...today, pauses: pauses.sums },
    comparisons,
    calibration: learner.calibration,
  }
}

/**
 * The day's events with the estimate each customer was shown at issue, as the hub's journal
 * records it (the simulator estimates a ticket once it is in the queue, and keeps the estimate
 * in its record), so reports and HQ can judge the estimates' honesty.
 */
export function journaledEvents(day: SimDay): QueueEvent[] {
  const shown = new Map(day.records.map((r) => [r.ticketId, r.estimate]))
  return day.events.map((e) => (e.type === 'ticketIssued' ? { ...e, estimate: shown.get(e.ticketId) ?? null } : e))
}

/**
 * Several days in a row, each learning from the ones before (service times and the usual
 * pattern from their journals), as a branch does. Day i uses seed `seed + 1000·i`.
 *
 * @example
 * runDays(scenario, 7, 5).length //=> 5
 */
export function runDays(scenario: Scenario, seed: number, days: number, options: RunDaysOptions = {}): SimDay[] {
  return [...simulateDays(scenario, seed, days, options)]
}

export type RunDaysOptions = Omit<RunOptions, 'seed' | 'history'> & {
  /** Day i's date (default: the scenario's own date for every day). */
  readonly dateOf?: (i: number) => string
  /** Day i's scenario (default: the one given for every day): a branch's weekends, say. */
  readonly scenarioOf?: (i: number) => Scenario
  /** Which dates are holidays and working weekends (default none: the day of the week decides). */
  readonly calendar?: Pick<BranchCalendar, 'holidays' | 'workingWeekends'>
}

/**
 * What a later day learns from an earlier one (`historyOf`): its date, its journal's events (of
 * which only the arrivals and the counters' hours count), its service times and the calibration
 * it ended with. A `SimDay` is one; so is a day kept earlier and read back (the demo's month
 * going on after a restart).
 */
export type LearnedDay = Pick<SimDay, 'date' | 'events' | 'serviceTimes' | 'calibration'>

/** The day a history is learned for, and the calendar that says what kind of day each is. */
export interface DayAhead {
  readonly date: string
  readonly calendar: Pick<BranchCalendar, 'holidays' | 'workingWeekends'>
}

/**
 * `runDays` one day at a time: a caller on an event loop (the hub seeding a demo's history)
 * can give it a turn between days instead of being held for all of them.
 *
 * @example
 * [...simulateDays(scenario, 7, 5)].length //=> 5
 */
export function* simulateDays(
  scenario: Scenario,
  seed: number,
  days: number,
  options: RunDaysOptions = {},
): Generator<SimDay, void, undefined> {
  const out: SimDay[] = []
  for (let i = 0; i < days; i++) {
    const own = options.scenarioOf?.(i) ?? scenario
    const dated = options.dateOf === undefined ? own : { ...own, date: options.dateOf(i) }
    const ahead = { date: scenarioClock(dated).date, calendar: options.calendar ?? NO_CALENDAR }
    const history = historyOf(out, scenario.utcOffsetMin ?? 480, ahead)
    const day = runScenario(dated, { ...options, seed: seed + 1000 * i, history })
    out.push(day)
    yield day
  }
}

/**
 * What a branch learns from earlier days, as the hub learns it from their journals: their
 * service-time summaries, the usual pattern of their events and the range's calibration as the
 * last of them left it. Given the day ahead, its usual pattern is that of the days of its kind
 * (`usualDayWeights`), as the hub's; without, every day counts the same.
 *
 * @example
 * historyOf([], 480) //=> { serviceTimes: [], usual: null }
 */
export function historyOf(
  days: readonly LearnedDay[],
  utcOffsetMin: number,
  ahead: DayAhead | null = null,
): SimHistory {
  const last = days[days.length - 1]
  const weights =
    ahead === null
      ? undefined
      : usualDayWeights(
          days.map((d) => d.date),
          ahead.date,
          ahead.calendar,
        )
  return {
    serviceTimes: days.map((d) => d.serviceTimes),
    usual:
      days.length === 0
        ? null
        : learnUsualPattern(
            days.map((d) => d.events),
            utcOffsetMin,
            weights,
          ),
    ...(last === undefined ? {} : { calibration: last.calibration }),
  }
}
