import { describeConnection, type ResolvedDevice } from '../config/resolvedDevice'
import type { DeviceProblem } from '../drivers/deviceProblem'
import type { DisplayDriver } from '../drivers/displayDriver'
import type { CardReaderInput } from '../drivers/cardReaderInput'
import type { FramedInput } from '../drivers/framedInput'
import type { PrinterDriver } from '../drivers/printerDriver'
import type { PrinterStatus } from '../escpos/printerStatus'
import type { Link } from '../link/link'
import type { ModbusBus } from '../modbus/modbusBus'
import type { DeviceStatus } from './supervisorEvents'

/** One port or bus and the devices on it. */
export interface Bus {
  readonly link: Link
  readonly devices: readonly ResolvedDevice[]
  readonly modbus: ModbusBus | null
  /** What reads the bytes devices send unprompted: key frames, card reads. */
  input: FramedInput | CardReaderInput | null
  connectedOnce: boolean
}

/** One device, its drivers and what is known about it. */
export interface Entry {
  readonly device: ResolvedDevice
  /** Null for a device switched off in the configuration. */
  readonly bus: Bus | null
  printer: PrinterDriver | null
  display: DisplayDriver | null
  /** The device's own problem (the port's state comes from the link). */
  problem: DeviceProblem | null
  printerStatus: PrinterStatus | null
  status: DeviceStatus
}

/** A device's status before anything is known: starting. */
export function placeholderStatus(device: ResolvedDevice): DeviceStatus {
  return {
    deviceId: device.id,
    name: device.name,
    role: device.role,
    counterNumber: device.counterNumber,
    connection: describeConnection(device.connection),
    state: 'disconnected',
    problem: { code: 'connecting', detail: 'starting' },
    printer: null,
    since: 0,
  }
}

/**
 * A device's status from its port and its own problem: a port that is not open makes it
 * `disconnected` whatever else is known; an open port with a device problem makes it `error`.
 */
export function computeStatus(entry: Entry, now: number): DeviceStatus {
  const base = placeholderStatus(entry.device)
  const printer = entry.printerStatus
  const link = entry.bus?.link.status
  if (link === undefined) return { ...base, problem: entry.problem, printer, since: now }
  if (link.state !== 'connected') {
    return {
      ...base,
      state: 'disconnected',
      problem: link.problem ?? { code: 'connecting', detail: 'not connected' },
      printer,
      since: now,
    }
  }
  return { ...base, state: entry.problem === null ? 'connected' : 'error', problem: entry.problem, printer, since: now }
}

/** Whether the state or its problem changed (worth a log line), as opposed to details. */
export const stateChanged = (a: DeviceStatus, b: DeviceStatus): boolean =>
  a.state !== b.state || a.problem?.code !== b.problem?.code

/** Whether anything the manager screen shows changed. */
export const statusChanged = (a: DeviceStatus, b: DeviceStatus): boolean =>
  stateChanged(a, b) ||
  a.problem?.detail !== b.problem?.detail ||
  JSON.stringify(a.printer) !== JSON.stringify(b.printer)
