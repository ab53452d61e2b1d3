import { SerialPort } from 'serialport'
import type { Transport, TransportEvents } from './transport'
import { errorText } from '../../shared/util/errorText'

export interface SerialSettings {
  readonly path: string
  readonly baudRate: number
  readonly dataBits: 7 | 8
  readonly parity: 'none' | 'even' | 'odd'
  readonly stopBits: 1 | 2
}

/** A serial port (USB adapter, RS-232, RS-485 converter, or a PTY in tests) through `serialport`. */
export class SerialTransport implements Transport {
  readonly description: string
  private port: SerialPort | null = null
  private closing = false

  constructor(private readonly settings: SerialSettings) {
    this.description = `${settings.path} @ ${settings.baudRate} baud`
  }

  open(events: TransportEvents): Promise<void> {
    const { path, baudRate, dataBits, parity, stopBits } = this.settings
    const port = new SerialPort({ path, baudRate, dataBits, parity, stopBits, autoOpen: false })
    this.port = port
    // An 'error' event without a listener would throw and take the hub down.
    port.on('error', (e: Error) => {
      if (port.isOpen) port.close(() => undefined)
      else if (!this.closing) events.lost(errorText(e))
    })
    port.on('data', (chunk: Buffer) => events.data(new Uint8Array(chunk)))
    port.on('close', (e: (Error & { disconnected?: boolean }) | null) => {
      if (!this.closing)
        events.lost(e?.disconnected === true ? `device disconnected (${e.message})` : (e?.message ?? 'port closed'))
    })
    return new Promise((resolve, reject) => {
      port.open((e) => (e ? reject(new Error(errorText(e))) : resolve()))
    })
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port
    if (port === null || !port.isOpen) return Promise.reject(new Error('port is not open'))
    // No `drain` (tcdrain): it blocks a libuv thread-pool thread until the UART has sent
    // everything, and a stuck port would hold that thread, and with four of them every file
    // and DNS call of the hub. The write callback comes once the kernel has the bytes.
    return new Promise((resolve, reject) => {
      port.write(Buffer.from(bytes), (e) => (e ? reject(new Error(errorText(e))) : resolve()))
    })
  }

  close(): Promise<void> {
    this.closing = true
    const port = this.port
    if (port === null || !port.isOpen) return Promise.resolve()
    return new Promise((resolve) => port.close(() => resolve()))
  }
}
