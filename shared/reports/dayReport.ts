import type { BranchConfig } from '../domain/branch'
import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { LocalizedText } from '../domain/text'
import type { FeedbackRecord } from '../feedback/feedback'
import type { AutoClose, QueueEvent } from '../queue/events'
import { bookingSection, type BookingSection } from './bookingSection'
import { counterSection, type CounterSection } from './counterSection'
import { readDay } from './dayLog'
import { delayRows, type DelayRow } from './delaySection'
import { estimateSection, type EstimateSection } from './estimateSection'
import { dayDiscriminations, fairnessSection, type FairnessSection } from './fairnessSection'
import { feedbackSection, type FeedbackSection } from './feedbackSection'
import { fiveTimes, type FiveTimeRow } from './fiveTimes'
import { hourlyRows, hourStarts, type HourRow } from './hourlySection'
import type { Kpis } from './kpis'
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './reportOptions'
import { satisfactionSection, type SatisfactionSection } from './satisfactionSection'
import { staffingSection, type StaffingSection } from './staffingSection'
import { ticketRows, transactionsOf, type TicketRow } from './ticketTimes'
import { transactionSection, type TransactionSection } from './transactionSection'
import { waitSection, type WaitSection } from './waitSection'

export interface DayReportInput {
  /** The day's events, from its `dayOpened` (see `sliceDay`). */
  readonly events: readonly QueueEvent[]
  readonly branch: BranchConfig
  /** The branch's offset from UTC in minutes (China: 480). */
  readonly utcOffsetMinutes: number
  /** Feedback received that day and any still open (see `feedbackSection`). */
  readonly feedback: readonly FeedbackRecord[]
  /**
   * The moment the report is made (epoch ms): closes what is still open in a report of the day so
   * far, and dates the feedback statuses. null: the last event's time.
   */
  readonly asOf: number | null
  /** Tellers' names for the report to carry (the branch configuration keeps them, not the events). */
  readonly staff?: readonly StaffLabel[]
  readonly options?: Partial<ReportOptions>
  /**
   * The day's no-shows left before their call (a simulated day, the what-if: the simulator
   * knows): their waits (issue → a call to an empty hall) are left out of the waits and not
   * judged against the target or the guaranteed time — they are not waits served, and counting
   * them would call a change better for calling an empty hall sooner. Default false: a branch's
   * no-show may have stepped out while the hall waited for them, and counts.
   */
  readonly noShowsLeft?: boolean
}

/** A teller or manager as a report names them. */
export interface StaffLabel {
  readonly id: StaffId
  readonly name: string
}

/** Volumes of the day. */
export interface Volume {
  readonly issued: number
  readonly served: number
  readonly noShows: number
  readonly cancelled: number
  readonly removedAtClose: number
  /** Still open when the hub closed the day by itself (`autoClosed`): neither served nor missed. */
  readonly dayEnded: number
  /** Still in the branch (a report of the day so far); a missed customer counts as a no-show instead. */
  readonly inBranch: number
  /** Tickets transferred at least once, and transfers in all. */
  readonly transferredTickets: number
  readonly transfers: number
  readonly rejoins: number
  readonly byService: readonly { readonly serviceId: ServiceId; readonly issued: number; readonly served: number }[]
}

/** Names the screen and the CSV need, so the report stands on its own. */
export interface ReportLabels {
  readonly branch: LocalizedText
  readonly services: readonly {
    readonly id: ServiceId
    readonly prefix: string
    readonly name: LocalizedText
    readonly targetWaitSec: number
    readonly standardSec: number
  }[]
  readonly counters: readonly { readonly id: CounterId; readonly number: number }[]
  readonly priorityClasses: readonly { readonly id: PriorityClassId; readonly name: LocalizedText }[]
  readonly waitCapSec: number | null
  /** Staff names as configured when the report was made (absent in summaries stored before). */
  readonly staff?: readonly StaffLabel[]
}

/**
 * The manager's daily report: JSON, already aggregated, one table behind every chart.
 * Durations are seconds, instants epoch ms (format them with `utcOffsetMinutes`), shares [0, 1].
 */
export interface DayReport {
  readonly kind: 'day'
  readonly version: 1
  readonly date: string | null
  readonly utcOffsetMinutes: number
  readonly openedAt: number | null
  readonly closedAt: number | null
  /**
   * Set when the hub closed the day by itself, not the manager: `endOfDay` (at midnight, stamped
   * when the branch stopped) or `afterOutage` (the hub was off or down; the day ends at its last
   * journaled event). Null for a manager's close, a day still open and older journals.
   */
  readonly autoClosed: AutoClose | null
  readonly asOf: number
  readonly labels: ReportLabels
  readonly options: ReportOptions
  readonly kpis: Kpis
  readonly volume: Volume
  readonly fiveTimes: readonly FiveTimeRow[]
  readonly hours: readonly (HourRow & { readonly sipp: number; readonly advised: number })[]
  readonly waiting: WaitSection
  readonly transactions: TransactionSection
  /** Booked customers against walk-ins, and bookings called on time. */
  readonly bookings: BookingSection
  readonly estimates: EstimateSection
  readonly fairness: FairnessSection
  readonly delays: readonly DelayRow[]
  readonly counters: CounterSection
  readonly satisfaction: SatisfactionSection
  readonly feedback: FeedbackSection
  readonly staffing: StaffingSection
  readonly tickets: readonly TicketRow[]
  /** Events the report could not place (a damaged journal); 0 normally. */
  readonly ignoredEvents: number
}

/**
 * Builds the daily report from a day's events. Pure: the same events, branch, offset, feedback
 * and `asOf` give the same report.
 *
 * @example
 * const report = buildDayReport({ events, branch, utcOffsetMinutes: 480, feedback: [], asOf: null })
 * report.kpis.waitWithinTargetShare //=> 0.86
 */
export function buildDayReport(input: DayReportInput): DayReport {
  const { branch, utcOffsetMinutes } = input
  const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...input.options }
  const log = readDay(input.events, branch)
  const asOf = input.asOf ?? log.closedAt ?? log.lastAt ?? 0
  const overtaken = new Map<TicketId, number>()
  for (const o of log.overtakes) overtaken.set(o.ticketId, (overtaken.get(o.ticketId) ?? 0) + 1)
  const discrimination = dayDiscriminations(log.tickets, asOf)
  const transactions = transactionsOf(log.tickets, branch)
  const tickets = ticketRows(log.tickets, transactions, branch, options, asOf, {
    overtaken,
    discrimination,
    noShowsLeft: input.noShowsLeft ?? false,
  })
  const delays = delayRows(log.delays, asOf)
  const start = log.openedAt ?? tickets[0]?.issuedAt ?? asOf
  const end = log.closedAt ?? asOf
  const hourly = hourlyRows(
    hourStarts(start, Math.max(start, end - 1), utcOffsetMinutes),
    tickets,
    transactions,
    log.counterSpans,
    asOf,
    utcOffsetMinutes,
  )
  const staffing = staffingSection(tickets, hourly, branch, options.waitGoalShare, options.staffingChecksPerHour)
  const waiting = waitSection(tickets, delays, branch, options.longestListSize)
  const tx = transactionSection(transactions, delays, options.longestListSize)
  const estimates = estimateSection(tickets)
  const fairness = fairnessSection(log.overtakes, tickets, log.tickets, discrimination, asOf, options.longestListSize)
  const counters = counterSection(log.counterSpans, log.tickets, branch, asOf)
  const satisfaction = satisfactionSection(log.tickets)
  const five = fiveTimes(tickets, transactions, branch, options)
  const volume = volumeOf(tickets)
  const share = (t: FiveTimeRow['time']): number | null => five.find((r) => r.time === t)?.share ?? null
  const kpis: Kpis = {
    days: 1,
    issued: volume.issued,
    served: volume.served,
    noShows: volume.noShows,
    cancelled: volume.cancelled,
    removedAtClose: volume.removedAtClose,
    dayEnded: volume.dayEnded,
    transferred: volume.transferredTickets,
    waitMeanSec: waiting.overall.mean,
    waitMedianSec: waiting.overall.median,
    waitP90Sec: waiting.overall.p90,
    waitMaxSec: waiting.overall.max,
    waitWithinTargetShare: waiting.overall.withinTargetShare,
    guaranteeKeptShare: share('guaranteed'),
    responseWithinShare: share('response'),
    appointmentWithinShare: share('appointment'),
    transactionMeanSec: tx.overall.mean,
    transactionWithinStandardShare: tx.overall.withinStandardShare,
    estimateMeanErrorSec: estimates.overall.meanErrorSec,
    estimateRmseSec: estimates.overall.rmseSec,
    estimateInsideRangeShare: estimates.overall.insideRangeShare,
    overtakes: log.overtakes.length,
    fcfsExceptions: fairness.fcfsExceptions,
    unexplainedOvertakes: fairness.unexplained,
    maxOrdinaryOvertakenWaitSec: fairness.maxOrdinaryOvertakenWaitSec,
    raqfm: fairness.raqfm.meanSquared,
    ratings: satisfaction.overall.ratings,
    ratingMean: satisfaction.overall.mean,
    counterHours: counters.counters.reduce((s, c) => s + c.openSec, 0) / 3600,
    pausedHours: counters.counters.reduce((s, c) => s + c.pausedSec, 0) / 3600,
  }
  return {
    kind: 'day',
    version: 1,
    date: log.date,
    utcOffsetMinutes,
    openedAt: log.openedAt,
    closedAt: log.closedAt,
    autoClosed: log.autoClosed,
    asOf,
    labels: labelsOf(branch, input.staff ?? []),
    options,
    kpis,
    volume,
    fiveTimes: five,
    hours: hourly.map((h, i) => ({
      ...h,
      sipp: staffing.rows[i]?.sipp ?? 0,
      advised: staffing.rows[i]?.advised ?? 0,
    })),
    waiting,
    transactions: tx,
    bookings: bookingSection(tickets),
    estimates,
    fairness,
    delays,
    counters,
    satisfaction,
    feedback: feedbackSection(input.feedback, asOf, new Map(tickets.map((t) => [t.id, t.number]))),
    staffing,
    tickets,
    ignoredEvents: log.ignoredEvents,
  }
}

function volumeOf(rows: readonly TicketRow[]): Volume {
  const count = (p: (r: TicketRow) => boolean): number => rows.filter(p).length
  const services = new Map<ServiceId, { issued: number; served: number }>()
  for (const r of rows) {
    const s = services.get(r.serviceId) ?? { issued: 0, served: 0 }
    s.issued++
    if (r.outcome === 'served') s.served++
    services.set(r.serviceId, s)
  }
  return {
    issued: rows.length,
    served: count((r) => r.outcome === 'served'),
    noShows: count((r) => r.noShow),
    cancelled: count((r) => r.outcome === 'cancelled'),
    removedAtClose: count((r) => r.outcome === 'removedAtClose'),
    dayEnded: count((r) => r.outcome === 'dayEnded'),
    inBranch: count((r) => r.outcome === null && !r.noShow),
    transferredTickets: count((r) => r.transfers > 0),
    transfers: rows.reduce((s, r) => s + r.transfers, 0),
    rejoins: rows.reduce((s, r) => s + r.rejoins, 0),
    byService: [...services].map(([serviceId, s]) => ({ serviceId, ...s })),
  }
}

export function labelsOf(branch: BranchConfig, staff: readonly StaffLabel[]): ReportLabels {
  return {
    branch: branch.name,
    services: branch.services.map((s) => ({
      id: s.id,
      prefix: s.prefix,
      name: s.name,
      targetWaitSec: s.targetWaitSec,
      standardSec: s.standardSec,
    })),
    counters: branch.counters.map((c) => ({ id: c.id, number: c.number })),
    priorityClasses: branch.priorityClasses.map((p) => ({ id: p.id, name: p.name })),
    waitCapSec: branch.policy.waitCapSec,
    staff: staff.map((s) => ({ id: s.id, name: s.name })),
  }
}
