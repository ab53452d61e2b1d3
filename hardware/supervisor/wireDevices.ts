import type { ResolvedConnection, ResolvedDevice } from '../config/resolvedDevice'
import type { DeviceProblem } from '../drivers/deviceProblem'
import { DisplayDriver } from '../drivers/displayDriver'
import {
  CustomerDisplayWriter,
  FramedDisplayWriter,
  ModbusDisplayWriter,
  type DisplayWriter,
} from '../drivers/displayWriters'
import { CardReaderInput } from '../drivers/cardReaderInput'
import { FramedInput } from '../drivers/framedInput'
import { PrinterDriver } from '../drivers/printerDriver'
import type { PrinterStatus } from '../escpos/printerStatus'
import { DEFAULT_BACKOFF, type BackoffOptions } from '../link/backoff'
import { Link } from '../link/link'
import { ModbusBus } from '../modbus/modbusBus'
import { DumpTransport } from '../transport/dumpTransport'
import { SerialTransport } from '../transport/serialTransport'
import { TcpTransport } from '../transport/tcpTransport'
import type { Transport } from '../transport/transport'
import type { Bus, Entry } from './deviceEntry'
import type { CardRead, DeviceLogLine, KeypadInput, RatingInput } from './supervisorEvents'

export interface SupervisorOptions {
  /** Reconnection delays of a lost or unopenable port. */
  readonly reconnect?: BackoffOptions
  /** Retry delays of a display write that failed on a connected port. */
  readonly retry?: BackoffOptions
  /** Longest a port may take to open. */
  readonly openTimeoutMs?: number
  /** How long "flash counter 3" shows its test pattern. */
  readonly flashMs?: number
  /** The clock for event times (epoch ms). */
  readonly now?: () => number
  /** Replaces how connections are opened (a transport of one's own). */
  readonly createTransport?: (connection: ResolvedConnection, dump: (bytes: Uint8Array) => void) => Transport
}

/** What the wiring calls back into the supervisor for. */
export interface WiringHooks {
  readonly log: DeviceLogLine
  readonly keypad: (input: KeypadInput) => void
  readonly rating: (input: RatingInput) => void
  readonly card: (read: CardRead) => void
  /** A device's own problem by id (a card reader's unreadable data), or null again. */
  readonly deviceProblem: (deviceId: string, problem: DeviceProblem | null) => void
  readonly linkChanged: (bus: Bus) => void
  readonly linkConnected: (bus: Bus) => void
  readonly ack: (device: ResolvedDevice) => void
  readonly problem: (entry: Entry, problem: DeviceProblem | null) => void
  readonly printerStatus: (entry: Entry, status: PrinterStatus) => void
  readonly now: () => number
}

function defaultTransport(connection: ResolvedConnection, dump: (bytes: Uint8Array) => void): Transport {
  switch (connection.type) {
    case 'serial':
      return new SerialTransport(connection)
    case 'tcp':
      return new TcpTransport(connection.host, connection.port)
    case 'dump':
      return new DumpTransport(dump)
  }
}

const hex = (bytes: Uint8Array): string => {
  const shown = Array.from(bytes.subarray(0, 512), (b) => b.toString(16).padStart(2, '0')).join(' ')
  return bytes.length > 512 ? `${shown} … (${bytes.length} bytes)` : shown
}

/**
 * The link of one port or bus (validation has made sure its devices share settings and
 * protocol), with the Modbus master, the key-frame reader or the card reader its devices need.
 */
export function createBus(devices: readonly ResolvedDevice[], options: SupervisorOptions, hooks: WiringHooks): Bus {
  const first = devices[0]
  if (first === undefined) throw new Error('a bus needs a device')
  const modbus = first.protocol.dialect === 'modbusRtu' ? new ModbusBus() : null
  const create = options.createTransport ?? defaultTransport
  const dumpId = devices.length === 1 ? first.id : null
  const bus: Bus = {
    devices,
    modbus,
    input: null,
    connectedOnce: false,
    link: new Link({
      createTransport: () => create(first.connection, (bytes) => hooks.log('debug', dumpId, `dump: ${hex(bytes)}`)),
      backoff: options.reconnect ?? DEFAULT_BACKOFF,
      openTimeoutMs: options.openTimeoutMs ?? 10_000,
      onStatus: () => hooks.linkChanged(bus),
      onData: (bytes) => {
        if (modbus !== null) modbus.receive(bytes)
        else bus.input?.receive(bytes)
      },
      onConnected: () => hooks.linkConnected(bus),
    }),
  }
  const senders = devices.filter((d) => d.role === 'callerKeypad' || d.role === 'ratingPad')
  if (first.protocol.dialect === 'framed' && senders.length > 0) {
    bus.input = new FramedInput(first.protocol.framing, senders, {
      keypad: hooks.keypad,
      rating: hooks.rating,
      log: hooks.log,
      ack: hooks.ack,
      now: hooks.now,
    })
  }
  if (first.protocol.dialect === 'cardLine') {
    bus.input = new CardReaderInput(first, {
      card: hooks.card,
      problem: (problem) => hooks.deviceProblem(first.id, problem),
      log: hooks.log,
      now: hooks.now,
    })
  }
  return bus
}

/** The printer or display driver a device needs (a rating pad or card reader needs neither: they only send). */
export function createDrivers(entry: Entry, bus: Bus, options: SupervisorOptions, hooks: WiringHooks): void {
  const { device } = entry
  const { protocol } = device
  const report = (problem: DeviceProblem | null): void => hooks.problem(entry, problem)
  if (protocol.dialect === 'escpos') {
    entry.printer = new PrinterDriver(
      {
        id: device.id,
        print: protocol.print,
        // A dump has nobody to answer a status request.
        statusQuery: protocol.statusQuery && device.connection.type !== 'dump',
        statusTimeoutMs: protocol.statusTimeoutMs,
        pollMs: protocol.pollMs,
        baudRate: device.connection.type === 'serial' ? device.connection.baudRate : null,
      },
      bus.link,
      {
        report,
        printerStatus: (status) => hooks.printerStatus(entry, status),
        now: hooks.now,
        log: (level: 'info' | 'warn', message: string, event?: 'printer.replacedCharacters') =>
          level === 'info'
            ? hooks.log(level, device.id, message)
            : hooks.log(level, device.id, message, event ?? 'printer.replacedCharacters'),
      },
    )
    return
  }
  let writer: DisplayWriter | null = null
  if (protocol.dialect === 'modbusRtu' && bus.modbus !== null)
    writer = new ModbusDisplayWriter(bus.modbus, protocol, device.display)
  if (protocol.dialect === 'escposDisplay') writer = new CustomerDisplayWriter(protocol.spec, device.display)
  // A caller keypad shows the called number on its digits.
  if (protocol.dialect === 'framed' && device.role !== 'ratingPad')
    writer = new FramedDisplayWriter(protocol.framing, protocol.address)
  if (writer === null) return
  entry.display = new DisplayDriver(
    {
      id: device.id,
      blinkMs: device.display.blinkMs,
      // Modbus: up to three transactions (brightness, text, blink), each with its own timeout.
      jobTimeoutMs: protocol.dialect === 'modbusRtu' ? protocol.timeoutMs * 4 + 2000 : 5000,
      retry: options.retry ?? DEFAULT_BACKOFF,
    },
    bus.link,
    writer,
    { report },
  )
}
