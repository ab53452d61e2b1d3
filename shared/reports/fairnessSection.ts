import type { PriorityClassId, TicketId } from '../domain/ids'
import { raqfmDiscriminations, raqfmFigures } from '../queueing/raqfm'
import type { Ticket } from '../queue/ticket'
import { OVERTAKE_REASONS, type Overtake, type OvertakeReason } from './overtakes'
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
 * RAQFM discrimination of every ticket of the day (seconds). Each ticket is present from issue
 * until it leaves (end of its last transaction, cancellation, missed call, or close; `asOf` for
 * those still in the branch); it receives service during its transactions; at every moment the
 * service the counters are giving is owed equally to everybody present.
 *
 * @example
 * dayDiscriminations(log.tickets, asOf).get(ticketId) //=> -42.5
 */
export function dayDiscriminations(tickets: readonly Ticket[], asOf: number): Map<TicketId, number> {
  const customers = tickets.map((j) => ({
    arrival: j.issuedAt / 1000,
    departure: (j.endedAt ?? asOf) / 1000,
    served: servedSec(j, asOf),
  }))
  const spans: { from: number; to: number; rate: number }[] = []
  for (const j of tickets) {
    for (const v of j.visits) {
      if (v.startedAt !== null) spans.push({ from: v.startedAt / 1000, to: (v.endedAt ?? asOf) / 1000, rate: 1 })
    }
  }
  const d = raqfmDiscriminations(customers, spans)
  return new Map(tickets.map((j, i) => [j.id, d[i] as number]))
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
