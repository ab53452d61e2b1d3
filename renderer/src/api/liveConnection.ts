import type { LiveMessage } from '../../../shared/api/live'

export type LiveStatus = 'connecting' | 'online' | 'offline'

export interface LiveHandlers {
  /** Every message, in order. */
  message(m: LiveMessage): void
  status(s: LiveStatus): void
  /** The seq of the last event folded, sent in the hello so the hub resyncs from there. */
  lastSeq(): number | null
}

/**
 * The live channel to the hub, reconnecting by itself with backoff (1 s doubling to 10 s).
 * On every (re)connection it says hello with the last folded seq, so the hub sends exactly the
 * events missed while away, or a snapshot.
 */
export class LiveConnection {
  private ws: WebSocket | null = null
  private retryMs = 1000
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false

  constructor(
    private readonly url: string,
    private readonly token: () => string | null,
    private readonly on: LiveHandlers,
  ) {}

  start(): void {
    this.stopped = false
    this.open()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.ws?.close()
    this.ws = null
  }

  private open(): void {
    this.on.status('connecting')
    const ws = new WebSocket(this.url)
    this.ws = ws
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', token: this.token(), lastSeq: this.on.lastSeq() }))
    }
    ws.onmessage = (e: MessageEvent<string>) => {
      const m = JSON.parse(e.data) as LiveMessage
      if (m.type !== 'error') {
        this.retryMs = 1000
        this.on.status('online')
      }
      this.on.message(m)
    }
    ws.onclose = () => {
      if (this.ws !== ws) return
      this.ws = null
      this.on.status('offline')
      if (this.stopped) return
      this.timer = setTimeout(() => this.open(), this.retryMs)
      this.retryMs = Math.min(10_000, this.retryMs * 2)
    }
  }
}
