import type { EstimatesView, ShownWait } from '../../shared/api/views'
import { delaysForTicket } from '../../shared/delays/delaysForTicket'
import type { Clock } from '../clock'
import type { Quote, WaitEstimator } from './estimator'
import type { WouldBe } from '../../shared/estimate/pointExperts'
import type { ShownSince } from '../../shared/estimate/displayWait'
import type { QueueHost } from '../queue/queueHost'
import type { ShownKeeper } from './shownFile'
import { givesNewcomersAFigure, lengthensNewcomersWait } from '../../shared/estimate/lengthensNewcomersWait'
import type { ClosingWarning } from '../../shared/estimate/servedBeforeClose'
import type { Ticket } from '../../shared/queue/ticket'
import { closingAtIssue, closingWarnings, type ClosingSources } from './closingWarnings'
import { newcomerWait } from '../../shared/estimate/newcomerWait'
import { doorsOpenAt } from '../../shared/demo/demoHours'
import { callHold, type CallHold } from '../../shared/estimate/callHold'
import { plannedHours } from '../../shared/estimate/plannedHours'
import type { QueueState } from '../../shared/queue/state'
import type { UsualPattern } from '../../shared/delays/usualPattern'
import type { BranchConfig } from '../../shared/domain/branch'
import type { CounterPlan } from '../../shared/estimate/counterAvailability'

/**
 * Keeps the estimates of the live queue fresh without computing them once per event in a
 * burst: events mark them stale, and they are recomputed at most every 250 ms, after the
 * commands of that moment have been acknowledged (terminals do not need more, and a busy
 * lobby must not spend its CPU re-estimating every tap). Also keeps what each ticket was
 * shown, so every screen and the status page show the same range, held steady by the rule in
 * `shared/estimate/displayWait` (it never grows unexplained).
 */
const MIN_INTERVAL_MS = 250
/** How long a ticket being issued waits for estimates that include the taps before it. */
const NEWCOMER_WAIT_MS = 1000
/** The latest estimates serve a newcomer while they miss at most one event in this many waiting. */
const NEWCOMER_TOLERANCE = 10

export class LiveEstimates {
  private latest: EstimatesView | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private lastRun = 0
  private inFlight: Promise<EstimatesView> | null = null
  /** The estimation that follows the one in flight, not begun yet: everyone who asked meanwhile waits for it. */
  private following: Promise<EstimatesView> | null = null
  /**
   * Events so far that may have lengthened a newcomer's wait (`lengthensNewcomersWait`), and how
   * many of them the latest estimates include (counted when the estimation began): while the
   * two differ the kiosk's estimates are too low.
   */
  private lengthening = 0
  private latestCovers = -1
  /**
   * The same for the events that can give a newcomer a figure where the latest estimates have
   * none (`givesNewcomersAFigure`: a counter opened).
   */
  private enabling = 0
  private latestCoversEnabling = -1
  /**
   * A newcomer gave up waiting for this estimation (the limit passed): the taps after it are
   * given the latest at once until it settles, rather than each waiting out the limit again.
   */
  private overdue: Promise<EstimatesView> | null = null
  /** How long the last estimation took (ms), for the benchmark. */
  lastCostMs = 0
  private shownBefore = new Map<string, ShownSince>()
  /** Whether the doors were open when `doorsTurned` last looked (null before it first did). */
  private doorsWereOpen: boolean | null = null
  private readonly listeners = new Set<(e: EstimatesView) => void>()
  private readonly unsubscribe: () => void

  constructor(
    private readonly host: QueueHost,
    private readonly estimator: WaitEstimator,
    private readonly clock: Clock,
    /**
     * The roster and the calendar: the explanations a ticket's wait has, and its closing warning;
     * `usual`, the branch's usual day, places counters without planned hours (`plannedHours`) for
     * when a held ticket's service opens.
     */
    private readonly config: ClosingSources & { readonly usual?: () => UsualPattern | null },
    /** A failed estimation is logged; the last good estimates stay shown. */
    private readonly onError: (e: unknown) => void = () => undefined,
    /** Keeps what each ticket was shown across a restart (`shownFile`); none in some tests. */
    private readonly keeper: ShownKeeper | null = null,
  ) {
    // A hub started during the day feeds today's events so far to the estimator first, as it did
    // live: the tickets already waiting are in their lines, today's waits calibrate the range.
    // (What the predictors said at issue is journaled with each ticket for the combined mean;
    // tickets of a journal from before that teach it nothing.)
    // A hub started after today's close feeds it nothing: the closed day is already history, in
    // what the recent days teach (the hub learns them for the day ahead). Fed again, its waits
    // counted twice in the range's calibration, unlike a hub that saw the close live (it starts
    // its learner over from that history) or one started the next morning.
    const closedToday = host.current.day === null
    for (const event of closedToday ? [] : host.todaysEvents()) {
      try {
        this.estimator.observe?.(event)
      } catch (e) {
        // as live (the host isolates a failing listener): one bad event must not stop the hub
        this.onError(e)
      }
    }
    // What each ticket still waiting was last shown before the restart, and since when: the
    // first estimates after it are held to that as if the hub had never stopped. (Not the range
    // at issue from the journal: after an explained rise that would cut it back, unexplained.)
    // A ticket issued after the file was last written (a power cut took its last seconds) is
    // held to what it was shown at issue, as live: it is seconds old, and only an explained
    // rise in those seconds would be cut back.
    const keptAt = keeper?.restoredAt ?? null
    for (const t of host.current.open) {
      if (t.status !== 'waiting') continue
      const kept = keeper?.restored.get(t.id)
      if (kept !== undefined) this.shownBefore.set(t.id, kept)
      else if (keptAt !== null && t.issuedAt >= keptAt && t.estimate !== null)
        this.shownBefore.set(t.id, { shown: estimator.shown(t.estimate, null, t.issuedAt, true), since: t.issuedAt })
    }
    this.unsubscribe = host.subscribe((event) => {
      this.estimator.observe?.(event)
      if (lengthensNewcomersWait(event)) this.lengthening++
      if (givesNewcomersAFigure(event)) this.enabling++
      // A new ticket is shown what the estimate made at issue says, at once (receipt, ticket
      // printer), and held to it afterwards like every other ticket.
      if (event.type === 'ticketIssued' && event.estimate !== null) {
        const shown = this.estimator.shown(event.estimate, null, event.at, true)
        this.shownBefore.set(event.ticketId, { shown, since: event.at })
        this.kept()
      }
      this.schedule()
    })
  }

  /** The latest estimates (at most 250 ms plus one estimation behind the queue). */
  current(): EstimatesView | null {
    return this.latest
  }

  /**
   * The estimates a customer taking a ticket now may be given: the latest, or, when an event
   * since it began may have lengthened a newcomer's wait (a tap a moment ago, a counter
   * closed), a fresh one — a burst of taps would otherwise all be told the wait before the
   * first, and held to it. A failed estimation is logged and the latest kept.
   */
  async forNewcomer(): Promise<EstimatesView | null> {
    if (this.overdue !== null || this.closeEnough()) return this.latest
    return this.freshForNewcomer()
  }

  /**
   * For a newcomer the latest estimates give no figure: fresh ones when a counter has opened
   * since they began (`givesNewcomersAFigure`), or when they said the lobby was shut (a tap let
   * through means the doors have opened since, between two minute ticks), which may give one;
   * else the latest.
   */
  async forNewcomerWithoutFigure(): Promise<EstimatesView | null> {
    const shut = this.latest !== null && this.latest.shown.newcomers.kind !== 'estimated'
    if (this.overdue !== null || (this.enabling === this.latestCoversEnabling && !shut)) return this.latest
    return this.freshForNewcomer()
  }

  private async freshForNewcomer(): Promise<EstimatesView | null> {
    // A tap never waits long for the estimator: past the limit it is given the latest.
    const fresh = this.recompute()
    try {
      const first = await beforeNewcomerLimit(fresh)
      if (first === null) {
        this.onError(new Error(`no estimate within ${NEWCOMER_WAIT_MS} ms for a ticket being issued`))
        const overdue = fresh.finally(() => {
          if (this.overdue === overdue) this.overdue = null
        })
        this.overdue = overdue
        overdue.catch(() => undefined)
      }
      return first ?? this.latest
    } catch (e) {
      this.onError(e)
      return this.latest
    }
  }

  /**
   * Estimates begun after a ticket was put back in the queue (a re-join), so they include its own range and
   * the kiosk tells the customer a wait at once instead of "estimate unavailable" until the next
   * estimation. Like a tap, it never waits past `NEWCOMER_WAIT_MS` (then the latest are answered);
   * a failed estimation is logged and the latest kept.
   */
  async forReturning(): Promise<EstimatesView | null> {
    // Always a fresh one: the latest may be from before the ticket was called, and re-joins are rare.
    try {
      return (await beforeNewcomerLimit(this.recompute())) ?? this.latest
    } catch (e) {
      this.onError(e)
      return this.latest
    }
  }

  /**
   * Whether the latest estimates are as good as fresh for a newcomer: they include every event
   * that may lengthen its wait, or miss so few against the line already waiting (a tenth) that
   * the range says as much — a busy lobby's steady taps do not each wait for an estimation of
   * hundreds, while a burst into a short line (thirty taps at once) does.
   */
  private closeEnough(): boolean {
    const missed = this.lengthening - this.latestCovers
    if (missed <= 0) return true
    if (this.latest === null) return false
    let waiting = 0
    for (const t of this.host.current.open) if (t.status === 'waiting') waiting++
    return missed * NEWCOMER_TOLERANCE <= waiting
  }

  /**
   * Estimate again now (a timer calls this too, since estimates age while nothing happens).
   * Resolves with an estimation begun after this call, so it includes every event recorded
   * before it: a caller who records an event and then asks is never handed one begun before.
   * One estimation at a time: asked while one is in flight, it runs once more when that one is
   * done, and everyone who asked meanwhile waits for that one (a burst of asks costs one more).
   */
  recompute(): Promise<EstimatesView> {
    if (this.following !== null) return this.following
    const running = this.inFlight
    if (running === null) return this.begin()
    const follow = (): Promise<EstimatesView> => {
      this.following = null
      return this.begin()
    }
    this.following = running.then(follow, follow)
    return this.following
  }

  private begin(): Promise<EstimatesView> {
    const run = this.estimate().finally(() => {
      this.inFlight = null
    })
    this.inFlight = run
    return run
  }

  private async estimate(): Promise<EstimatesView> {
    const asked = this.host.current
    // every event so far is in this estimation (one recorded while it runs is not)
    const covers = this.lengthening
    const coversEnabling = this.enabling
    const started = performance.now()
    const made = await this.estimator.all(asked, this.clock.now())
    this.lastCostMs = performance.now() - started
    // The queue may have moved while the estimate was made: tickets called meanwhile are not
    // shown one, and new ones keep what they were shown at issue until the next estimate.
    const state = this.host.current
    const now = this.clock.now()
    // A ticket taken now has a wait only when it would be issued now (`newcomerWait`): while the
    // lobby is shut, no would-be ticket's figure is served, shown or warned about.
    const newcomers = newcomerWait(state, this.config.calendar(), now, this.config.utcOffsetMinutes())
    const raw = newcomers.kind === 'estimated' ? made : { ...made, newTicket: {} }
    const branch = this.config.branch()
    const shownTickets: Record<string, ShownWait> = {}
    const next = new Map<string, ShownSince>()
    // Whether what is kept changed: an entry not the one it was (the same tickets otherwise).
    let changed = false
    const plans = plannedHours(branch, this.config.usual?.() ?? null, now, this.config.utcOffsetMinutes())
    for (const t of state.open) {
      if (t.status !== 'waiting') continue
      const before = this.shownBefore.get(t.id) ?? null
      const estimate = raw.tickets[t.id]
      if (estimate === undefined) {
        if (before !== null) next.set(t.id, before)
        continue
      }
      // A ticket nobody can call now (`callHold`) is shown why beside its wait, so the wait may
      // rise at once to what the estimate says: the reason is the explanation rule 4 asks for.
      const held = callHold(state, branch, t, plans, now, this.config.utcOffsetMinutes()) !== null
      const explained = held || delaysForTicket(state, branch, t).length > 0
      const shown = this.estimator.shown(estimate, before, now, explained)
      shownTickets[t.id] = shown
      // "Since" moves only when what is shown changes: a slow rise is measured from then.
      const entry = before !== null && sameShown(before.shown, shown) ? before : { shown, since: now }
      if (entry !== before) changed = true
      next.set(t.id, entry)
    }
    if (next.size !== this.shownBefore.size) changed = true
    this.shownBefore = next
    if (changed) this.kept()
    this.lastRun = performance.now()
    const shownNew = Object.fromEntries(
      Object.entries(raw.newTicket).map(([service, byClass]) => [
        service,
        Object.fromEntries(Object.entries(byClass).map(([cls, e]) => [cls, this.estimator.shown(e, null, now, true)])),
      ]),
    )
    const closing = closingWarnings(raw, state, this.config, now)
    const holds = newcomerHolds(state, branch, plans, now, this.config.utcOffsetMinutes())
    const latest: EstimatesView = {
      seq: asked.lastSeq,
      ...raw,
      shown: { newcomers, tickets: shownTickets, newTicket: shownNew, holds, closing },
    }
    this.latest = latest
    this.latestCovers = covers
    this.latestCoversEnabling = coversEnabling
    for (const l of this.listeners) l(latest)
    return latest
  }

  /**
   * Estimates again when the branch's doors have opened or shut since it last looked: what a
   * newcomer is told turns then with no event ("Opens at 09:00" becomes a wait, a wait becomes
   * "Closed today"), and the minute tick would leave the old words up for as long as 30 s. Cheap
   * (the calendar only), so the hub calls it every second, on its own clock's time.
   */
  doorsTurned(): void {
    const open = doorsOpenAt(this.config.calendar(), this.clock.now(), this.config.utcOffsetMinutes())
    const turned = this.doorsWereOpen !== null && open !== this.doorsWereOpen
    this.doorsWereOpen = open
    if (turned) void this.recompute().catch((e: unknown) => this.onError(e))
  }

  /**
   * The estimate of a booked customer's ticket about to be issued, made now for it alone
   * (`WaitEstimator.quote`): null when the estimator cannot. A failed estimation is logged, and
   * the ticket is issued without an estimate (the next estimation gives it one) rather than with
   * a walk-in's; so is one that takes longer than a tap may wait (`NEWCOMER_WAIT_MS`): the
   * check-in and every tap behind it are not held by a slow estimator.
   */
  async quote(ticket: WouldBe): Promise<Quote | null> {
    if (this.estimator.quote === undefined) return null
    try {
      const quoted = await beforeNewcomerLimit(this.estimator.quote(this.host.current, this.clock.now(), ticket))
      if (quoted !== null) return quoted
      this.onError(new Error(`no estimate within ${NEWCOMER_WAIT_MS} ms for a booked customer checking in`))
      return { estimate: null, said: null }
    } catch (e) {
      this.onError(e)
      return { estimate: null, said: null }
    }
  }

  /**
   * Why nobody can call a waiting ticket now (`callHold`, by the counters' planned hours), or
   * null when a counter can: the status page says it instead of "soon", and the wait it is
   * shown may rise at once with it.
   */
  holdFor(state: Pick<QueueState, 'counters'>, ticket: Ticket): CallHold | null {
    const now = this.clock.now()
    const offset = this.config.utcOffsetMinutes()
    const branch = this.config.branch()
    const plans = plannedHours(branch, this.config.usual?.() ?? null, now, offset)
    return callHold(state, branch, ticket, plans, now, offset)
  }

  /** The shown range of one ticket, for the receipt and the status page. */
  shownFor(ticketId: string): ShownWait | null {
    return this.shownBefore.get(ticketId)?.shown ?? this.latest?.shown.tickets[ticketId] ?? null
  }

  /**
   * One waiting ticket's closing warning (null: its wait ends in time): by the latest estimates
   * once they include it, until then by the figure it was given at issue (`closingAtIssue`).
   */
  closingFor(ticket: Ticket): ClosingWarning | null {
    if (this.includes(ticket.id) !== true) return closingAtIssue(ticket, this.config)
    return this.latest?.shown.closing.tickets[ticket.id] ?? null
  }

  /**
   * Whether the latest estimates give a waiting ticket a wait: null before the first; false for
   * a ticket issued since they were made, or one that no open or planned counter may call.
   */
  includes(ticketId: string): boolean | null {
    return this.latest === null ? null : this.latest.tickets[ticketId] !== undefined
  }

  onChange(listener: (e: EstimatesView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    this.unsubscribe()
    this.listeners.clear()
    if (this.timer !== null) clearTimeout(this.timer)
  }

  /** Tells the keeper what is shown now (it writes at most every few seconds). */
  private kept(): void {
    const day = this.host.current.day
    if (day !== null) this.keeper?.changed(day, this.shownBefore, this.clock.now())
  }

  private schedule(): void {
    if (this.timer !== null) return
    const wait = Math.max(0, this.lastRun + MIN_INTERVAL_MS - performance.now())
    this.timer = setTimeout(() => {
      this.timer = null
      void this.recompute().catch((e: unknown) => this.onError(e))
    }, wait)
  }
}

function sameShown(a: ShownWait, b: ShownWait): boolean {
  return (
    a.kind === b.kind && (a.kind === 'soon' || (b.kind === 'range' && a.lowMin === b.lowMin && a.highMin === b.highMin))
  )
}

/** What `p` resolves to, or null once a customer taking a ticket has waited `NEWCOMER_WAIT_MS` for it. */
async function beforeNewcomerLimit<T>(p: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), NEWCOMER_WAIT_MS)))
  try {
    return await Promise.race([p, late])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Per service, why no counter could call a ticket taken now (`callHold`, the decision behind the
 * paper's and the status page's words): the kiosk's buttons say it where they would say "soon".
 */
function newcomerHolds(
  state: QueueState,
  branch: BranchConfig,
  plans: readonly CounterPlan[],
  now: number,
  utcOffsetMinutes: number,
): Record<string, CallHold> {
  const holds: Record<string, CallHold> = {}
  for (const s of branch.services) {
    const hold = callHold(state, branch, { serviceId: s.id, targetCounterId: null }, plans, now, utcOffsetMinutes)
    if (hold !== null) holds[s.id] = hold
  }
  return holds
}
