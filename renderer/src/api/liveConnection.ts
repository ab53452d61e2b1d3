import type { LiveMessage } from '../../../shared/api/live'
import { isLiveMessageProblem, parseLiveMessage } from '../../../shared/api/liveMessage'

export type LiveStatus = 'connecting' | 'online' | 'offline'

const SILENCE_MS = 45_000

export interface LiveHandlers {
  /** Every message, in order. */
  message(m: LiveMessage): void
  status(s: LiveStatus): void
  /**
   * Where this terminal stands: the seq of the last event folded and the hub journal it is in,
   * sent in the hello so the hub resyncs from there (or sends a snapshot when that journal is
   * not its own: a restart that may have lost events).
   */
  position(): { readonly lastSeq: number | null; readonly journal: string | null }
}

/**
 * The live channel to the hub, reconnecting by itself with backoff (1 s doubling to 10 s).
 * On every (re)connection it says hello with the last folded seq and its journal, so the hub
 * sends exactly the events missed while away, or a snapshot.
 */
export class LiveConnection {
  private ws: WebSocket | null = null
  private retryMs = 1000
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false
  private lastHeard = 0
  private watchdog: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly url: string,
    private readonly token: () => string | null,
    private readonly on: LiveHandlers,
  ) {}

  start(): void {
    this.stopped = false
    this.open()
    // The hub says something at least every 15 s; silence for 45 s means a dead connection the
    // browser has not noticed (a power cut on the hub PC): drop it and reconnect.
    this.watchdog = setInterval(() => {
      if (this.ws !== null && Date.now() - this.lastHeard > SILENCE_MS) this.ws.close()
    }, 5000)
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== null) clearTimeout(this.timer)
    if (this.watchdog !== null) clearInterval(this.watchdog)
    this.ws?.close()
    this.ws = null
  }

  /** Reconnect now (a gap in the event sequence): the hello resyncs from the last seq. */
  resync(): void {
    this.ws?.close()
  }

  /** The hub refused this terminal: stop trying until started again. */
  halt(): void {
    this.stop()
    this.on.status('offline')
  }

  private open(): void {
    this.on.status('connecting')
    const ws = new WebSocket(this.url)
    this.ws = ws
    this.lastHeard = Date.now()
    ws.onopen = () => {
      const { lastSeq, journal } = this.on.position()
      ws.send(JSON.stringify({ type: 'hello', token: this.token(), lastSeq, journal }))
    }
    ws.onmessage = (e: MessageEvent<string>) => {
      this.lastHeard = Date.now()
      const m = parseLiveMessage(e.data)
      if (isLiveMessageProblem(m)) {
        // Never folded or shown: a skipped event leaves a gap in the seqs, and the store resyncs
        // over a gap. Logged, since a hub that sends this is a bug to report.
        console.error(`live channel: dropped a message from the hub (${m.problem})`)
        return
      }
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
