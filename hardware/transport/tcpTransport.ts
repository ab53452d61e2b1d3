import { Socket } from 'node:net'
import type { Transport, TransportEvents } from './transport'
import { errorText } from '../../shared/util/errorText'

/**
 * Raw TCP: a network printer's port 9100, or a serial-to-Ethernet converter in front of an
 * RS-485 bus. Keep-alive finds a peer that vanished without closing.
 */
export class TcpTransport implements Transport {
  readonly description: string
  private socket: Socket | null = null
  private closing = false

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = 3000,
  ) {
    this.description = `tcp://${host}:${port}`
  }

  open(events: TransportEvents): Promise<void> {
    const socket = new Socket()
    this.socket = socket
    socket.setNoDelay(true)
    return new Promise((resolve, reject) => {
      let opened = false
      const timer = setTimeout(() => {
        socket.destroy()
        reject(new Error(`no connection within ${this.connectTimeoutMs} ms`))
      }, this.connectTimeoutMs)
      socket.on('data', (chunk: Buffer) => events.data(new Uint8Array(chunk)))
      socket.on('error', (e) => {
        if (!opened) {
          clearTimeout(timer)
          reject(new Error(errorText(e)))
        }
      })
      socket.on('close', () => {
        if (opened && !this.closing) events.lost('connection closed by the device')
      })
      socket.connect(this.port, this.host, () => {
        opened = true
        clearTimeout(timer)
        socket.setKeepAlive(true, 5000)
        resolve()
      })
    })
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket
    if (socket === null || socket.destroyed) return Promise.reject(new Error('socket is closed'))
    return new Promise((resolve, reject) => {
      socket.write(bytes, (e) => (e ? reject(new Error(errorText(e))) : resolve()))
    })
  }

  close(): Promise<void> {
    this.closing = true
    const socket = this.socket
    if (socket === null || socket.destroyed) return Promise.resolve()
    return new Promise((resolve) => {
      socket.once('close', () => resolve())
      socket.end()
      // A peer that never acknowledges the FIN must not hold close() up.
      setTimeout(() => socket.destroy(), 1000).unref()
    })
  }
}
