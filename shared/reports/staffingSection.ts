import type { BranchConfig } from '../domain/branch'
import type { ServiceId } from '../domain/ids'
import { empiricalService } from '../queueing/serviceTimeModel'
import { staffingPlan } from '../queueing/staffingPlan'
import type { WaitTarget } from '../queueing/staffing'
import { groupBy } from './stats'
import type { TicketRow } from './ticketTimes'

/** Counters advised for one hour beside the counters actually open. */
export interface StaffingRow {
  readonly hour: number
  readonly startsAt: number
  /** Customers issued in the hour who reached a counter. */
  readonly arrivals: number
  /** Stationary offered load λ·E[S] (Erlangs). */
  readonly offeredLoad: number
  /** Highest time-varying (infinite-server) offered load in the hour (Erlangs). */
  readonly modifiedLoad: number
  /** Hour-by-hour stationary Erlang C: what a naive plan would give. */
  readonly sipp: number
  /** Erlang C on the modified offered load: the advice. */
  readonly advised: number
  readonly countersAvailable: number
}

export interface StaffingSection {
  /** Share of customers to call within their service's target wait. */
  readonly probability: number
  /** Mean counter holding time per customer (call → done, all visits), the service time used. */
  readonly meanHoldSec: number | null
  readonly targets: readonly (WaitTarget & { readonly serviceId: ServiceId })[]
  readonly rows: readonly StaffingRow[]
}

/** What the staffing advice needs of each hour. */
export interface StaffingHour {
  readonly hour: number
  readonly startsAt: number
  readonly countersAvailable: number
}

/**
 * Staffing advice from the day's own arrivals and holding times (see `queueing/staffingPlan` for
 * the method and assumptions). Arrivals are the customers who reached a counter, counted in the
 * hour they took their ticket; the service time is each customer's counter holding time, walk-up
 * and recalls included, because that is what occupies a counter; the target is each service's
 * target wait, weighted by its share of those customers.
 *
 * @example
 * staffingSection(rows, hours, branch, 0.8, 12).rows[2] //=> { hour: 11, sipp: 4, advised: 6, … }
 */
export function staffingSection(
  rows: readonly TicketRow[],
  hours: readonly StaffingHour[],
  branch: BranchConfig,
  probability: number,
  checksPerHour: number,
): StaffingSection {
  const reached = rows.filter((r) => r.calledAt !== null)
  const first = hours[0]?.startsAt ?? 0
  const arrivals = hours.map(() => 0)
  for (const r of reached) {
    const i = Math.floor((r.issuedAt - first) / 3_600_000)
    if (i >= 0 && i < arrivals.length) arrivals[i] = (arrivals[i] as number) + 1
  }
  const service = empiricalService(reached.map((r) => r.holdSec))
  const targets = [...groupBy(reached, (r) => r.serviceId)].flatMap(([serviceId, g]) => {
    const s = branch.services.find((x) => x.id === serviceId)
    return s === undefined ? [] : [{ serviceId, share: g.length / reached.length, targetSec: s.targetWaitSec }]
  })
  const plan = staffingPlan({
    periodSec: 3600,
    arrivals,
    service,
    targets,
    probability,
    checksPerPeriod: checksPerHour,
  })
  return {
    probability,
    meanHoldSec: reached.length === 0 ? null : service.meanSec,
    targets,
    rows: hours.map((h, i) => {
      const p = plan[i]
      return {
        hour: h.hour,
        startsAt: h.startsAt,
        arrivals: arrivals[i] as number,
        offeredLoad: p?.offeredLoad ?? 0,
        modifiedLoad: p?.modifiedLoad ?? 0,
        sipp: p?.sipp ?? 0,
        advised: p?.advised ?? 0,
        countersAvailable: h.countersAvailable,
      }
    }),
  }
}
