import type { PriorityClassId, ServiceId } from '../domain/ids'
import { callTier } from '../policy/callOrder'
import { classRate, type ClassRate } from '../policy/priorityScore'
import { arrivalStreams } from './arrivalStreams'
import { occupancyAt } from './learnServiceTimes'
import { callPlace, writePlace, type ProjectedItem } from './projectedItem'
import {
  projectionPool,
  runScratchFor,
  type PooledGroup,
  type PooledItem,
  type ProjectionPool,
  type RunScratch,
} from './projectionPool'
import type { Group, Item, ProjectionInput, Stream } from './projectionTypes'

/**
 * The preparation of the projection (`projectCalls`): waiting tickets grouped by service, class
 * and target counter — within a group the calling order never changes (same accumulation rate
 * and head start: it is arrival order), so a counter only compares group heads — the arrival
 * streams (`arrivalStreams`), and, per counter, the groups it may call from with its tier for
 * each. The shapes are in `projectionTypes`.
 */

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
  const streams: Stream[] = arrivalStreams(input, pool, rateOf, groupOf)
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
