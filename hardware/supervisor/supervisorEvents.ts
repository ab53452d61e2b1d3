import type { DeviceRole, KeypadAction } from '../config/deviceSchema'
import type { DeviceProblem } from '../drivers/deviceProblem'
import type { PrinterStatus } from '../escpos/printerStatus'

/** A device as the manager screen lists it. */
export interface DeviceStatus {
  readonly deviceId: string
  readonly name: string
  readonly role: DeviceRole
  readonly counterNumber: number | null
  /** "/dev/ttyUSB0 @ 9600 baud", "tcp://192.168.1.50:9100". */
  readonly connection: string
  /** `error`: the port is open but the device fails (silent, paper out ...); `disconnected`: the port is not open. */
  readonly state: 'connected' | 'error' | 'disconnected'
  readonly problem: DeviceProblem | null
  /** The last status a printer reported (paper near-end shows here while the state is still `connected`). */
  readonly printer: PrinterStatus | null
  /** When `state` or `problem` last changed (epoch ms). */
  readonly since: number
}

/** A key pressed on a caller keypad (呼叫器). */
export interface KeypadInput {
  readonly deviceId: string
  readonly counterNumber: number
  readonly action: KeypadAction
  /** The raw key code, for the log. */
  readonly code: number
  /** Digits sent with the key (a transfer target), or null. */
  readonly digits: string | null
  readonly at: number
}

/** A press on a counter evaluation pad (评价器): 1 dissatisfied … 5 very satisfied. */
export interface RatingInput {
  readonly deviceId: string
  readonly counterNumber: number
  readonly score: number
  readonly at: number
}

/**
 * A card or ID swiped or scanned at a card reader. `token` is the card's number: match with it,
 * never log or store it; `masked` is what may be logged and journaled.
 */
export interface CardRead {
  readonly deviceId: string
  /** The kiosk the reader belongs to (its paired name), or null for any kiosk. */
  readonly kiosk: string | null
  readonly token: string
  /** All but the last four characters masked: `************7899`. */
  readonly masked: string
  readonly kind: 'track1' | 'track2' | 'id'
  readonly at: number
}

export interface DeviceRef {
  readonly deviceId: string
  readonly role: DeviceRole
  readonly counterNumber: number | null
}

/**
 * The kinds of a device's warning, logged under these names for the manager's screen to word it in
 * its language (the hub's `HUB_WARNINGS` must name each: the hub does not compile otherwise). Their
 * facts are what a `DeviceLog` carries: the device's id, and for `device` (a change of state) its
 * `status`.
 */
export type DeviceWarningEvent =
  | 'device'
  | 'keypad.notSent'
  | 'keypad.ignoredKey'
  | 'keypad.garbledInput'
  | 'cardReader.unreadable'
  | 'printer.replacedCharacters'
  | 'devices.listenerFailed'

/**
 * How a driver or the wiring says a line for the hub's log: a warning or error always with its
 * `event`, so none reaches the manager's screen only in English.
 */
export interface DeviceLogLine {
  (level: 'debug' | 'info', deviceId: string | null, message: string): void
  (level: 'warn' | 'error', deviceId: string | null, message: string, event: DeviceWarningEvent): void
}

/** Something the hub should log: garbage on a line, an unknown key, a dump of bytes. */
export interface DeviceLog {
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly deviceId: string | null
  readonly message: string
  readonly at: number
  /** A warning's or error's name (always there for those), as `DeviceLogLine` takes it. */
  readonly event?: DeviceWarningEvent
  /**
   * A change of a device's state, as codes (`disconnected`, `cannotOpen`): the hub logs them beside
   * the message, for the manager's screen to word in its language. Absent for other lines.
   */
  readonly status?: { readonly state: string; readonly problem: string | null }
}

export interface SupervisorEvents {
  readonly status: DeviceStatus
  /** A device's connection came back; its display has been redrawn with the current view. */
  readonly reconnected: DeviceRef
  readonly keypad: KeypadInput
  readonly rating: RatingInput
  readonly card: CardRead
  readonly log: DeviceLog
}

/**
 * A small typed event emitter. A listener that throws is reported as a log event and never
 * reaches the serial data path (where it would stop a port's reading).
 */
export class Emitter<E> {
  private readonly listeners = new Map<keyof E, Set<(value: never) => void>>()

  constructor(private readonly onListenerError: (event: keyof E, error: unknown) => void) {}

  on<K extends keyof E>(event: K, listener: (value: E[K]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener as (value: never) => void)
    this.listeners.set(event, set)
    return () => set.delete(listener as (value: never) => void)
  }

  emit<K extends keyof E>(event: K, value: E[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as (value: E[K]) => void)(value)
      } catch (e) {
        this.onListenerError(event, e)
      }
    }
  }
}
