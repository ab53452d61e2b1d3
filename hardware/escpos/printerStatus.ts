import type { StatusRequest } from './commands'

/** What the printer told us about itself, for the kiosk and the manager screen. */
export interface PrinterStatus {
  readonly online: boolean
  readonly coverOpen: boolean
  /** `nearEnd`: the roll's near-end sensor has tripped; a few metres are left. */
  readonly paper: 'ok' | 'nearEnd' | 'out'
  /** The printer reports an error (cutter jam, overheating ...). */
  readonly error: boolean
}

/**
 * A `DLE EOT` answer always has bits 1 and 4 set and bits 0 and 7 clear; anything else on the
 * line (noise, a stray byte of an earlier answer) is not a status byte.
 *
 * @example
 * isStatusByte(0x12) //=> true
 * isStatusByte(0x41) //=> false
 */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12
}

/** The status bytes of one query round, by request. */
export type StatusBytes = Readonly<Partial<Record<StatusRequest, number>>>

/**
 * Decodes the answers to `DLE EOT 1` (bit 3: offline), `DLE EOT 2` (bit 2: cover open, bit 5:
 * stopped at paper end, bit 6: error) and `DLE EOT 4` (bits 2–3: near-end sensor, bits 5–6:
 * paper-end sensor). Requests not asked leave their part at the healthy value.
 *
 * @example
 * decodePrinterStatus({ printer: 0x12, offlineCause: 0x12, paperSensor: 0x1e })
 * //=> { online: true, coverOpen: false, paper: 'nearEnd', error: false }
 */
export function decodePrinterStatus(bytes: StatusBytes): PrinterStatus {
  const printer = bytes.printer ?? 0x12
  const cause = bytes.offlineCause ?? 0x12
  const sensor = bytes.paperSensor ?? 0x12
  const paperOut = (sensor & 0x60) !== 0 || (cause & 0x20) !== 0
  const nearEnd = (sensor & 0x0c) !== 0
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (cause & 0x04) !== 0,
    paper: paperOut ? 'out' : nearEnd ? 'nearEnd' : 'ok',
    error: (cause & 0x40) !== 0,
  }
}

/**
 * The reason a printer with this status cannot print now, or null if it can.
 *
 * @example
 * printerProblem({ online: false, coverOpen: false, paper: 'out', error: false }) //=> 'paperOut'
 */
export function printerProblem(status: PrinterStatus): 'paperOut' | 'coverOpen' | 'printerError' | 'offline' | null {
  if (status.paper === 'out') return 'paperOut'
  if (status.coverOpen) return 'coverOpen'
  if (status.error) return 'printerError'
  if (!status.online) return 'offline'
  return null
}
