import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId, TicketId } from '../domain/ids'
import type { QueueState } from '../queue/state'
import type { Ticket, WaitEstimate } from '../queue/ticket'
import { counterAvailability, type ArrivalRate, type CounterPlan } from './counterAvailability'
import { occupancyAt, type LearnedServiceTimes } from './learnServiceTimes'
import { mixSeed, seededRng } from '../sim/random'
import { prepareProjection, type PreparedProjection } from './prepareProjection'
import type { ProjectedItem } from './projectedItem'
import { projectedItems } from './projectionPool'
import type { Projection } from './projectionTypes'
import { fallbackWait } from './fallbackWait'
import { estimateScratch, type EstimateScratch } from './estimateScratch'
import { runProjection } from './projectCalls'
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
   * Randomised projections measuring how uncertain the count of calls ahead is (default 16).
   * They use a fixed seed, so the same state always gives the same estimate.
   */
  readonly replications?: number
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
}

const FOUR_HOURS = 4 * 3600
const DEFAULT_REPLICATIONS = 16
/** The generator of the randomised projections is reseeded on every call: same state, same estimate. */
const SEED = 20_261_124
const NO_NO_SHOW: { readonly probability: number; readonly recallSec: number } = Object.freeze({
  probability: 0,
  recallSec: 60,
})

/** Each ticket's k in each randomised run (NaN: not reached), row-major: ticket i, run r at i·runs + r. */
interface Spreads {
  readonly runs: number
  readonly tickets: Float64Array
  readonly ghosts: Float64Array
}

function countSpreads(prep: PreparedProjection, runs: number, scratch: EstimateScratch): Spreads | null {
  if (runs < 2) return null
  const rng = scratch.uniforms.reset(seededRng(mixSeed(SEED)))
  const nt = prep.input.tickets.length
  const ng = prep.input.ghosts.length
  const tickets = spreadRows(scratch, 'tickets', nt * runs)
  const ghosts = spreadRows(scratch, 'ghosts', ng * runs)
  for (let r = 0; r < runs; r++) {
    const { counts } = runProjection(prep, rng)
    for (let i = 0; i < nt; i++) tickets[i * runs + r] = counts.tickets[i] as number
    for (let i = 0; i < ng; i++) ghosts[i * runs + r] = counts.ghosts[i] as number
  }
  return { runs, tickets, ghosts }
}

/** The scratch's array for the spreads of tickets or would-be tickets, at least `n` long (grown when not). */
function spreadRows(scratch: EstimateScratch, which: 'tickets' | 'ghosts', n: number): Float64Array {
  const have = scratch.spreads[which]
  if (have.length >= n) return have
  const grown = new Float64Array(Math.max(n, 2 * have.length))
  scratch.spreads[which] = grown
  return grown
}

/** Mean and variance of ticket i's k over the runs that reached it, into `out`; null when fewer than two did. */
function spreadAt(spreads: Spreads, all: Float64Array, i: number, out: MutableCountSpread): CountSpread | null {
  const runs = spreads.runs
  let n = 0
  let s1 = 0
  let s2 = 0
  for (let r = 0; r < runs; r++) {
    const k = all[i * runs + r] as number
    if (Number.isNaN(k)) continue
    n++
    s1 += k
    s2 += k * k
  }
  if (n < 2) return null
  const mean = s1 / n
  out.mean = mean
  out.variance = Math.max(0, (s2 - n * mean * mean) / (n - 1))
  return out
}

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
  if (options.newTickets !== false) {
    for (const s of branch.services) {
      for (const cls of [null, ...branch.priorityClasses.map((p) => p.id)]) {
        ghosts.push({
          serviceId: s.id,
          priorityClassId: cls,
          queuedAt: 0,
          issuedAt: 0,
          tiebreak: state.issued + 1,
          seq: state.issued + 1,
          target: -1,
          appointmentAt: null,
        })
      }
    }
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
  const finish = (x: ProjectedItem, p: Projection | null, spread: CountSpread | null, beyond = Number.NaN) => {
    let estimate: WaitEstimate | null = null
    if (p !== null) {
      own = x.serviceId
      ns = model.noShow[x.serviceId] ?? NO_NO_SHOW
      const occ = model.occupancy[x.serviceId]
      const relSe = occ === undefined || !Number.isFinite(occ.n) ? 0 : Math.sqrt(occ.scv / Math.max(1, occ.n))
      estimate = waitFromProjection(p, availability, ownCycle, relSe, spread, scratch.ranges)
    }
    return estimate ?? fallbackWait(branch, model, availability, items, x, beyond)
  }
  const spread: MutableCountSpread = { mean: 0, variance: 0 }
  const tickets: TicketWait[] = []
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i] as Ticket
    if (options.only !== undefined && t.id !== options.only) continue
    tickets.push({
      ticketId: t.id,
      estimate: finish(
        items[i] as ProjectedItem,
        expected.projections[i] ?? null,
        spreads === null ? null : spreadAt(spreads, spreads.tickets, i, spread),
        expected.beyond?.tickets[i],
      ),
    })
  }
  const newTickets: NewTicketWait[] = []
  for (let i = 0; i < ghosts.length; i++) {
    const g = ghosts[i] as ProjectedItem
    newTickets.push({
      serviceId: g.serviceId,
      priorityClassId: g.priorityClassId,
      estimate: finish(
        g,
        expected.ghostProjections[i] ?? null,
        spreads === null ? null : spreadAt(spreads, spreads.ghosts, i, spread),
        expected.beyond?.ghosts[i],
      ),
    })
  }
  return { at: now, tickets, newTickets }
}

/** The estimate of one ticket from a result, or null. */
export function waitOf(estimates: WaitEstimates, id: TicketId): WaitEstimate | null {
  return estimates.tickets.find((t) => t.ticketId === id)?.estimate ?? null
}
