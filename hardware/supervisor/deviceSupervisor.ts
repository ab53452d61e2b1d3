import type { Language } from '../../shared/domain/text'
import type { DeviceConfig } from '../config/deviceSchema'
import { connectionKey, describeConnection, type ResolvedDevice } from '../config/resolvedDevice'
import { resolveDevice } from '../config/resolveDevice'
import type { CounterContent, DisplayView, LobbyCall } from '../display/displayContent'
import { renderCounter, renderLobby } from '../display/renderView'
import { CardReaderInput } from '../drivers/cardReaderInput'
import { problemOf, type DeviceProblem } from '../drivers/deviceProblem'
import type { PrintResult } from '../drivers/printerDriver'
import { testTicketLayout } from '../escpos/testTicket'
import type { TicketLayout } from '../escpos/ticketLayout'
import { encodeFrame, payloadBytes } from '../framed/encodeFrame'
import { computeStatus, placeholderStatus, stateChanged, statusChanged, type Bus, type Entry } from './deviceEntry'
import {
  Emitter,
  type DeviceLog,
  type DeviceStatus,
  type DeviceWarningEvent,
  type SupervisorEvents,
} from './supervisorEvents'
import { createBus, createDrivers, type SupervisorOptions, type WiringHooks } from './wireDevices'
import { errorText } from '../../shared/util/errorText'

export type { SupervisorOptions } from './wireDevices'

export type DeviceTestResult =
  | { readonly ok: true; readonly deviceId: string; readonly detail: string; readonly print?: PrintResult }
  | { readonly ok: false; readonly deviceId: string; readonly problem: DeviceProblem; readonly print?: PrintResult }

const COUNTER_ROLES = new Set(['counterDisplay', 'customerDisplay', 'callerKeypad'])

/**
 * Runs a branch's devices. The hub calls it with what to show and print, in queue terms it
 * already resolved to text; the supervisor knows which device plays which role, speaks each
 * one's protocol, reconnects what drops, and reports every device's state. Nothing it does
 * blocks or throws into the hub: display calls return at once, `printTicket` always resolves
 * (with a failure the kiosk can act on), and every port has its own queue, so a dead device
 * delays nothing but itself.
 */
export class DeviceSupervisor {
  private readonly entries = new Map<string, Entry>()
  private readonly buses: Bus[] = []
  private readonly emitter: Emitter<SupervisorEvents>
  private readonly now: () => number
  private readonly flashMs: number
  private closed = false

  constructor(configs: readonly DeviceConfig[], options: SupervisorOptions = {}) {
    this.now = options.now ?? Date.now
    this.flashMs = options.flashMs ?? 3000
    this.emitter = new Emitter((event, e) => {
      if (event !== 'log')
        this.log('error', null, `a '${String(event)}' listener threw: ${errorText(e)}`, 'devices.listenerFailed')
    })
    const hooks: WiringHooks = {
      log: (level: DeviceLog['level'], deviceId: string | null, message: string, event?: DeviceWarningEvent) =>
        this.log(level, deviceId, message, event),
      keypad: (input) => this.emitter.emit('keypad', input),
      rating: (input) => this.emitter.emit('rating', input),
      card: (read) => this.emitter.emit('card', read),
      deviceProblem: (deviceId, problem) => {
        const entry = this.entries.get(deviceId)
        if (entry === undefined || (entry.problem === null && problem === null)) return
        entry.problem = problem
        this.refresh(entry)
      },
      linkChanged: (bus) => this.onLinkChanged(bus),
      linkConnected: (bus) => this.onLinkConnected(bus),
      ack: (device) => {
        const p = device.protocol
        if (p.dialect === 'framed') void this.sendFrame(device, p.framing.commands.ack, 'ack')
      },
      problem: (entry, problem) => {
        entry.problem = problem
        this.refresh(entry)
      },
      printerStatus: (entry, status) => {
        entry.printerStatus = status
        this.refresh(entry)
      },
      now: this.now,
    }
    const devices = configs.map((c) => ({ config: c, device: resolveDevice(c) }))
    const groups = new Map<string, ResolvedDevice[]>()
    for (const { config, device } of devices) {
      if (config.enabled === false) continue
      const key = connectionKey(device.connection, device.id)
      groups.set(key, [...(groups.get(key) ?? []), device])
    }
    const busOf = new Map<string, Bus>()
    for (const group of groups.values()) {
      const bus = createBus(group, options, hooks)
      this.buses.push(bus)
      for (const d of group) busOf.set(d.id, bus)
    }
    for (const { config, device } of devices) {
      const bus = busOf.get(device.id) ?? null
      const problem: DeviceProblem | null =
        config.enabled === false ? { code: 'disabled', detail: 'switched off in the configuration' } : null
      const entry: Entry = {
        device,
        bus,
        printer: null,
        display: null,
        problem,
        printerStatus: null,
        status: placeholderStatus(device),
      }
      this.entries.set(device.id, entry)
      if (bus !== null) createDrivers(entry, bus, options, hooks)
      entry.status = computeStatus(entry, this.now())
    }
    for (const bus of this.buses) bus.link.start()
  }

  /** Listens to an event; returns the function that stops listening. */
  on<K extends keyof SupervisorEvents>(event: K, listener: (value: SupervisorEvents[K]) => void): () => void {
    return this.emitter.on(event, listener)
  }

  /**
   * Prints a ticket on a printer named by id, or by role (`'ticketPrinter'`: the first printer
   * that is working, else the first one). Always resolves; on failure the kiosk shows the
   * ticket on screen instead.
   */
  async printTicket(target: string, layout: TicketLayout): Promise<PrintResult> {
    const entry = this.findPrinter(target)
    if (entry?.printer == null) {
      return {
        ok: false,
        deviceId: null,
        problem: { code: 'disabled', detail: `no ticket printer '${target}' is configured and enabled` },
        sent: false,
        status: null,
      }
    }
    return entry.printer.print(layout)
  }

  /** Shows a call, a pause or a text on every display of a counter (board, customer display, keypad digits). */
  showCounter(counterNumber: number, content: CounterContent): void {
    for (const e of this.entries.values()) {
      if (e.display === null || e.device.counterNumber !== counterNumber || !COUNTER_ROLES.has(e.device.role)) continue
      e.display.set(renderCounter(content, counterNumber, e.device.display))
    }
  }

  /** "暂停服务" (or the display's own paused text, or `text`) on a counter's displays. */
  showPaused(counterNumber: number, text?: string): void {
    this.showCounter(counterNumber, text === undefined ? { kind: 'paused' } : { kind: 'paused', text })
  }

  /** "未开放" (or the display's own closed text, or `text`) on a counter's displays. */
  showClosed(counterNumber: number, text?: string): void {
    this.showCounter(counterNumber, text === undefined ? { kind: 'closed' } : { kind: 'closed', text })
  }

  /** The latest calls, newest first, on every lobby display. */
  showLobby(calls: readonly LobbyCall[]): void {
    for (const e of this.entries.values()) {
      if (e.display !== null && e.device.role === 'lobbyDisplay') e.display.set(renderLobby(calls, e.device.display))
    }
  }

  /** Lights the "please rate" prompt of a counter's rating pad, if it has one. */
  inviteRating(counterNumber: number): void {
    for (const e of this.entries.values()) {
      if (e.device.role === 'ratingPad' && e.device.counterNumber === counterNumber) void this.sendInvite(e)
    }
  }

  statuses(): DeviceStatus[] {
    return [...this.entries.values()].map((e) => e.status)
  }

  /**
   * The manager's test button: a printer prints a test ticket; a display flashes a test
   * pattern for a few seconds and returns to what it showed; a pad is asked to light its
   * prompt. The result says whether the device took it.
   */
  async test(deviceId: string, options: { readonly language?: Language } = {}): Promise<DeviceTestResult> {
    const entry = this.entries.get(deviceId)
    if (entry === undefined)
      return { ok: false, deviceId, problem: { code: 'disabled', detail: `no device '${deviceId}' is configured` } }
    if (entry.bus === null)
      return {
        ok: false,
        deviceId,
        problem: entry.problem ?? { code: 'disabled', detail: 'switched off in the configuration' },
      }
    const { device } = entry
    if (entry.printer !== null) {
      const printedAt = localTime(this.now())
      const print = await entry.printer.print(testTicketLayout(options.language ?? 'zh-CN', device.id, printedAt))
      return print.ok
        ? { ok: true, deviceId, detail: `printed a test ticket (${print.bytes} bytes)`, print }
        : { ok: false, deviceId, problem: print.problem, print }
    }
    if (entry.display !== null) {
      const view: DisplayView = {
        ...renderCounter(
          { kind: 'call', number: 'A888', counter: device.counterNumber ?? 8, caption: device.name },
          device.counterNumber ?? 8,
          device.display,
        ),
        blink: true,
      }
      const problem = await entry.display.flash(view, this.flashMs)
      return problem === null
        ? { ok: true, deviceId, detail: `showed a test pattern for ${this.flashMs} ms` }
        : { ok: false, deviceId, problem }
    }
    if (
      device.role === 'ratingPad' &&
      device.protocol.dialect === 'framed' &&
      device.protocol.framing.commands.invite !== null
    ) {
      const problem = await this.sendInvite(entry)
      return problem === null
        ? { ok: true, deviceId, detail: 'lit the rating prompt; press a key to see it in the log' }
        : { ok: false, deviceId, problem }
    }
    const tryIt = device.role === 'cardReader' ? 'swipe or scan a card to see it, masked,' : 'press a key to see it'
    return entry.bus.link.connected
      ? { ok: true, deviceId, detail: `the port is open; ${tryIt} in the log` }
      : { ok: false, deviceId, problem: entry.status.problem ?? { code: 'connecting', detail: 'not connected' } }
  }

  /** Stops every driver and closes every port. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const e of this.entries.values()) {
      e.printer?.close()
      e.display?.close()
    }
    for (const b of this.buses) if (b.input instanceof CardReaderInput) b.input.close()
    await Promise.all(this.buses.map((b) => b.link.close()))
  }

  private onLinkChanged(bus: Bus): void {
    for (const d of bus.devices) {
      const entry = this.entries.get(d.id)
      if (entry !== undefined) this.refresh(entry)
    }
  }

  private onLinkConnected(bus: Bus): void {
    const again = bus.connectedOnce
    bus.connectedOnce = true
    for (const d of bus.devices) {
      const entry = this.entries.get(d.id)
      if (entry === undefined) continue
      // Problems seen on the old connection no longer hold; the drivers report afresh.
      entry.problem = null
      this.refresh(entry)
      entry.printer?.onConnected()
      entry.display?.onConnected()
      if (again) {
        this.log('info', d.id, `reconnected on ${describeConnection(d.connection)}`)
        this.emitter.emit('reconnected', { deviceId: d.id, role: d.role, counterNumber: d.counterNumber })
      }
    }
  }

  private async sendInvite(entry: Entry): Promise<DeviceProblem | null> {
    const p = entry.device.protocol
    if (p.dialect !== 'framed') return null
    return this.sendFrame(entry.device, p.framing.commands.invite, 'invite')
  }

  /** A one-off frame (ack, invite); failures are reported, never thrown. */
  private async sendFrame(
    device: ResolvedDevice,
    command: number | null,
    label: string,
  ): Promise<DeviceProblem | null> {
    const p = device.protocol
    const bus = this.entries.get(device.id)?.bus
    if (command === null || p.dialect !== 'framed' || bus == null) return null
    const payload = p.framing.payload.width === null ? new Uint8Array(0) : payloadBytes('', p.framing.payload)
    const frame = encodeFrame(p.framing, { address: p.address, command, payload })
    try {
      await bus.link.run(`${label} to ${device.id}`, 5000, (io) => io.write(frame))
      return null
    } catch (e) {
      const problem = problemOf(e) ?? { code: 'connecting' as const, detail: 'not connected' }
      this.log('warn', device.id, `${label} not sent: ${problem.detail}`, 'keypad.notSent')
      return problem
    }
  }

  private findPrinter(target: string): Entry | undefined {
    const byId = this.entries.get(target)
    if (byId !== undefined) return byId.printer !== null ? byId : undefined
    if (target !== 'ticketPrinter') return undefined
    const printers = [...this.entries.values()].filter((e) => e.printer !== null)
    return printers.find((e) => e.status.state === 'connected' && e.printerStatus?.paper !== 'out') ?? printers[0]
  }

  private refresh(entry: Entry): void {
    if (this.closed) return
    const prev = entry.status
    const next = computeStatus(entry, this.now())
    if (!statusChanged(prev, next)) return
    entry.status = stateChanged(prev, next) ? next : { ...next, since: prev.since }
    if (stateChanged(prev, next)) {
      const level = next.state === 'connected' ? 'info' : 'warn'
      const message = `${next.state}${next.problem === null ? '' : `: ${next.problem.detail}`}`
      this.log(level, entry.device.id, message, level === 'info' ? undefined : 'device', {
        state: next.state,
        problem: next.problem?.code ?? null,
      })
    }
    this.emitter.emit('status', entry.status)
  }

  private log(
    level: 'debug' | 'info' | 'warn' | 'error',
    deviceId: string | null,
    message: string,
    event?: DeviceWarningEvent,
    status?: DeviceLog['status'],
  ): void {
    this.emitter.emit('log', {
      level,
      deviceId,
      message,
      at: this.now(),
      ...(event === undefined ? {} : { event }),
      ...(status === undefined ? {} : { status }),
    })
  }
}

/** "2026-11-24 09:00" in the hub's own time zone (the branch's). */
function localTime(ms: number): string {
  const d = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}
