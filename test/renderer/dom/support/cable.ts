import { connect, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * The network between a terminal and its hub, as a TCP relay on loopback that a test can pull
 * out and plug back in, and point at a restarted hub's port: the terminal (its page's origin is
 * the relay's) reconnects only when the test lets it.
 */
export class Cable {
  private plugged = true
  private readonly sockets = new Set<Socket>()

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    private port: number,
  ) {}

  static async to(url: string): Promise<Cable> {
    const server = createServer()
    const cable = new Cable(server, Number(new URL(url).port))
    server.on('connection', (socket) => cable.relay(socket))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    return cable
  }

  /** The address the terminal's page is served from. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  /** Every connection through the cable drops, and new ones are dropped until `plug`. */
  pull(): void {
    this.plugged = false
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
  }

  /** Connections go through again, to the hub at `url`. */
  plug(url: string): void {
    this.port = Number(new URL(url).port)
    this.plugged = true
  }

  async close(): Promise<void> {
    this.pull()
    await new Promise<void>((r) => this.server.close(() => r()))
  }

  private relay(socket: Socket): void {
    if (!this.plugged) {
      socket.destroy()
      return
    }
    const hub = connect(this.port, '127.0.0.1')
    for (const [a, b] of [
      [socket, hub],
      [hub, socket],
    ] as const) {
      this.sockets.add(a)
      a.pipe(b)
      a.on('error', () => b.destroy())
      a.on('close', () => {
        this.sockets.delete(a)
        b.destroy()
      })
    }
  }
}
