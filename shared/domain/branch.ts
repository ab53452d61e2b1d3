import type { CounterId, PriorityClassId, ServiceId } from './ids'
import type { LocalizedText } from './text'

/**
 * A kind of business (业务类型): deposits, transfers, wealth management ... Each has its own
 * ticket prefix and its own standards, because customers accept longer waits for more valuable
 * services (rule 7 of the brief): there is no single number for the branch.
 */
export interface ServiceConfig {
  readonly id: ServiceId
  /** Ticket prefix, one or two capital letters: A → A001, A002 ... */
  readonly prefix: string
  readonly name: LocalizedText
  /** The wait the branch promises to stay within for this service (seconds). */
  readonly targetWaitSec: number
  /**
   * Transaction-time standard (seconds): the one-minute standard (60 s) for routine counter
   * work, longer for complex services.
   */
  readonly standardSec: number
  /** Documents to have ready, printed on the ticket (rule 2: service starts at the kiosk). */
  readonly documents: readonly LocalizedText[]
  /** The kiosk suggests the self-service machines first (the 80/20 channel rule). */
  readonly selfServiceCapable: boolean
}

/** A counter (窗口) and the services it may serve, most preferred first. */
export interface CounterConfig {
  readonly id: CounterId
  /** The number customers see and hear: "请 A023 号到 3 号窗口". */
  readonly number: number
  readonly services: readonly ServiceId[]
  /**
   * The roster: when the counter is planned to be staffed each day, in order. The wait
   * estimates count on a closed counter opening at its next `opens` and on an open one stopping
   * at its `closes` (a teller who stays on goes on calling). Absent: no plan — an open counter is
   * expected to stay open, a closed one not to open.
   */
  readonly hours?: readonly ClockStretch[]
}

/**
 * One stretch of a day, in the branch's civil time: a counter's planned hours, or the branch's
 * opening hours (`calendar.opening` in branch.json, `branchCalendar.ts`).
 */
export interface ClockStretch {
  /** "HH:MM". */
  readonly opens: string
  /** "HH:MM", after `opens` ("24:00": midnight). */
  readonly closes: string
}

/**
 * A declared priority class (VIP, elderly or disabled, appointment holders ...). Ordinary
 * tickets have no class and accumulate priority at rate 1 from arrival; a class accumulates at
 * `rate` and may be credited `headStartSec` of waiting at arrival. See `policy/priorityScore`.
 * What a class means for everybody else is generated from these numbers
 * (`policy/describePolicy`), so the kiosk never shows a rule the engine does not apply.
 */
export interface PriorityClassConfig {
  readonly id: PriorityClassId
  readonly name: LocalizedText
  /** Accumulation rate relative to ordinary tickets (1 = same as ordinary). */
  readonly rate: number
  /** Waiting time credited at arrival, in ordinary-equivalent seconds. */
  readonly headStartSec: number
  /** How a customer comes to be in the class (absent: `declared`). See `establishmentOf`. */
  readonly establishedBy?: PriorityEstablishment
}

/**
 * How the branch establishes that a customer belongs to a priority class:
 * - `declared`: the customer says so at the kiosk; the class is printed on the ticket and shown
 *   to the teller, who may change it with a reason;
 * - `staff`: the kiosk records a claim and the ticket waits as ordinary until staff confirm it;
 * - `idReader`: the same claim, confirmed when the customer's card or ID is read at the kiosk's
 *   reader (the hub confirms it, journaled as set by `idReader`);
 * - `booking`: appointment holders check in with their booking code, never by a tap.
 */
export type PriorityEstablishment = 'declared' | 'staff' | 'idReader' | 'booking'

/** Who may set a ticket's class after issue: staff (any change) or a card reader (a confirmation). */
export type PriorityConfirmer = Extract<PriorityEstablishment, 'staff' | 'idReader'>

/**
 * @example
 * establishmentOf({ id, name, rate: 2, headStartSec: 90 }) //=> 'declared'
 */
export function establishmentOf(cls: PriorityClassConfig): PriorityEstablishment {
  return cls.establishedBy ?? 'declared'
}

/**
 * Whether a ticket taken with this class only claims it when issued: staff or a card reader must
 * confirm it, and until then the ticket waits as ordinary, so a tap alone never puts anyone ahead.
 */
export function claimedAtIssue(cls: PriorityClassConfig): boolean {
  const by = establishmentOf(cls)
  return by === 'staff' || by === 'idReader'
}

/**
 * The class a tap with `priorityClassId` waits in from the moment its ticket exists: none (null)
 * for a class only claimed then. The kiosk's estimate for the tap is that class's, or the ticket's
 * own would rise over it at once with no reason to show (confirmation can only bring it down).
 *
 * @example
 * classAtIssue(DEMO_BRANCH, 'military') //=> null (staff confirm it at the counter)
 * classAtIssue(DEMO_BRANCH, 'care') //=> 'care' (declared)
 */
export function classAtIssue(branch: BranchConfig, priorityClassId: string | null): string | null {
  const cls = priorityClassId === null ? undefined : branch.priorityClasses.find((c) => c.id === priorityClassId)
  return cls !== undefined && claimedAtIssue(cls) ? null : priorityClassId
}

/**
 * The classes a customer may ask for with a tap at the kiosk: all but those established by
 * booking (appointment holders check in with their booking code).
 *
 * @example
 * tappableClasses(DEMO_BRANCH).map((c) => c.id) //=> ['vip', 'care', 'military']
 */
export function tappableClasses(branch: Pick<BranchConfig, 'priorityClasses'>): readonly PriorityClassConfig[] {
  return branch.priorityClasses.filter((c) => establishmentOf(c) !== 'booking')
}

/** The queue rules the branch declares; every number here is shown or explained to customers. */
export interface QueuePolicy {
  /** Recalls a teller must make before a ticket may be marked no-show. */
  readonly recallsBeforeNoShow: number
  /**
   * Seconds a called customer has to come after each call before the teller may recall them or
   * mark them no-show (see `queue/callInterval`); absent means `DEFAULT_RECALL_INTERVAL_SEC`.
   */
  readonly recallIntervalSec?: number
  /**
   * Seconds a parked customer may be away before their teller is prompted to see to them
   * (`queue/parkedTooLong`); absent means 5 minutes.
   */
  readonly parkedPromptSec?: number
  /** How long after a missed call the customer may re-join (seconds). */
  readonly noShowGraceSec: number
  /** A re-joining customer is placed behind this many of the customers now waiting. */
  readonly rejoinBehind: number
  /**
   * After waiting this long (seconds) a ticket goes before everybody who came after it, whatever
   * their class; null for no cap.
   */
  readonly waitCapSec: number | null
}

export interface BranchConfig {
  readonly name: LocalizedText
  readonly services: readonly ServiceConfig[]
  readonly counters: readonly CounterConfig[]
  readonly priorityClasses: readonly PriorityClassConfig[]
  readonly policy: QueuePolicy
}

/** How long a called customer has to come before a recall or no-show, unless the branch says otherwise. */
export const DEFAULT_RECALL_INTERVAL_SEC = 20

export const DEFAULT_POLICY: QueuePolicy = {
  recallsBeforeNoShow: 2,
  recallIntervalSec: DEFAULT_RECALL_INTERVAL_SEC,
  noShowGraceSec: 30 * 60,
  rejoinBehind: 2,
  waitCapSec: null,
}

export function findService(branch: BranchConfig, id: ServiceId): ServiceConfig | undefined {
  return branch.services.find((s) => s.id === id)
}

export function findCounter(branch: BranchConfig, id: CounterId): CounterConfig | undefined {
  return branch.counters.find((c) => c.id === id)
}

export function findPriorityClass(branch: BranchConfig, id: PriorityClassId): PriorityClassConfig | undefined {
  return branch.priorityClasses.find((p) => p.id === id)
}
