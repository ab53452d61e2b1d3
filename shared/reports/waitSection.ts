import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId, TicketId } from '../domain/ids'
import type { TicketOutcome } from '../queue/ticket'
import { concernsService, delaysDuring, type DelayRef, type DelayRow } from './delaySection'
import { distribution, groupBy, shareOf, type Distribution } from './stats'
import type { TicketRow } from './ticketTimes'

/** Waiting (issue → first call) of a group of tickets, and how many were called within target. */
export interface WaitFigures extends Distribution {
  /** Tickets judged against the target (called, or never called but already late). */
  readonly judged: number
  readonly withinTarget: number
  readonly withinTargetShare: number | null
}

/** A bar of the wait distribution chart: tickets whose wait fell in [fromSec, toSec). */
export interface WaitBin {
  readonly fromSec: number
  /** null for the open-ended last bar. */
  readonly toSec: number | null
  readonly count: number
}

/** One of the day's longest waits, with what happened around it. */
export interface LongWait {
  readonly ticketId: TicketId
  readonly number: string
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly issuedAt: number
  readonly waitedSec: number
  /** False when the customer was never called (left, or still waiting at close). */
  readonly called: boolean
  readonly outcome: TicketOutcome | null
  readonly transfers: number
  readonly rejoins: number
  readonly overtaken: number
  /** Delays announced during the wait that concern the ticket's service. */
  readonly delays: readonly DelayRef[]
}

export interface WaitSection {
  readonly overall: WaitFigures
  readonly byService: readonly (WaitFigures & { readonly serviceId: ServiceId })[]
  readonly byClass: readonly (WaitFigures & { readonly priorityClassId: PriorityClassId | null })[]
  readonly histogram: readonly WaitBin[]
  readonly longest: readonly LongWait[]
  /** Tickets never called: cancelled while waiting, or still waiting at close. */
  readonly neverCalled: number
}

/** Minute marks of the wait distribution chart. */
const WAIT_BIN_MINUTES = [0, 2, 5, 10, 15, 20, 30, 45, 60]

/**
 * Wait figures of a set of ticket rows.
 *
 * @example
 * waitFigures(rows).withinTargetShare //=> 0.85
 */
export function waitFigures(rows: readonly TicketRow[]): WaitFigures {
  const waits: number[] = []
  let judged = 0
  let within = 0
  for (const r of rows) {
    if (r.waitSec !== null) waits.push(r.waitSec)
    if (r.withinTarget !== null) {
      judged++
      if (r.withinTarget) within++
    }
  }
  return { ...distribution(waits), judged, withinTarget: within, withinTargetShare: shareOf(within, judged) }
}

/**
 * The waiting section: overall, per service (as chosen at the kiosk), per priority class, the
 * distribution, and the longest waits (called or not) with the delays explained meanwhile.
 *
 * @example
 * waitSection(rows, delays, branch, 10).overall.p90 //=> 540
 */
export function waitSection(
  rows: readonly TicketRow[],
  delays: readonly DelayRow[],
  branch: BranchConfig,
  longestListSize: number,
): WaitSection {
  const byService = [...groupBy(rows, (r) => r.serviceId)].map(([serviceId, g]) => ({
    serviceId,
    ...waitFigures(g),
  }))
  const byClass = [...groupBy(rows, (r) => r.priorityClassId)].map(([priorityClassId, g]) => ({
    priorityClassId,
    ...waitFigures(g),
  }))
  const histogram: WaitBin[] = WAIT_BIN_MINUTES.map((m, i) => {
    const next = WAIT_BIN_MINUTES[i + 1]
    return { fromSec: m * 60, toSec: next === undefined ? null : next * 60, count: 0 }
  })
  for (const r of rows) {
    if (r.waitSec === null) continue
    let i = histogram.length - 1
    while (i > 0 && r.waitSec < (histogram[i] as WaitBin).fromSec) i--
    const bin = histogram[i] as WaitBin
    histogram[i] = { ...bin, count: bin.count + 1 }
  }
  const longest = [...rows]
    .sort((a, b) => b.waitedSec - a.waitedSec)
    .slice(0, longestListSize)
    .map((r) => ({
      ticketId: r.id,
      number: r.number,
      serviceId: r.serviceId,
      priorityClassId: r.priorityClassId,
      issuedAt: r.issuedAt,
      waitedSec: r.waitedSec,
      called: r.calledAt !== null,
      outcome: r.outcome,
      transfers: r.transfers,
      rejoins: r.rejoins,
      overtaken: r.overtaken,
      delays: delaysDuring(delays, r.issuedAt, r.issuedAt + r.waitedSec * 1000, concernsService(branch, r.serviceId)),
    }))
  return {
    overall: waitFigures(rows),
    byService,
    byClass,
    histogram,
    longest,
    neverCalled: rows.filter((r) => r.calledAt === null).length,
  }
}
