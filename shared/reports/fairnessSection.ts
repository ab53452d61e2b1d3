import type { PriorityClassId, TicketId } from '../domain/ids'
import { raqfmDiscriminations, raqfmFigures, type RaqfmCustomer } from '../queueing/raqfm'
import type { Ticket } from '../queue/ticket'
import { OVERTAKE_REASONS, type Overtake, type OvertakeReason } from './overtakes'
import { presentStays } from './presentStays'
import { groupBy } from './stats'
import type { TicketRow } from './ticketTimes'

export interface OvertakeReasonRow {
  readonly reason: OvertakeReason
  /** Pairs (someone called ahead of someone). */
  readonly overtakes: number
  /** Calls that went ahead of at least one person. */
  readonly calls: number
  /** Different customers overtaken. */
  readonly tickets: number
  /** Pairs waiting for the same service: exceptions to first come, first served. */
  readonly sameService: number
}

/** The RAQFM fairness figure of the day (see `queueing/raqfm`). */
export interface RaqfmSection {
  readonly customers: number
  /** E[D²] in units of the mean transaction time squared; 0 is perfectly fair. */
  readonly meanSquared: number | null
  /** The mean transaction time per served customer (seconds), the unit. */
  readonly unitSec: number
  /** Customers who received some service (the unit's denominator). */
  readonly servedCustomers: number
  /** Σ D (seconds): 0 up to rounding for a day that starts and ends empty. */
  readonly sumSec: number
  /** Mean discrimination per class, in units of the mean transaction time: > 0 favoured. */
  readonly byClass: readonly {
    readonly priorityClassId: PriorityClassId | null
    readonly customers: number
    readonly meanDiscrimination: number | null
  }[]
}

export interface FairnessSection {
  readonly byReason: readonly OvertakeReasonRow[]
  /** Out-of-order calls by the reason the teller gave. */
  readonly outOfOrderReasons: readonly { readonly reason: string; readonly calls: number }[]
  /** Calls that went ahead of someone waiting for the same service who joined earlier. */
  readonly fcfsExceptions: number
  /** Overtakes no declared rule explains (should be 0). */
  readonly unexplained: number
  /** The longest an ordinary customer had waited when somebody who came later was called first. */
  readonly maxOrdinaryOvertakenWaitSec: number | null
  /** The overtakes of ordinary customers who had waited longest, with both numbers. */
  readonly longestOvertaken: readonly (Overtake & { readonly number: string; readonly byNumber: string })[]
  readonly maxWaitByClass: readonly {
    readonly priorityClassId: PriorityClassId | null
    readonly tickets: number
    readonly maxWaitSec: number | null
  }[]
  readonly raqfm: RaqfmSection
}

/**
 * RAQFM discrimination of every ticket of the day (seconds). Each ticket is present while its
 * customer is in the branch (`presentStays`: from issue until the end of its last transaction,
 * cancellation, missed call, or close; `asOf` for those still in; a re-join comes back); it
 * receives service during its transactions; at every moment the service the counters are giving
 * is owed equally to everybody present. A customer who missed a call and re-joined has two stays:
 * their discrimination is what they received less what both stays warranted.
 *
 * @example
 * dayDiscriminations(log.tickets, asOf).get(ticketId) //=> -42.5
 */
export function dayDiscriminations(tickets: readonly Ticket[], asOf: number): Map<TicketId, number> {
  const customers: RaqfmCustomer[] = []
  const owner: TicketId[] = []
  for (const j of tickets) {
    // all the service received is put on the first stay: only the sum over stays is reported
    presentStays(j, asOf).forEach((stay, k) => {
      customers.push({ arrival: stay.from / 1000, departure: stay.to / 1000, served: k === 0 ? servedSec(j, asOf) : 0 })
      owner.push(j.id)
    })
  }
  const spans: { from: number; to: number; rate: number }[] = []
  for (const j of tickets) {
    for (const v of j.visits) {
      if (v.startedAt !== null) spans.push({ from: v.startedAt / 1000, to: (v.endedAt ?? asOf) / 1000, rate: 1 })
    }
  }
  const byStay = raqfmDiscriminations(customers, spans)
  const d = new Map<TicketId, number>()
  byStay.forEach((x, k) => {
    const id = owner[k] as TicketId
    d.set(id, (d.get(id) ?? 0) + x)
  })
  return d
}

function servedSec(j: Ticket, asOf: number): number {
  let s = 0
  for (const v of j.visits) if (v.startedAt !== null) s += ((v.endedAt ?? asOf) - v.startedAt) / 1000
  return s
}

/**
 * The fairness section: overtakes by reason, FCFS exceptions, the worst overtake of an ordinary
 * customer, the longest wait per class, and RAQFM.
 *
 * @example
 * fairnessSection(overtakes, rows, tickets, asOf, 10).raqfm.meanSquared //=> 0.41
 */
export function fairnessSection(
  overtakes: readonly Overtake[],
  rows: readonly TicketRow[],
  tickets: readonly Ticket[],
  discrimination: ReadonlyMap<TicketId, number>,
  asOf: number,
  longestListSize: number,
): FairnessSection {
  // The overtakes of one call are consecutive (found together at the call), so a call is counted
  // where the caller or the time changes.
  const tallies = new Map(
    OVERTAKE_REASONS.map((reason) => [
      reason,
      { reason, overtakes: 0, calls: 0, tickets: new Set<TicketId>(), sameService: 0, last: null as Overtake | null },
    ]),
  )
  let fcfsExceptions = 0
  let lastFcfs: Overtake | null = null
  for (const o of overtakes) {
    const r = tallies.get(o.reason)
    if (r === undefined) continue
    r.overtakes++
    if (r.last === null || r.last.byTicketId !== o.byTicketId || r.last.at !== o.at) r.calls++
    r.last = o
    r.tickets.add(o.ticketId)
    if (o.sameService) {
      r.sameService++
      if (lastFcfs === null || lastFcfs.byTicketId !== o.byTicketId || lastFcfs.at !== o.at) fcfsExceptions++
      lastFcfs = o
    }
  }
  const byReason = [...tallies.values()].map(({ last: _l, tickets, ...r }) => ({ ...r, tickets: tickets.size }))
  const outOfOrder = new Map<string, Set<string>>()
  // every out-of-order call, whether or not anybody was waiting behind it, had a reason given
  for (const j of tickets) {
    for (const v of j.visits) {
      if (v.outOfOrder === null) continue
      const calls = outOfOrder.get(v.outOfOrder.reason) ?? new Set<string>()
      calls.add(`${j.id}@${v.calledAt}`)
      outOfOrder.set(v.outOfOrder.reason, calls)
    }
  }
  const ordinary = overtakes.filter((o) => o.ordinary)
  const numbers = new Map(rows.map((r) => [r.id, r.number]))
  const longestOvertaken = [...ordinary]
    .sort((a, b) => b.waitedSec - a.waitedSec)
    .slice(0, longestListSize)
    .map((o) => ({ ...o, number: numbers.get(o.ticketId) ?? '', byNumber: numbers.get(o.byTicketId) ?? '' }))
  const maxWaitByClass = [...groupBy(rows, (r) => r.priorityClassId)].map(([priorityClassId, g]) => {
    const waits = g.flatMap((r) => (r.waitSec === null ? [] : [r.waitSec]))
    return { priorityClassId, tickets: g.length, maxWaitSec: waits.length === 0 ? null : Math.max(...waits) }
  })
  return {
    byReason,
    outOfOrderReasons: [...outOfOrder].map(([reason, calls]) => ({ reason, calls: calls.size })),
    fcfsExceptions,
    unexplained: tallies.get('other')?.overtakes ?? 0,
    // Folded, not spread: a day with a long queue of many services has millions of overtakes,
    // past the arguments a call can take (`Math.max(...)` overflowed the stack).
    maxOrdinaryOvertakenWaitSec:
      ordinary.length === 0 ? null : ordinary.reduce((m, o) => Math.max(m, o.waitedSec), -Infinity),
    longestOvertaken,
    maxWaitByClass,
    raqfm: raqfmSection(tickets, discrimination, asOf),
  }
}

function raqfmSection(
  tickets: readonly Ticket[],
  discrimination: ReadonlyMap<TicketId, number>,
  asOf: number,
): RaqfmSection {
  const served = tickets.map((j) => servedSec(j, asOf)).filter((s) => s > 0)
  const unit = served.length === 0 ? 0 : served.reduce((a, b) => a + b, 0) / served.length
  const d = tickets.map((j) => discrimination.get(j.id) ?? 0)
  const figures = raqfmFigures(d, unit)
  const byClass = [...groupBy(tickets, (j) => j.priorityClassId)].map(([priorityClassId, g]) => {
    const sum = g.reduce((s, j) => s + (discrimination.get(j.id) ?? 0), 0)
    return {
      priorityClassId,
      customers: g.length,
      meanDiscrimination: g.length === 0 || unit === 0 ? null : sum / g.length / unit,
    }
  })
  return {
    customers: figures.customers,
    meanSquared: figures.meanSquared,
    unitSec: unit,
    servedCustomers: served.length,
    sumSec: figures.sum,
    byClass,
  }
}
