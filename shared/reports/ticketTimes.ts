import { findService, type BranchConfig } from '../domain/branch'
import { judgeShownWait } from '../estimate/shownPromise'
import { timedTransactions, transactionStandardSec, withinStandard } from '../queue/transactionStandard'
import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import {
  chosenServiceId,
  currentSpell,
  type Ticket,
  currentTransaction,
  type TicketOutcome,
  type VisitOutcome,
  type WaitEstimate,
} from '../queue/ticket'
import { isNoShow } from '../queue/noShow'
import type { ReportOptions } from './reportOptions'

/**
 * One ticket's line in the report: the five times of the brief and how each met its standard.
 * Times are epoch ms, durations seconds. `null` means "not applicable / not measured".
 */
export interface TicketRow {
  readonly id: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  /** The service finally done (after transfers, or as the teller recorded it). */
  readonly finalServiceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly issuedAt: number
  /** First call. */
  readonly calledAt: number | null
  /** First transaction start (customer at the counter). */
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly outcome: TicketOutcome | null
  /** A no-show by the one definition (`queue/noShow`): missed within the grace window counts already. */
  readonly noShow: boolean
  /** Waiting time: issue → first call; null when never called, or a no-show who left (`noShowsLeft`). */
  readonly waitSec: number | null
  /** Issue → first call, or → leaving (or now) for a ticket never called. */
  readonly waitedSec: number
  readonly targetWaitSec: number | null
  /**
   * Called within the target wait. A ticket never called counts as late once it had waited
   * past the target, and is left out (null) if it left before then.
   */
  readonly withinTarget: boolean | null
  /** Response time: call → customer at the counter, for the first visit that started. */
  readonly responseSec: number | null
  readonly responseWithin: boolean | null
  /** Service time: all the ticket's transactions together. */
  readonly serviceSec: number | null
  /** Every transaction of the ticket within its service's standard. */
  readonly withinStandard: boolean | null
  /** A booked customer's slot (checked in on time); null for walk-ins. */
  readonly appointmentAt: number | null
  /** Appointment time: appointment (or arrival, if later) → first call. */
  readonly appointmentSec: number | null
  /**
   * The grace a booked customer is judged by: the branch's, journaled with their ticket at
   * check-in; for tickets of journals written before it was, the report's `appointmentGraceSec`
   * (so old days report the same). Null for walk-ins.
   */
  readonly appointmentGraceSec: number | null
  readonly appointmentWithin: boolean | null
  /** Guaranteed time: the declared wait cap, or the target wait where there is no cap. */
  readonly guaranteedSec: number | null
  readonly guaranteeKept: boolean | null
  /** Counter time taken: call → end of every visit (walking up and recalls included). */
  readonly holdSec: number
  readonly transfers: number
  readonly rejoins: number
  readonly recalls: number
  readonly counterIds: readonly CounterId[]
  readonly staffIds: readonly StaffId[]
  readonly estimate: WaitEstimate | null
  /** Actual wait − estimated mean: positive when the customer waited longer than told. */
  readonly estimateErrorSec: number | null
  /**
   * The actual wait fell inside the range the customer was shown at issue, in whole minutes as
   * shown (`judgeShownWait`); null where none was shown ("soon") or the ticket was never called.
   */
  readonly estimateInRange: boolean | null
  readonly rating: number | null
  /** Times someone who joined later was called first while this ticket could have been. */
  readonly overtaken: number
  /** RAQFM discrimination (seconds): service received − equal share while present. */
  readonly discriminationSec: number
}

/** One transaction at a counter: a piece of business done for the customer during a visit. */
export interface TransactionRow {
  readonly ticketId: TicketId
  readonly number: string
  readonly counterId: CounterId
  readonly staffId: StaffId | null
  /** The service done (the teller's correction, else the one the transaction was opened for). */
  readonly serviceId: ServiceId
  /** The service the transaction was opened for: the one the ticket was called for, for the first. */
  readonly calledForServiceId: ServiceId
  /** The visit (call) it belongs to: its call time, which with the ticket names the visit. */
  readonly visitCalledAt: number
  /** Its place in the visit, from 1. */
  readonly place: number
  readonly quantity: number
  readonly startedAt: number
  readonly endedAt: number
  readonly durationSec: number
  /** The service's standard times the quantity. */
  readonly standardSec: number | null
  readonly withinStandard: boolean | null
  readonly outcome: VisitOutcome
}

/**
 * Every finished transaction of the day, in the order tickets were issued. A transaction cut off
 * by the day's close (`removedAtClose`) is left out: its length is not known. A day journaled
 * before visits held several transactions reads as one transaction per visit, as it was.
 *
 * @example
 * transactionsOf(log.tickets, branch)[0] //=> { durationSec: 45, standardSec: 60, withinStandard: true, … }
 */
export function transactionsOf(tickets: readonly Ticket[], branch: BranchConfig): TransactionRow[] {
  const rows: TransactionRow[] = []
  for (const j of tickets) {
    for (const { visit: v, index, transaction: tx, durationSec } of timedTransactions(j)) {
      const standardSec = transactionStandardSec(branch, tx)
      rows.push({
        ticketId: j.id,
        number: j.number,
        counterId: v.counterId,
        staffId: v.staffId,
        serviceId: tx.completedServiceId ?? tx.serviceId,
        calledForServiceId: tx.serviceId,
        visitCalledAt: v.calledAt,
        place: index + 1,
        quantity: tx.quantity,
        startedAt: tx.startedAt,
        endedAt: tx.endedAt,
        durationSec,
        standardSec,
        withinStandard: withinStandard(durationSec, standardSec),
        outcome: tx.outcome,
      })
    }
  }
  return rows
}

/** Per-ticket figures computed elsewhere (fairness) that the row carries. */
export interface TicketExtras {
  readonly overtaken: ReadonlyMap<TicketId, number>
  readonly discrimination: ReadonlyMap<TicketId, number>
  /** No-shows left before their call: their waits are left out (`DayReportInput.noShowsLeft`). */
  readonly noShowsLeft?: boolean
}

/**
 * The report line of every ticket, in issue order. `asOf` closes what is still open (a report
 * of the day so far).
 *
 * @example
 * ticketRows(log.tickets, transactionsOf(log.tickets, branch), branch, DEFAULT_REPORT_OPTIONS, asOf, extras)[0].waitSec
 * //=> 120
 */
export function ticketRows(
  tickets: readonly Ticket[],
  transactions: readonly TransactionRow[],
  branch: BranchConfig,
  options: ReportOptions,
  asOf: number,
  extras: TicketExtras,
): TicketRow[] {
  const byTicket = new Map<TicketId, TransactionRow[]>()
  for (const t of transactions) {
    const list = byTicket.get(t.ticketId)
    if (list === undefined) byTicket.set(t.ticketId, [t])
    else list.push(t)
  }
  return tickets.map((j) => {
    const chosen = chosenServiceId(j)
    const service = findService(branch, chosen)
    const first = j.visits[0]
    const calledAt = first?.calledAt ?? null
    const started = j.visits.find((v) => v.startedAt !== null)
    const last = j.visits[j.visits.length - 1]
    const lastTx = last === undefined ? undefined : currentTransaction(last)
    const lastSpell = currentSpell(j)
    const noShow = isNoShow(j)
    const untilCalledSec = calledAt === null ? null : (calledAt - j.issuedAt) / 1000
    // A no-show who left before the call has no wait to measure or judge (`noShowsLeft`).
    const leftOut = noShow && extras.noShowsLeft === true
    const waitSec = leftOut ? null : untilCalledSec
    const waitedSec = untilCalledSec ?? ((j.endedAt ?? asOf) - j.issuedAt) / 1000
    const target = service?.targetWaitSec ?? null
    const guaranteedSec = branch.policy.waitCapSec ?? target
    const tx = byTicket.get(j.id) ?? []
    const responseSec = started?.startedAt == null ? null : (started.startedAt - started.calledAt) / 1000
    const appointmentSec =
      j.appointmentAt === null || calledAt === null ? null : (calledAt - Math.max(j.appointmentAt, j.issuedAt)) / 1000
    const appointmentGraceSec = j.appointmentAt === null ? null : (j.appointmentGraceSec ?? options.appointmentGraceSec)
    const estimate = j.estimate
    return {
      id: j.id,
      number: j.number,
      serviceId: chosen,
      finalServiceId: lastTx?.completedServiceId ?? lastSpell?.serviceId ?? chosen,
      priorityClassId: j.priorityClassId,
      issuedAt: j.issuedAt,
      calledAt,
      startedAt: started?.startedAt ?? null,
      endedAt: j.endedAt,
      outcome: j.outcome,
      noShow,
      waitSec,
      waitedSec,
      targetWaitSec: target,
      withinTarget: leftOut ? null : censoredWithin(waitSec, waitedSec, target),
      responseSec,
      responseWithin: responseSec === null ? null : responseSec <= options.responseTargetSec,
      serviceSec: tx.length === 0 ? null : tx.reduce((s, t) => s + t.durationSec, 0),
      withinStandard:
        tx.length === 0 || tx.some((t) => t.withinStandard === null) ? null : tx.every((t) => t.withinStandard),
      appointmentAt: j.appointmentAt,
      appointmentSec,
      appointmentGraceSec,
      appointmentWithin:
        appointmentSec === null || appointmentGraceSec === null ? null : appointmentSec <= appointmentGraceSec,
      guaranteedSec,
      guaranteeKept: leftOut ? null : censoredWithin(waitSec, waitedSec, guaranteedSec),
      holdSec: j.visits.reduce((s, v) => s + ((v.endedAt ?? asOf) - v.calledAt) / 1000, 0),
      transfers: j.transfers,
      rejoins: j.rejoins,
      recalls: j.visits.reduce((s, v) => s + v.recalls, 0),
      counterIds: unique(j.visits.map((v) => v.counterId)),
      staffIds: unique(j.visits.map((v) => v.staffId)).filter((x): x is StaffId => x !== null),
      estimate,
      estimateErrorSec: estimate === null || waitSec === null ? null : waitSec - estimate.mean,
      estimateInRange: estimate === null || waitSec === null ? null : inShownRange(estimate, waitSec),
      rating: j.rating,
      overtaken: extras.overtaken.get(j.id) ?? 0,
      discriminationSec: extras.discrimination.get(j.id) ?? 0,
    }
  })
}

function inShownRange(estimate: WaitEstimate, waitSec: number): boolean | null {
  const verdict = judgeShownWait(estimate, waitSec)
  return verdict === null ? null : verdict === 'inside'
}

/** Within a limit: measured when called; known late when never called but already past it. */
function censoredWithin(waitSec: number | null, waitedSec: number, limit: number | null): boolean | null {
  if (limit === null) return null
  if (waitSec !== null) return waitSec <= limit
  return waitedSec > limit ? false : null
}

function unique<T>(xs: readonly T[]): T[] {
  // one or two visits almost always: cheaper than a Set
  return xs.length < 2 ? [...xs] : xs.filter((x, i) => xs.indexOf(x) === i)
}
