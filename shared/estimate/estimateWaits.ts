import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId, TicketId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket, WaitEstimate } from '../queue/ticket'
import { counterAvailability, type ArrivalRate, type CounterPlan } from './counterAvailability'
import { occupancyAt, type LearnedServiceTimes } from './learnServiceTimes'
import { prepareProjection } from './prepareProjection'
import type { MutableProjectedItem, ProjectedItem } from './projectedItem'
import { projectedItems } from './projectionPool'
import type { Projection } from './projectionTypes'
import { fallbackWait } from './fallbackWait'
import type { WouldBe } from './pointExperts'
import { estimateScratch, type EstimateScratch } from './estimateScratch'
import { runProjection } from './projectCalls'
import { countSpreads, spreadAt, type Spreads } from './countSpreads'
import { withoutArrivals } from './presentProjection'
import { waitFromProjection, type CountSpread, type CycleMoments, type MutableCountSpread } from './waitDistribution'

export interface EstimateOptions {
  /** Expected arrivals from now on per service and class (usual for the hour, or recent). */
  readonly arrivals?: readonly ArrivalRate[]
  /** No arrivals after this instant (epoch ms): the doors close. */
  readonly arrivalsUntil?: number | null
  /** Today's staffing plan, when known: counters that will open or close. */
  readonly schedule?: readonly CounterPlan[]
  /**
   * Customers' patience: the rate (per second) at which a waiting customer gives up and leaves.
   * Default: what the model learned for each service (`LearnedServiceTimes.patience`).
   */
  readonly abandonmentPerSec?: number
  /** How far ahead to project (seconds, default 4 hours); later calls get no estimate. */
  readonly horizonSec?: number
  /** Estimate only this ticket (the simulator at issue); the projection still runs in full. */
  readonly only?: TicketId
  /** Also estimate for would-be tickets of every service and class (default true). */
  readonly newTickets?: boolean
  /**
   * The would-be tickets to estimate instead of one walk-in of every service and class: a booked
   * customer checking in, ranked by their slot and grace as their ticket will be.
   */
  readonly wouldBe?: readonly WouldBe[]
  /** Also estimate every waiting ticket (default true; false: only the would-be tickets). */
  readonly tickets?: boolean
  /**
   * Randomised projections measuring how uncertain the count of calls ahead is (default 16).
   * They use a fixed seed, so the same state always gives the same estimate.
   */
  readonly replications?: number
  /**
   * Also the projection of who is already there (`presentProjection`): its mean for every
   * ticket and would-be ticket estimated, in `WaitEstimates.present` (default false). It is the
   * expected run again on this estimate's preparation, without the arrivals.
   */
  readonly present?: boolean
  /**
   * Working memory kept across estimates (`estimateScratch()`), for a caller that estimates again
   * and again: the same answers, far less garbage. Default: a fresh one for this estimate.
   */
  readonly scratch?: EstimateScratch
}

export interface TicketWait {
  readonly ticketId: TicketId
  /** Seconds until the ticket is called; null when no counter that serves it will call it. */
  readonly estimate: WaitEstimate | null
}

/** What a customer taking a ticket now would be told, before anyone taps (the kiosk menu). */
export interface NewTicketWait {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly estimate: WaitEstimate | null
}

export interface WaitEstimates {
  readonly at: number
  readonly tickets: readonly TicketWait[]
  readonly newTickets: readonly NewTicketWait[]
  /**
   * With `options.present`: the projection of who is already there, its mean for each of
   * `tickets` and of `newTickets`, in the same order (null: no estimate).
   */
  readonly present?: PresentProjectionMeans
}

export interface PresentProjectionMeans {
  readonly tickets: readonly (number | null)[]
  readonly newTickets: readonly (number | null)[]
}

const FOUR_HOURS = 4 * 3600
const DEFAULT_REPLICATIONS = 16
const NO_NO_SHOW: { readonly probability: number; readonly recallSec: number } = Object.freeze({
  probability: 0,
  recallSec: 60,
})

/**
 * The time until call of every waiting ticket, as a distribution (mean, median, 80 % interval),
 * and the same for a ticket of each service and class taken now. See `docs/estimation.md`:
 * a projection of the real calling policy finds how many calls each ticket's counters make
 * before its turn (`projectCalls`), and the counters' call-count process turns that number
 * into a time (`waitFromProjection`). On an M/M/s state it is Whitt's Erlang(n + 1, sμ).
 *
 * Pure and cheap (about 2 ms for 100 tickets and 10 counters, inside the 5 ms budget; see
 * `bench/estimate.bench.ts`), so the hub recomputes it on every event. A ticket the projection
 * does not reach (beyond four hours, or beyond its budget of calls) gets a rough, wide figure
 * (`fallbackWait`); only a ticket no staffed or planned counter may call gets `null`.
 *
 * @example
 * const w = estimateWaits(state, branch, learnServiceTimes(branch, history, today), now)
 * w.tickets[0] //=> { ticketId: '20261124-A007', estimate: { mean: 412, p10: 190, p50: 380, p90: 680 } }
 * w.newTickets.find((n) => n.serviceId === 'personal' && n.priorityClassId === null)?.estimate
 */
export function estimateWaits(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  now: number,
  options: EstimateOptions = {},
): WaitEstimates {
  const scratch = options.scratch ?? estimateScratch()
  if (scratch.busy) throw new Error('estimateWaits: this scratch is in use by another estimate')
  scratch.busy = true
  try {
    return estimateWith(state, branch, model, now, options, scratch)
  } finally {
    scratch.busy = false
  }
}

function estimateWith(
  state: QueueState,
  branch: BranchConfig,
  model: LearnedServiceTimes,
  now: number,
  options: EstimateOptions,
  scratch: EstimateScratch,
): WaitEstimates {
  const openTickets = new Map<string, Ticket>(state.open.map((t) => [t.id, t]))
  const availability = counterAvailability(state, branch, model, now, options.schedule ?? [], openTickets)
  const counterIndex = new Map<string, number>(branch.counters.map((c, i) => [c.id, i]))
  const waiting = state.open.filter((t) => t.status === 'waiting')
  const items = projectedItems(waiting, now, counterIndex, scratch.projection)
  const focus = options.only === undefined ? -1 : waiting.findIndex((t) => t.id === options.only)
  const ghosts: ProjectedItem[] = []
  // A would-be ticket as the projection sees it (a booked customer's slot and grace, when given).
  const ghost = (serviceId: ServiceId, priorityClassId: PriorityClassId | null, booked?: WouldBe): ProjectedItem => {
    const at = booked?.appointmentAt ?? null
    const x: MutableProjectedItem = {
      serviceId,
      priorityClassId,
      queuedAt: 0,
      issuedAt: 0,
      tiebreak: state.issued + 1,
      seq: state.issued + 1,
      target: -1,
      appointmentAt: at === null ? null : (at - now) / 1000,
    }
    if (at !== null && booked?.appointmentGraceSec !== undefined) x.appointmentGraceSec = booked.appointmentGraceSec
    return x
  }
  if (options.wouldBe !== undefined)
    for (const g of options.wouldBe) ghosts.push(ghost(g.serviceId, g.priorityClassId, g))
  else if (options.newTickets !== false) {
    for (const s of branch.services)
      for (const cls of [null, ...branch.priorityClasses.map((p) => p.id)]) ghosts.push(ghost(s.id, cls))
  }
  const until = options.arrivalsUntil
  const prep = prepareProjection(
    {
      branch,
      model,
      availability,
      tickets: items,
      ghosts,
      arrivals: (options.arrivals ?? []).map((a) => ({
        serviceId: a.serviceId,
        priorityClassId: a.priorityClassId,
        perHour: a.perHour,
        fromSec: a.from == null ? 0 : (a.from - now) / 1000,
        untilSec: a.until == null ? Number.POSITIVE_INFINITY : (a.until - now) / 1000,
        evidence: a.evidence ?? Number.POSITIVE_INFINITY,
      })),
      arrivalsUntil: until == null ? Number.POSITIVE_INFINITY : (until - now) / 1000,
      abandonmentPerSec: options.abandonmentPerSec ?? null,
      horizonSec: options.horizonSec ?? FOUR_HOURS,
      waitCapSec: branch.policy.waitCapSec,
      ...(focus >= 0 && ghosts.length === 0 ? { focus } : {}),
    },
    scratch.projection,
  )
  const expected = runProjection(prep, null)
  const spreads = countSpreads(prep, options.replications ?? DEFAULT_REPLICATIONS, scratch)
  // The ticket being finished: its service's no-shows, for its own cycle at a counter the
  // projection gave no calls (one function for every ticket, reading these: no closure per ticket).
  let own: ServiceId = branch.services[0]?.id ?? ('' as ServiceId)
  let ns = NO_NO_SHOW
  const ownCycle = (c: number, out: CycleMoments): void => {
    const counter = branch.counters[c]
    const occ =
      counter === undefined
        ? (model.occupancy[own] ?? { meanSec: 60, scv: 1, n: 1 })
        : occupancyAt(model, own, counter.id)
    const q = ns.probability
    out.m1 = (1 - q) * occ.meanSec + q * ns.recallSec
    out.m2 = (1 - q) * occ.meanSec * occ.meanSec * (1 + occ.scv) + q * ns.recallSec * ns.recallSec
  }
  const finish = (
    x: ProjectedItem,
    p: Projection | null,
    spread: CountSpread | null,
    beyond: number,
    meanOnly: boolean,
  ) => {
    let estimate: WaitEstimate | null = null
    if (p !== null) {
      own = x.serviceId
      ns = model.noShow[x.serviceId] ?? NO_NO_SHOW
      const occ = model.occupancy[x.serviceId]
      const relSe = occ === undefined || !Number.isFinite(occ.n) ? 0 : Math.sqrt(occ.scv / Math.max(1, occ.n))
      estimate = waitFromProjection(p, availability, ownCycle, relSe, spread, scratch.ranges, meanOnly)
    }
    return estimate ?? fallbackWait(branch, model, availability, items, x, beyond)
  }
  const spread: MutableCountSpread = { mean: 0, variance: 0 }
  // The estimated tickets' places among the waiting (all of them, or the one asked for).
  const asked: number[] = []
  for (let i = 0; i < waiting.length && options.tickets !== false; i++)
    if (options.only === undefined || waiting[i]?.id === options.only) asked.push(i)
  // Ticket i's (or would-be ticket i's) estimate from an expected run and the randomised runs' spreads.
  const estimateOf = (
    which: 'tickets' | 'ghosts',
    i: number,
    run: ExpectedRun,
    s: Spreads | null,
    meanOnly: boolean,
  ): WaitEstimate | null =>
    finish(
      (which === 'tickets' ? items : ghosts)[i] as ProjectedItem,
      (which === 'tickets' ? run.projections : run.ghostProjections)[i] ?? null,
      s === null ? null : spreadAt(s, s[which], i, spread),
      run.beyond?.[which][i] ?? Number.NaN,
      meanOnly,
    )
  const tickets: TicketWait[] = asked.map((i) => ({
    ticketId: (waiting[i] as Ticket).id,
    estimate: estimateOf('tickets', i, expected, spreads, false),
  }))
  const newTickets: NewTicketWait[] = ghosts.map((g, i) => ({
    serviceId: g.serviceId,
    priorityClassId: g.priorityClassId,
    estimate: estimateOf('ghosts', i, expected, spreads, false),
  }))
  if (options.present !== true) return { at: now, tickets, newTickets }
  // The model's projections are read: the run of who is already there may take their records. Its
  // range is not worked out (most of an estimate's work after the runs): the mix reads its mean.
  const alone = runProjection(withoutArrivals(prep), null)
  const present: PresentProjectionMeans = {
    tickets: asked.map((i) => estimateOf('tickets', i, alone, null, true)?.mean ?? null),
    newTickets: ghosts.map((_, i) => estimateOf('ghosts', i, alone, null, true)?.mean ?? null),
  }
  return { at: now, tickets, newTickets, present }
}

/** What `finish` reads of an expected run. */
type ExpectedRun = Pick<ReturnType<typeof runProjection>, 'projections' | 'ghostProjections' | 'beyond'>

/** The estimate of one ticket from a result, or null. */
export function waitOf(estimates: WaitEstimates, id: TicketId): WaitEstimate | null {
  return estimates.tickets.find((t) => t.ticketId === id)?.estimate ?? null
}
