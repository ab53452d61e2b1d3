import { createServer, type Server, type Socket } from 'node:net'
import { SerialPort } from 'serialport'

/**
 * The device's end of a connection, as an emulator sees it: bytes in, bytes out. An emulator
 * can sit on a PTY (the far end of a socat pair) or behind a TCP port (a network printer).
 */
export abstract class EmulatedDevice {
  private port: SerialPort | null = null
  private server: Server | null = null
  private readonly sockets = new Set<Socket>()
  /** Every byte received, in order, since the start. */
  readonly received: number[] = []
  /** `performance.now()` of the last byte received. */
  lastByteAt = 0

  /** Opens the device end of a PTY pair. */
  async attach(path: string): Promise<void> {
    await this.detach()
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false })
    port.on('data', (chunk: Buffer) => this.take(new Uint8Array(chunk)))
    port.on('error', () => undefined)
    port.on('close', () => {
      if (this.port === port) this.port = null
    })
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())))
    this.port = port
  }

  /** Listens like a network printer; resolves with the TCP port. */
  async listen(port = 0): Promise<number> {
    const server = createServer((socket) => {
      this.sockets.add(socket)
      socket.on('data', (chunk: Buffer) => this.take(new Uint8Array(chunk)))
      socket.on('error', () => undefined)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.server = server
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('no TCP address')
    return address.port
  }

  async detach(): Promise<void> {
    const port = this.port
    this.port = null
    if (port?.isOpen === true) await new Promise<void>((resolve) => port.close(() => resolve()))
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    const server = this.server
    this.server = null
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Sends bytes to the hub. */
  send(bytes: Uint8Array | readonly number[]): void {
    const buf = Buffer.from(bytes)
    if (this.port?.isOpen === true) this.port.write(buf)
    for (const s of this.sockets) s.write(buf)
  }

  protected abstract onBytes(bytes: Uint8Array): void

  private take(bytes: Uint8Array): void {
    this.lastByteAt = performance.now()
    for (const b of bytes) this.received.push(b)
    this.onBytes(bytes)
  }
}
