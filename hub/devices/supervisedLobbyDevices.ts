import type {
  DeviceLog,
  DeviceStatus,
  DeviceSupervisor,
  DeviceWarningEvent,
  KeypadInput,
  RatingInput,
} from '../../hardware/index'
import type { DeviceStatusView } from '../../shared/api/live'
import type { PrintOutcome } from '../../shared/api/views'
import type { BranchConfig } from '../../shared/domain/branch'
import type { Command } from '../../shared/queue/commands'
import type { QueueEvent } from '../../shared/queue/events'
import type { QueueState } from '../../shared/queue/state'
import type { Ticket } from '../../shared/queue/ticket'
import { LANGUAGES } from '../../shared/domain/text'
import { say } from '../../shared/i18n/catalogue'
import type { LobbyDevices } from './lobbyDevices'
import type { TicketFacts } from '../tickets/ticketFacts'
import type { Clock } from '../clock'
import type { QueueHost } from '../queue/queueHost'
import { ticketLayoutFor } from './ticketLayoutFor'
import type { Warn, WarningFacts } from '../log/hubWarning'

export interface SupervisedLobbyDevicesOptions {
  readonly supervisor: DeviceSupervisor
  readonly host: QueueHost
  readonly branch: () => BranchConfig
  readonly clock: Clock
  readonly utcOffsetMinutes: () => number
  readonly log: (level: 'info', message: string) => void
  /** A warning the manager's screen lists, with the facts (a device's id, its state as codes) it words. */
  readonly warn: Warn
}

/** A rating counts for the ticket served at that counter within this long. */
const RATING_WINDOW_MS = 5 * 60_000
/** Lobby strips show this many of the latest calls. */
const LOBBY_CALLS = 6

/**
 * The queue as the lobby's devices show it, and the devices' keys as queue commands. The queue
 * is the source of truth: displays are told the current state after every event (a display that
 * was unplugged shows it when it comes back), and a device failure never touches a queue event.
 */
export class SupervisedLobbyDevices implements LobbyDevices {
  private readonly listeners = new Set<(s: readonly DeviceStatusView[]) => void>()
  private readonly stops: (() => void)[] = []

  constructor(private readonly o: SupervisedLobbyDevicesOptions) {
    this.stops.push(
      o.host.subscribe((e, state) => this.follow(e, state)),
      o.supervisor.on('status', () => {
        const all = this.statuses()
        for (const l of this.listeners) l(all)
      }),
      o.supervisor.on('keypad', (k) => void this.key(k)),
      o.supervisor.on('rating', (r) => void this.rating(r)),
      o.supervisor.on('log', (l) => {
        const message = `device ${l.deviceId ?? '-'}: ${l.message}`
        const event = l.event ?? 'devices.listenerFailed'
        if (l.level === 'info') o.log('info', message)
        else if (l.level === 'warn') o.warn('warn', event, deviceFacts(l), message)
        else if (l.level === 'error') o.warn('error', event, deviceFacts(l), message)
      }),
    )
    this.redrawAll(o.host.current)
  }

  async printTicket(facts: TicketFacts): Promise<PrintOutcome> {
    if (!this.o.supervisor.statuses().some((d) => d.role === 'ticketPrinter')) return { kind: 'noPrinter' }
    const layout = ticketLayoutFor(facts, this.o.branch(), this.o.utcOffsetMinutes())
    const r = await this.o.supervisor.printTicket('ticketPrinter', layout)
    if (r.ok) return { kind: 'printed' }
    this.o.warn(
      'warn',
      'printing.failed',
      { ticket: facts.ticket.number, problem: r.problem.code },
      `ticket ${facts.ticket.number} not printed: ${r.problem.code} (${r.problem.detail})`,
    )
    return { kind: 'failed', problem: r.problem.code, detail: r.problem.detail }
  }

  async test(deviceId: string): Promise<{ ok: boolean; detail: string } | null> {
    // Every configured device has a status, a switched-off one too (its test says so).
    if (!this.o.supervisor.statuses().some((d) => d.deviceId === deviceId)) return null
    const r = await this.o.supervisor.test(deviceId)
    return r.ok ? { ok: true, detail: r.detail } : { ok: false, detail: r.problem.detail }
  }

  statuses(): readonly DeviceStatusView[] {
    return this.o.supervisor.statuses().map(view)
  }

  onChange(listener: (s: readonly DeviceStatusView[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close(): void {
    for (const s of this.stops) s()
    this.listeners.clear()
  }

  private follow(e: QueueEvent, state: QueueState): void {
    const counterId = 'counterId' in e ? e.counterId : null
    if (e.type === 'serviceCompleted') {
      const n = this.numberOf(e.counterId)
      if (n !== null) this.o.supervisor.inviteRating(n)
    }
    if (counterId !== null) this.redrawCounter(state, counterId)
    if (e.type === 'ticketCalled' || e.type === 'ticketRecalled')
      this.o.supervisor.showLobby(latestCalls(state, this.o.branch()))
    if (e.type === 'dayOpened' || e.type === 'dayClosed') this.redrawAll(state)
  }

  private redrawAll(state: QueueState): void {
    for (const c of this.o.branch().counters) this.redrawCounter(state, c.id)
    this.o.supervisor.showLobby(latestCalls(state, this.o.branch()))
  }

  /**
   * A counter's displays show the number called there until the next one, "paused" while the
   * teller steps away, "closed" while no one works it (a customer reads the two differently:
   * one will reopen soon, the other not).
   */
  private redrawCounter(state: QueueState, counterId: string): void {
    const counter = this.o.branch().counters.find((c) => c.id === counterId)
    if (counter === undefined) return
    const live = state.counters[counterId]
    if (live === undefined || live.status === 'closed') return this.o.supervisor.showClosed(counter.number)
    if (live.status === 'paused') return this.o.supervisor.showPaused(counter.number)
    const last = latestCall(state, counterId)
    this.o.supervisor.showCounter(
      counter.number,
      last === undefined
        ? { kind: 'blank' }
        : { kind: 'call', number: last.number, counter: counter.number, caption: callCaption(last, counter.number) },
    )
  }

  private numberOf(counterId: string): number | null {
    return this.o.branch().counters.find((c) => c.id === counterId)?.number ?? null
  }

  /** A caller keypad (呼叫器) works the counter it belongs to, like the counter screen's keys. */
  private async key(k: KeypadInput): Promise<void> {
    const counter = this.o.branch().counters.find((c) => c.number === k.counterNumber)
    if (counter === undefined)
      return this.o.warn(
        'warn',
        'keypad.noCounter',
        { deviceId: k.deviceId, counter: k.counterNumber },
        `keypad ${k.deviceId}: no counter ${k.counterNumber}`,
      )
    const live = this.o.host.current.counters[counter.id]
    const counterId = counter.id
    let command: Command | null
    switch (k.action) {
      case 'callNext':
        command = { type: 'callNext', counterId }
        break
      case 'recall':
        command = { type: 'recall', counterId }
        break
      case 'start':
        command = { type: 'startService', counterId }
        break
      case 'finish':
        command = { type: 'completeService', counterId, completedServiceId: null }
        break
      case 'noShow':
        command = { type: 'markNoShow', counterId }
        break
      case 'pause':
        command =
          live?.status === 'paused'
            ? { type: 'resumeCounter', counterId }
            : { type: 'pauseCounter', counterId, reason: { code: 'other', note: 'keypad' } }
        break
      case 'transfer': {
        // The digits name the counter to send the customer to.
        const to = this.o.branch().counters.find((c) => String(c.number) === k.digits)
        const ticketId = live?.ticketId ?? null
        command =
          to === undefined || ticketId === null
            ? null
            : { type: 'transfer', ticketId, toServiceId: null, toCounterId: to.id }
        break
      }
    }
    if (command === null)
      return this.o.warn(
        'warn',
        'keypad.transferNeedsCounter',
        { deviceId: k.deviceId, digits: k.digits ?? '' },
        `keypad ${k.deviceId}: transfer needs a counter number (got ${k.digits ?? 'none'})`,
      )
    const r = await this.o.host.submit(command, { kind: 'device', deviceId: k.deviceId })
    if (!r.ok) this.o.log('info', `keypad ${k.deviceId} ${k.action}: ${r.error.message}`)
  }

  /** An evaluation pad (评价器) rates the ticket just served at its counter. */
  private async rating(r: RatingInput): Promise<void> {
    const counter = this.o.branch().counters.find((c) => c.number === r.counterNumber)
    const now = this.o.clock.now()
    const served = [...this.o.host.current.done]
      .reverse()
      .find(
        (t) =>
          t.outcome === 'served' &&
          t.rating === null &&
          t.visits.at(-1)?.counterId === counter?.id &&
          now - (t.endedAt ?? 0) <= RATING_WINDOW_MS,
      )
    if (served === undefined)
      return this.o.log('info', `rating pad ${r.deviceId}: no recently served ticket at counter ${r.counterNumber}`)
    const result = await this.o.host.submit(
      { type: 'rate', ticketId: served.id, score: r.score },
      { kind: 'device', deviceId: r.deviceId },
    )
    if (!result.ok) this.o.log('info', `rating pad ${r.deviceId}: ${result.error.message}`)
  }
}

function view(d: DeviceStatus): DeviceStatusView {
  return {
    id: d.deviceId,
    role: d.role,
    label: d.name,
    state: d.state,
    problem: d.problem?.code ?? null,
    detail: d.problem?.detail ?? null,
    paper: d.printer?.paper ?? null,
    since: d.since,
  }
}

/** The ticket called last at a counter today. */
function latestCall(state: QueueState, counterId: string): Ticket | undefined {
  let last: Ticket | undefined
  for (const t of [...state.open, ...state.done]) {
    const v = t.visits.at(-1)
    if (v?.counterId === counterId && (last === undefined || v.lastCalledAt > (last.visits.at(-1)?.lastCalledAt ?? 0)))
      last = t
  }
  return last
}

/**
 * A call's second line on a two-line display, "请到 3 号窗口" / "Counter 3": in the called
 * customer's language first, then the other, for a display whose font lacks the first.
 */
function callCaption(ticket: Ticket, counterNumber: number): readonly string[] {
  const languages = [ticket.language, ...LANGUAGES.filter((l) => l !== ticket.language)]
  return languages.map((l) => say(l, { key: 'call.caption', params: { counter: counterNumber } }))
}

/** The latest calls of the day, newest first, one per ticket. */
export function latestCalls(state: QueueState, branch: BranchConfig): { number: string; counter: number }[] {
  const calls: { number: string; counter: number; at: number }[] = []
  for (const t of [...state.open, ...state.done]) {
    const v = t.visits.at(-1)
    const counter = branch.counters.find((c) => c.id === v?.counterId)
    if (v !== undefined && counter !== undefined)
      calls.push({ number: t.number, counter: counter.number, at: v.lastCalledAt })
  }
  return calls
    .sort((a, b) => b.at - a.at)
    .slice(0, LOBBY_CALLS)
    .map(({ number, counter }) => ({ number, counter }))
}

/**
 * The facts of a device's warning: its id, and for a change of state the state and problem as
 * codes (the device list's words). Every device event of `HUB_WARNINGS` needs no more than these.
 */
function deviceFacts(l: DeviceLog): WarningFacts<DeviceWarningEvent> {
  const status = l.status === undefined ? {} : { state: l.status.state, problem: l.status.problem ?? 'none' }
  // the supervisor logs every change of state (`device`) with its status
  return { deviceId: l.deviceId ?? '-', ...status } as WarningFacts<DeviceWarningEvent>
}
