import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId } from '../domain/ids'
import { callTier, type CallPlace } from '../policy/callOrder'
import { classRate, type ClassRate } from '../policy/priorityScore'
import type { Ticket } from '../queue/ticket'
import type { CounterAvailability } from './counterAvailability'
import { occupancyAt, type LearnedServiceTimes } from './learnServiceTimes'
import {
  projectionPool,
  runScratchFor,
  type PooledGroup,
  type PooledItem,
  type ProjectionPool,
  type RunScratch,
} from './projectionPool'

/**
 * The inputs of the projection (`projectCalls`) and their preparation: waiting tickets grouped
 * by service, class and target counter — within a group the calling order never changes (same
 * accumulation rate and head start: it is arrival order), so a counter only compares group heads
 * — and, per counter, the groups it may call from with its tier for each.
 */

/** One waiting ticket (or a would-be ticket) as the projection sees it; times in seconds from now. */
export interface ProjectedItem {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly queuedAt: number
  readonly issuedAt: number
  readonly tiebreak: number
  readonly seq: number
  /** Index of the counter it was sent to, or -1 (-2: a counter the branch no longer has). */
  readonly target: number
  /** A booked customer's slot (seconds from now) and call grace (`policy/callOrder`); null: a walk-in. */
  readonly appointmentAt: number | null
  readonly appointmentGraceSec?: number
}

/** A `CallPlace` written in place. */
export type MutableCallPlace = { -readonly [K in keyof CallPlace]: CallPlace[K] }

/** A `ProjectedItem` written in place. */
export type MutableProjectedItem = { -readonly [K in keyof ProjectedItem]: ProjectedItem[K] }

/** What the expected-times run found for one ticket. */
export interface Projection {
  /** Projected time of its call (seconds from now). */
  readonly at: number
  /** Calls its pool of counters makes up to and including its own. */
  readonly k: number
  /** How many of those calls go to customers not yet arrived. */
  readonly newcomers: number
  /** Its pool (counter indices) and, per counter, the calls' cycles so far: count, Σ mean, Σ second moment. */
  readonly pool: readonly number[]
  /** The cycles, three numbers per pool counter from `offset` on (one array holds a run's records). */
  readonly cycles: Float64Array
  readonly offset: number
}

/** Expected arrivals of one kind over a window, in seconds from now. */
export interface ArrivalWindow {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly perHour: number
  readonly fromSec: number
  readonly untilSec: number
  /** Arrivals the rate's estimate rests on (Infinity: known). */
  readonly evidence: number
}

export interface ProjectionInput {
  readonly branch: BranchConfig
  readonly model: LearnedServiceTimes
  readonly availability: readonly (CounterAvailability | null)[]
  readonly tickets: readonly ProjectedItem[]
  /** Would-be tickets (issued now), one per service and class for the kiosk; they take no calls. */
  readonly ghosts: readonly ProjectedItem[]
  /** Expected arrivals, windows of the same kind not overlapping. */
  readonly arrivals: readonly ArrivalWindow[]
  /** No arrivals after this (seconds from now). */
  readonly arrivalsUntil: number
  /** Patience: a waiting customer leaves at this rate (per second); null: the model's, per service. */
  readonly abandonmentPerSec: number | null
  readonly horizonSec: number
  readonly waitCapSec: number | null
  /** Only this ticket (index) matters: stop once it is called. */
  readonly focus?: number
}

export interface Item {
  readonly x: ProjectedItem
  /** 0 real, 1 ghost, 2 newcomer. */
  readonly kind: 0 | 1 | 2
  readonly index: number
  /** Its class's accumulation rate and head start (`policy/priorityScore`). */
  readonly cls: ClassRate
  /** Its place in the calling order, in milliseconds from now (the policy's clock: `policy/callOrder`). */
  readonly place: CallPlace
}

export interface Group {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly target: number
  /**
   * Its items in calling order: the first `base` are the waiting tickets, then this run's
   * newcomers up to `size` (slots beyond `size` are earlier runs' newcomers, or an earlier
   * estimate's items when the group comes from a kept scratch, overwritten as this run's arrive:
   * the array is never shrunk and grown again).
   */
  readonly items: Item[]
  /** Items present before any newcomer (a run starts from these). */
  base: number
  /** Items in this run so far. */
  size: number
  head: number
  /** Counters (indices) that may call from this group. */
  readonly pool: number[]
  /**
   * A call on one of its tickets, per counter index: the occupancy's mean and second moment
   * when the customer is there, then the share gone whatever the wait, the patience rate, and
   * the counter time of a call on someone gone (looked up once, used on every projected call).
   */
  readonly occupancy: Float64Array
  noShow: number
  patiencePerSec: number
  recallSec: number
  /** This run's draw of its arrival rate's uncertainty (NaN: not drawn yet in this run). */
  runFactor: number
}

export interface Stream {
  readonly a: ArrivalWindow
  /** The class's accumulation rate and head start (see policy/priorityScore). */
  readonly cls: ClassRate
  readonly gap: number
  /** This run's gap: the expected one, or the expected one over a draw of the rate's uncertainty. */
  runGap: number
  /** Arrivals stop here: the window's end or the doors' closing. */
  readonly end: number
  readonly group: Group
  i: number
  nextAt: number
  /** This stream's newcomers (slots of `ProjectionPool`), kept from run to run and rewritten in place. */
  readonly newcomers: Newcomer[]
}

/** A customer expected to arrive, as the projection writes it in place. */
export interface Newcomer extends Item {
  readonly x: MutableProjectedItem
  cls: ClassRate
  readonly place: MutableCallPlace
}

/** The groups, streams and calling lists, built once and reset between runs. */
export interface PreparedProjection {
  readonly input: ProjectionInput
  readonly groups: readonly Group[]
  readonly lists: readonly { readonly g: Group; readonly tier: number }[][]
  readonly streams: readonly Stream[]
  /** Per counter: the streams whose newcomers it may call (a counter with nothing to call waits for them). */
  readonly wakers: readonly (readonly Stream[])[]
  readonly scratch: RunScratch
  readonly pool: ProjectionPool
}

export function prepareProjection(input: ProjectionInput, pool: ProjectionPool = projectionPool()): PreparedProjection {
  const { branch } = input
  const nc = branch.counters.length
  // Groups by service, class and target counter, in the order first met (the calling lists
  // follow it, and on equal keys the first listed is called); their objects are the pool's.
  const order: Group[] = []
  const index = new Map<ServiceId, Map<PriorityClassId | null, Map<number, Group>>>()
  const newGroup = (s: ServiceId, cls: PriorityClassId | null, target: number): Group => {
    let g = pool.groups[order.length]
    if (g === undefined || g.occupancy.length < 2 * nc) {
      g = {
        serviceId: s,
        priorityClassId: cls,
        target,
        items: [],
        base: 0,
        size: 0,
        head: 0,
        pool: [],
        occupancy: new Float64Array(2 * nc),
        noShow: 0,
        patiencePerSec: 0,
        recallSec: 60,
        runFactor: Number.NaN,
      }
      pool.groups[order.length] = g
    } else {
      g.serviceId = s
      g.priorityClassId = cls
      g.target = target
      g.base = 0
      g.size = 0
      g.head = 0
      g.pool.length = 0
      g.noShow = 0
      g.patiencePerSec = 0
      g.recallSec = 60
      g.runFactor = Number.NaN
    }
    order.push(g)
    return g
  }
  const groupOf = (s: ServiceId, cls: PriorityClassId | null, target: number): Group => {
    let byClass = index.get(s)
    if (byClass === undefined) index.set(s, (byClass = new Map()))
    let byTarget = byClass.get(cls)
    if (byTarget === undefined) byClass.set(cls, (byTarget = new Map()))
    let g = byTarget.get(target)
    if (g === undefined) byTarget.set(target, (g = newGroup(s, cls, target)))
    return g
  }
  const rates = new Map<PriorityClassId | null, ClassRate>()
  const rateOf = (cls: PriorityClassId | null): ClassRate => {
    let r = rates.get(cls)
    if (r === undefined) rates.set(cls, (r = classRate(branch, cls)))
    return r
  }
  const itemOf = (x: ProjectedItem, kind: 0 | 1, i: number): Item => {
    const slots = kind === 0 ? pool.items : pool.ghostItems
    const cls = rateOf(x.priorityClassId)
    const it = slots[i]
    // a booked customer's place carries their grace: a slot of its own, not kept
    if (it === undefined || x.appointmentGraceSec !== undefined) {
      const made: PooledItem = { x, kind, index: i, cls, place: callPlace(x) }
      if (x.appointmentGraceSec === undefined) slots[i] = made
      return made
    }
    it.x = x
    it.cls = cls
    writePlace(it.place, x)
    return it
  }
  // A booked customer's place changes with time (their slot comes, their grace runs out): each
  // is a group of its own, so that within every group the order stays arrival order.
  const add = (x: ProjectedItem, kind: 0 | 1, i: number): void => {
    const g = (
      x.appointmentAt === null
        ? groupOf(x.serviceId, x.priorityClassId, x.target)
        : newGroup(x.serviceId, x.priorityClassId, x.target)
    ) as PooledGroup
    g.items[g.size++] = itemOf(x, kind, i)
  }
  for (let i = 0; i < input.tickets.length; i++) add(input.tickets[i] as ProjectedItem, 0, i)
  for (let i = 0; i < input.ghosts.length; i++) add(input.ghosts[i] as ProjectedItem, 1, i)
  for (const g of order) {
    sortByArrival(g.items, g.size)
    g.base = g.size
  }
  const streams: Stream[] = input.arrivals
    .filter((a) => a.perHour > 0 && a.untilSec > Math.max(0, a.fromSec))
    .sort((x, y) => x.fromSec - y.fromSec)
    .map((a, j) => {
      const s = pool.streams[j]
      const cls = rateOf(a.priorityClassId)
      const end = Math.min(a.untilSec, input.arrivalsUntil)
      const group = groupOf(a.serviceId, a.priorityClassId, -1)
      if (s === undefined) {
        const made = {
          a,
          cls,
          gap: 3600 / a.perHour,
          runGap: 3600 / a.perHour,
          end,
          i: 1,
          nextAt: 0,
          group,
          newcomers: [],
        }
        pool.streams[j] = made
        return made
      }
      s.a = a
      s.cls = cls
      s.gap = 3600 / a.perHour
      s.runGap = 3600 / a.perHour
      s.end = end
      s.i = 1
      s.nextAt = 0
      s.group = group
      s.newcomers.length = 0
      return s
    })
  const lists: { g: Group; tier: number }[][] = branch.counters.map(() => [])
  for (const g of order) {
    // sent to a counter the branch no longer has: nobody may call it
    if (g.target === -2) continue
    const targetId = g.target === -1 ? null : (branch.counters[g.target]?.id ?? null)
    branch.counters.forEach((counter, c) => {
      if (input.availability[c] == null) return
      const tier = callTier(counter, g.serviceId, targetId)
      if (tier < 0) return
      lists[c]?.push({ g, tier })
      g.pool.push(c)
    })
  }
  for (const g of order) {
    const ns = input.model.noShow[g.serviceId] ?? { probability: 0, recallSec: 60 }
    g.noShow = ns.probability
    g.recallSec = ns.recallSec
    g.patiencePerSec = input.abandonmentPerSec ?? input.model.patience[g.serviceId]?.perSec ?? 0
    branch.counters.forEach((counter, c) => {
      const occ = occupancyAt(input.model, g.serviceId, counter.id)
      g.occupancy[2 * c] = occ.meanSec
      g.occupancy[2 * c + 1] = occ.meanSec * occ.meanSec * (1 + occ.scv)
    })
  }
  const wakers = branch.counters.map((_, c) => streams.filter((s) => s.group.pool.includes(c)))
  const scratch = runScratchFor(pool, branch.counters.length, input.tickets.length, input.ghosts.length)
  pool.newcomersUsed = 0
  pool.cyclesUsed = 0
  return { input, groups: order, lists, streams, wakers, scratch, pool }
}

/**
 * The first `n` items in arrival order (queued, then tiebreak, then sequence), stably, in place
 * (the slots after `n` are earlier estimates' and stay as they are). A group's tickets come
 * nearly in order already: insertion sort, no garbage.
 */
function sortByArrival(items: Item[], n: number): void {
  for (let i = 1; i < n; i++) {
    const it = items[i] as Item
    let j = i - 1
    while (j >= 0 && byArrival(items[j] as Item, it) > 0) {
      items[j + 1] = items[j] as Item
      j--
    }
    items[j + 1] = it
  }
}

function byArrival(a: Item, b: Item): number {
  return a.x.queuedAt - b.x.queuedAt || a.x.tiebreak - b.x.tiebreak || a.x.seq - b.x.seq
}

/** A waiting ticket as the projection sees it (times relative to now, in seconds). */
export function projectedItem(ticket: Ticket, now: number, counterIndex: ReadonlyMap<string, number>): ProjectedItem {
  const item = writeProjectedItem(blankItem(ticket.serviceId, ticket.priorityClassId), ticket, now, counterIndex)
  if (ticket.appointmentGraceSec !== undefined) item.appointmentGraceSec = ticket.appointmentGraceSec
  return item
}

/** An item of a service and class, its times to be written (a walk-in, sent to no counter). */
export function blankItem(serviceId: ServiceId, priorityClassId: PriorityClassId | null): MutableProjectedItem {
  return { serviceId, priorityClassId, queuedAt: 0, issuedAt: 0, tiebreak: 0, seq: 0, target: -1, appointmentAt: null }
}

/** A place in the calling order, to be written. */
export function blankPlace(): MutableCallPlace {
  return { queuedAt: 0, issuedAt: 0, tiebreak: 0, seq: 0, appointmentAt: null }
}

/**
 * The waiting tickets as the projection sees them, in `pool`'s slots (a booked customer's, which
 * carries a grace, in a slot of its own): the i-th waiting ticket is the i-th item.
 */
export function projectedItems(
  waiting: readonly Ticket[],
  now: number,
  counterIndex: ReadonlyMap<string, number>,
  pool: ProjectionPool,
): ProjectedItem[] {
  const items: ProjectedItem[] = []
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i] as Ticket
    const kept = pool.xs[i]
    if (kept === undefined || t.appointmentGraceSec !== undefined) {
      const made = projectedItem(t, now, counterIndex)
      if (t.appointmentGraceSec === undefined) pool.xs[i] = made
      items.push(made)
    } else items.push(writeProjectedItem(kept, t, now, counterIndex))
  }
  return items
}

function writeProjectedItem(
  item: MutableProjectedItem,
  ticket: Ticket,
  now: number,
  counterIndex: ReadonlyMap<string, number>,
): MutableProjectedItem {
  item.serviceId = ticket.serviceId
  item.priorityClassId = ticket.priorityClassId
  item.queuedAt = (ticket.queuedAt - now) / 1000
  item.issuedAt = (ticket.issuedAt - now) / 1000
  item.tiebreak = ticket.tiebreak
  item.seq = ticket.seq
  item.target = ticket.targetCounterId === null ? -1 : (counterIndex.get(ticket.targetCounterId) ?? -2)
  item.appointmentAt = ticket.appointmentAt === null ? null : (ticket.appointmentAt - now) / 1000
  return item
}

/** An item's place in the calling order on the policy's clock (milliseconds, from now). */
export function callPlace(x: ProjectedItem): CallPlace {
  const place = writePlace(blankPlace(), x)
  if (x.appointmentGraceSec !== undefined) place.appointmentGraceSec = x.appointmentGraceSec
  return place
}

/** `callPlace` written into `place` (all but the grace, which a kept place never has). */
function writePlace(place: MutableCallPlace, x: ProjectedItem): MutableCallPlace {
  place.queuedAt = x.queuedAt * 1000
  place.issuedAt = x.issuedAt * 1000
  place.tiebreak = x.tiebreak
  place.seq = x.seq
  place.appointmentAt = x.appointmentAt === null ? null : x.appointmentAt * 1000
  return place
}
