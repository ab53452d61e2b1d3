import { DEFAULT_RECALL_INTERVAL_SEC, tappableClasses, type BranchConfig } from '../../shared/domain/branch'
import type { CounterId, PriorityClassId } from '../../shared/domain/ids'
import { staffId } from '../../shared/domain/ids'
import { DEMO_OVER_STANDARD, demoTellerAt } from '../../shared/demo/demoDay'
import { sampleExponential, sampleLognormal, seededRng, type Rng } from '../../shared/sim/random'
import type { Command } from '../../shared/queue/commands'
import type { QueueHost } from '../queue/queueHost'
import type { Actor } from '../persistence/journalRecord'
import type { TicketDesk } from '../tickets/ticketDesk'

export interface DemoActivityOptions {
  /** Counters worked by simulated tellers (the others are left to people trying the demo). */
  readonly counters: readonly CounterId[]
  /** Mean seconds between customers walking in. */
  readonly arrivalEverySec: number
  readonly seed: number
}

/** A simulated customer's walk to the counter, uniform over [min, min + spread] seconds. */
const WALK = { min: 8, spread: 12 }
/** A simulated teller's pause before the next call, uniform over [min, min + spread] seconds. */
const NEXT_CALL = { min: 2, spread: 6 }
/** A simulated transaction takes its service's standard times this, on average (as in the demo's history). */
const OVER_STANDARD = DEMO_OVER_STANDARD
/** Counters before this index are left to people trying the demo; the rest get simulated tellers. */
const FIRST_SIMULATED = 2
/** How busy the simulated tellers are kept: a busy morning the counters keep up with. */
const DEMO_LOAD = 0.85

/**
 * Counters 3 and up get simulated tellers; customers come as fast as those tellers serve them at
 * `DEMO_LOAD` (a customer picks a service at random, so the mean of the standards). At a fixed
 * 25 s the demo branch was offered 2.4 times what its four simulated tellers could serve: the
 * queue grew all morning beside a simulated history where nobody waited.
 */
export function demoActivityOptions(branch: BranchConfig, clock: { now(): number }): DemoActivityOptions {
  const counters = branch.counters.slice(FIRST_SIMULATED).map((c) => c.id)
  const standard = branch.services.reduce((sum, s) => sum + s.standardSec, 0) / Math.max(1, branch.services.length)
  const perCustomerSec = WALK.min + WALK.spread / 2 + OVER_STANDARD * standard + NEXT_CALL.min + NEXT_CALL.spread / 2
  return {
    counters,
    arrivalEverySec: perCustomerSec / (DEMO_LOAD * Math.max(1, counters.length)),
    seed: clock.now() % 100_000,
  }
}

/** The journal's actor of the simulation's commands: how its counters are told from a person's. */
const SIMULATION = 'demo simulation'
const ACTOR: Actor = { kind: 'system', reason: SIMULATION }

/** How often a simulated teller off duty, or the door outside opening hours, looks at the clock again. */
const OFF_HOURS_CHECK_SEC = 60

/**
 * Life for the demo branch in real time: customers take tickets (some with a priority class),
 * simulated tellers at some counters call, wait for the customer to walk up, serve for about
 * their service's standard, and now and then meet a customer who left. All through the same
 * commands a real kiosk and counter send (tickets through the same desk as a kiosk's tap, so they
 * carry the estimate the menu showed), so every screen and the report show a believable morning.
 *
 * It keeps the branch's opening hours (`doorsOpen`): customers walk in only while the doors are
 * open, and the simulated tellers open their counters then, serve whoever is still waiting at
 * closing, and close their counters until the next opening. Nobody is served at 01:20. A
 * simulated teller works only a counter it opened itself: one a person signed in at, or opened
 * at any hour, is theirs.
 */
export class DemoActivity {
  private readonly rng: Rng
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private stopped = false
  /** The tickets waiting when the doors last shut (null while they are open): served before closing up. */
  private lobbyAtClosing: ReadonlySet<string> | null = new Set()

  constructor(
    private readonly host: QueueHost,
    private readonly desk: TicketDesk,
    private readonly branch: () => BranchConfig,
    private readonly options: DemoActivityOptions,
    /** Whether the branch's doors are open now (its calendar's opening hours). */
    private readonly doorsOpen: () => boolean = () => true,
  ) {
    this.rng = seededRng(options.seed)
  }

  async start(): Promise<void> {
    for (const [i, counterId] of this.options.counters.entries()) this.later(i * 3, () => this.work(counterId, i))
    this.later(1, () => this.arrive())
  }

  stop(): void {
    this.stopped = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private arrive(): void {
    if (!this.doorsOpen()) {
      this.later(OFF_HOURS_CHECK_SEC, () => this.arrive())
      return
    }
    const b = this.branch()
    const service = b.services[Math.floor(this.rng.next() * b.services.length)]
    if (service !== undefined) {
      const r = this.rng.next()
      // A walk-in asks for a class with a tap (appointments check in with their code instead).
      const tappable = tappableClasses(b)
      const priorityClassId: PriorityClassId | null =
        r < 0.12 ? (tappable[Math.floor((r / 0.12) * tappable.length)]?.id ?? null) : null
      const language = this.rng.next() < 0.85 ? 'zh-CN' : 'en'
      if (!this.stopped)
        // the issue may wait for the estimates: one landing after the demo stopped is no failure
        void this.desk
          .issue({ serviceId: service.id, priorityClassId, language, appointmentAt: null }, (c, o) =>
            this.host.submit(c, ACTOR, o),
          )
          .catch((e: unknown) => {
            if (!this.stopped) throw e
          })
    }
    this.later(sampleExponential(this.rng, this.options.arrivalEverySec), () => this.arrive())
  }

  private async work(counterId: CounterId, i: number): Promise<void> {
    const next = (seconds: number): void => this.later(seconds, () => this.work(counterId, i))
    const own = staffId(demoTellerAt(i + FIRST_SIMULATED))
    const counter = this.host.current.counters[counterId]
    const status = counter?.status ?? 'closed'
    const open = this.doorsOpen()
    this.noteLobbyAtClosing(open)
    if (status === 'closed') {
      // Off duty: back at the counter when the doors open.
      if (!open) return next(OFF_HOURS_CHECK_SEC)
      await this.run({ type: 'openCounter', counterId, staffId: own })
      return next(1)
    }
    // A person opened it (signed in here, or before the doors opened): theirs, never the
    // simulation's. Its tellers are the demo's staff (`demoTellerAt`), whom a person may sign in
    // as too, so the journal's actor says whose it is (and still does after a restart).
    const opener = this.host.openedBy(counterId)
    if (opener?.kind !== 'system' || opener.reason !== SIMULATION) return next(OFF_HOURS_CHECK_SEC)
    if (!open && !this.stillWaitingFromClosing()) {
      // After closing the teller serves only who was in the lobby when the doors shut, then
      // closes until the next opening: no call at 04:00 for a ticket someone took at night.
      if (status === 'idle') await this.run({ type: 'closeCounter', counterId })
      return next(status === 'idle' ? OFF_HOURS_CHECK_SEC : 5)
    }
    const called = await this.run({ type: 'callNext', counterId })
    if (called?.type !== 'ticketCalled') {
      // Nobody left this counter can serve after closing: closed until the next opening.
      if (!open && this.host.current.counters[counterId]?.status === 'idle')
        await this.run({ type: 'closeCounter', counterId })
      return next(5)
    }
    if (this.rng.next() < 0.05) {
      // The customer left: two recalls, then a no-show, each after the declared interval.
      const every = (this.branch().policy.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC) + 1
      this.later(every, () => void this.run({ type: 'recall', counterId }))
      this.later(2 * every, () => void this.run({ type: 'recall', counterId }))
      this.later(3 * every, async () => {
        await this.run({ type: 'markNoShow', counterId })
        next(3)
      })
      return
    }
    const ticket = this.host.current.open.find((t) => t.id === called.ticketId)
    const standard = this.branch().services.find((s) => s.id === ticket?.serviceId)?.standardSec ?? 60
    this.later(WALK.min + this.rng.next() * WALK.spread, async () => {
      await this.run({ type: 'startService', counterId })
      this.later(sampleLognormal(this.rng, standard * OVER_STANDARD, 0.5), async () => {
        await this.run({ type: 'completeService', counterId, completedServiceId: null })
        next(NEXT_CALL.min + this.rng.next() * NEXT_CALL.spread)
      })
    })
  }

  /** At the moment the doors shut, who is still waiting; forgotten when they open again. */
  private noteLobbyAtClosing(open: boolean): void {
    if (open) this.lobbyAtClosing = null
    else if (this.lobbyAtClosing === null)
      this.lobbyAtClosing = new Set(this.host.current.open.filter((t) => t.status === 'waiting').map((t) => t.id))
  }

  private stillWaitingFromClosing(): boolean {
    const at = this.lobbyAtClosing
    return at !== null && this.host.current.open.some((t) => t.status === 'waiting' && at.has(t.id))
  }

  private async run(command: Command) {
    if (this.stopped) return null
    const r = await this.host.submit(command, ACTOR)
    return r.ok ? r.value.event : null
  }

  private later(seconds: number, f: () => void | Promise<void>): void {
    if (this.stopped) return
    const t = setTimeout(() => {
      this.timers.delete(t)
      if (!this.stopped) void f()
    }, seconds * 1000)
    this.timers.add(t)
  }
}
