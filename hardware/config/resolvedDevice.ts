import type { CardLineOptions } from '../cardReader/cardLines'
import type { CustomerDisplaySpec } from '../customerDisplay/encodeCustomerDisplay'
import type { TicketPrintOptions } from '../escpos/ticketLayout'
import type { Framing } from '../framed/framing'
import type { ModbusRegisterMap } from '../modbus/displayRegisters'
import type { TextEncoding } from '../text/encoding'
import type { Align } from '../text/fitText'
import type { DeviceRole, KeypadAction } from './deviceSchema'

/** A device configuration with every default filled in: what the drivers run on. */
export interface ResolvedDevice {
  readonly id: string
  readonly name: string
  readonly role: DeviceRole
  readonly counterNumber: number | null
  /** The kiosk (its paired name) a card reader belongs to; null for any kiosk, and for other devices. */
  readonly kiosk: string | null
  readonly connection: ResolvedConnection
  readonly protocol: ResolvedProtocol
  /** How counter and lobby content is worded on this display (unused by printers). */
  readonly display: DisplayFormat
  /** Caller-keypad key codes → actions. */
  readonly actions: ReadonlyMap<number, KeypadAction>
  /** Rating-pad key codes → scores 1–5. */
  readonly scores: ReadonlyMap<number, number>
  readonly debounceMs: number
}

export type ResolvedConnection =
  | {
      readonly type: 'serial'
      readonly path: string
      readonly baudRate: number
      readonly dataBits: 7 | 8
      readonly parity: 'none' | 'even' | 'odd'
      readonly stopBits: 1 | 2
    }
  | { readonly type: 'tcp'; readonly host: string; readonly port: number }
  | { readonly type: 'dump' }

export type ResolvedProtocol =
  | {
      readonly dialect: 'escpos'
      readonly print: TicketPrintOptions
      readonly statusQuery: boolean
      readonly statusTimeoutMs: number
      readonly pollMs: number
    }
  | {
      readonly dialect: 'modbusRtu'
      readonly address: number
      readonly registers: ModbusRegisterMap
      readonly encoding: 'ascii' | 'gb18030'
      readonly brightness: number | null
      readonly timeoutMs: number
    }
  | { readonly dialect: 'framed'; readonly address: number; readonly framing: Framing }
  | { readonly dialect: 'escposDisplay'; readonly spec: CustomerDisplaySpec }
  | { readonly dialect: 'cardLine'; readonly lines: CardLineOptions }

export interface DisplayFormat {
  readonly callTemplate: string
  readonly pausedText: string
  readonly closedText: string
  readonly align: Align
  readonly blinkOnCall: boolean
  readonly blinkMs: number
  /** Columns a line has, and how many lines (a pole display has two). */
  readonly columns: number
  readonly rows: number
  readonly encoding: TextEncoding
}

/**
 * The one string that identifies a physical connection: devices with the same key share a bus.
 *
 * @example
 * connectionKey({ type: 'tcp', host: '10.0.0.5', port: 9100 }, 'p1') //=> 'tcp:10.0.0.5:9100'
 */
export function connectionKey(connection: ResolvedConnection, deviceId: string): string {
  switch (connection.type) {
    case 'serial':
      return `serial:${connection.path}`
    case 'tcp':
      return `tcp:${connection.host}:${connection.port}`
    case 'dump':
      return `dump:${deviceId}`
  }
}

/**
 * Human-readable connection, for logs and the manager screen.
 *
 * @example
 * describeConnection({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 })
 * //=> '/dev/ttyUSB0 @ 9600 baud'
 */
export function describeConnection(connection: ResolvedConnection): string {
  switch (connection.type) {
    case 'serial':
      return `${connection.path} @ ${connection.baudRate} baud`
    case 'tcp':
      return `tcp://${connection.host}:${connection.port}`
    case 'dump':
      return 'dump (no hardware)'
  }
}
