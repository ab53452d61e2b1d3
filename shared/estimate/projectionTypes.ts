import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId, ServiceId } from '../domain/ids'
import type { CallPlace } from '../policy/callOrder'
import type { ClassRate } from '../policy/priorityScore'
import type { CounterAvailability } from './counterAvailability'
import type { LearnedServiceTimes } from './learnServiceTimes'
import type { MutableCallPlace, MutableProjectedItem, ProjectedItem } from './projectedItem'

/**
 * The projection's shapes (`prepareProjection`, `projectCalls`): what goes in, what the
 * expected-times run records per ticket, and the parts a preparation is made of — items, the
 * groups they wait in (by service, class and target counter: within a group the calling order
 * never changes, so a counter only compares group heads) and the arrival streams that add
 * newcomers to them.
 */

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
