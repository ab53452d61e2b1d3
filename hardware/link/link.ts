import type { Transport } from '../transport/transport'
import { errorText } from '../../shared/util/errorText'
import { backoffDelay, type BackoffOptions } from './backoff'
import { isLinkError, LinkError } from './linkError'

export type LinkState = 'connecting' | 'connected' | 'disconnected' | 'closed'

/** Why a link is not connected: being opened, cannot be opened, lost, or reset because it stopped taking data. */
export type LinkProblemCode = 'connecting' | 'cannotOpen' | 'connectionLost' | 'portStuck'

export interface LinkStatus {
  readonly state: LinkState
  /** Null while connected. */
  readonly problem: { readonly code: LinkProblemCode; readonly detail: string } | null
}

/** What a job may do with the device while it holds the link. */
export interface LinkIO {
  /** Resolves when the OS has taken the bytes; rejects with a `LinkError`. */
  write(bytes: Uint8Array): Promise<void>
  /**
   * Collects the next `count` incoming bytes that `accept` lets through (others go on to the
   * link's data listener); rejects with `noResponse` after `timeoutMs`.
   */
  read(count: number, timeoutMs: number, accept: (byte: number) => boolean): Promise<Uint8Array>
  /**
   * Writes a request and reads its answer. The reader is in place before the bytes go out: a
   * fast device can answer before the write's own completion is reported.
   */
  request(bytes: Uint8Array, count: number, timeoutMs: number, accept: (byte: number) => boolean): Promise<Uint8Array>
}

export interface LinkOptions {
  readonly createTransport: () => Transport
  readonly backoff: BackoffOptions
  /** Longest a transport may take to open before it counts as failed. */
  readonly openTimeoutMs: number
  readonly onStatus: (status: LinkStatus) => void
  /** Incoming bytes no job is reading: keypad frames, Modbus answers. */
  readonly onData: (bytes: Uint8Array) => void
  /** Called after every successful (re)connection, before queued jobs run. */
  readonly onConnected: () => void
}

interface Job {
  readonly label: string
  readonly run: (io: LinkIO) => Promise<unknown>
  readonly timeoutMs: number
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

interface Reader {
  readonly count: number
  readonly accept: (byte: number) => boolean
  readonly got: number[]
  readonly resolve: (bytes: Uint8Array) => void
  readonly reject: (error: unknown) => void
}

/**
 * One physical connection (a serial port, an RS-485 bus, a TCP socket) and everything sent on
 * it. Jobs run one at a time, in order, each with a deadline, so a request and its answer are
 * never interleaved with another device's traffic on a shared bus, and nothing waits forever.
 * When the connection fails or is lost, queued jobs are rejected at once (callers decide what
 * to retry) and the link reopens the transport with backoff until it comes back or is closed.
 */
export class Link {
  private current: LinkStatus = { state: 'connecting', problem: { code: 'connecting', detail: 'opening the port' } }
  private transport: Transport | null = null
  private attempt = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private readonly queue: Job[] = []
  private pumping = false
  private reader: Reader | null = null

  constructor(private readonly options: LinkOptions) {}

  get status(): LinkStatus {
    return this.current
  }

  get connected(): boolean {
    return this.transport !== null
  }

  start(): void {
    void this.connect()
  }

  /**
   * Queues a job. It rejects at once with `disconnected` if the link is down: a print is not
   * kept for later (the customer would be gone), and displays re-send their state on reconnect.
   */
  run<T>(label: string, timeoutMs: number, run: (io: LinkIO) => Promise<T>): Promise<T> {
    if (this.isClosed()) return Promise.reject(new LinkError('closed', 'devices are shut down'))
    if (this.transport === null) return Promise.reject(new LinkError('disconnected', this.reason()))
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ label, run, timeoutMs, resolve: (v) => resolve(v as T), reject })
      void this.pump()
    })
  }

  /** Drops the connection and reconnects: the port stopped taking data. */
  reset(detail: string): void {
    if (this.transport !== null) this.lose(this.transport, detail, 'portStuck')
  }

  async close(): Promise<void> {
    this.setStatus('closed', null)
    if (this.retryTimer !== null) clearTimeout(this.retryTimer)
    this.retryTimer = null
    this.failPending(new LinkError('closed', 'devices are shut down'))
    const transport = this.transport
    this.transport = null
    if (transport !== null) await transport.close()
  }

  private async connect(): Promise<void> {
    this.retryTimer = null
    if (this.isClosed()) return
    const transport = this.options.createTransport()
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const opening = transport.open({ data: (b) => this.receive(transport, b), lost: (r) => this.lose(transport, r) })
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer from the port within ${this.options.openTimeoutMs} ms`)),
          this.options.openTimeoutMs,
        )
      })
      opening.catch(() => undefined)
      await Promise.race([opening, deadline])
    } catch (e) {
      void transport.close()
      if (this.isClosed()) return
      this.setStatus('disconnected', {
        code: 'cannotOpen',
        detail: `cannot open ${transport.description}: ${errorText(e)}`,
      })
      this.scheduleRetry()
      return
    } finally {
      clearTimeout(timer)
    }
    if (this.isClosed()) {
      void transport.close()
      return
    }
    this.transport = transport
    this.attempt = 0
    this.setStatus('connected', null)
    this.options.onConnected()
    void this.pump()
  }

  private scheduleRetry(): void {
    if (this.isClosed() || this.retryTimer !== null) return
    const delay = backoffDelay(this.attempt, this.options.backoff)
    this.attempt += 1
    this.retryTimer = setTimeout(() => void this.connect(), delay)
  }

  private lose(transport: Transport, detail: string, code: LinkProblemCode = 'connectionLost'): void {
    if (transport !== this.transport) return
    this.transport = null
    void transport.close()
    this.failPending(new LinkError('disconnected', detail))
    this.setStatus('disconnected', { code, detail })
    this.scheduleRetry()
  }

  private failPending(error: LinkError): void {
    this.reader?.reject(error)
    this.reader = null
    for (const job of this.queue.splice(0)) job.reject(error)
  }

  private receive(transport: Transport, bytes: Uint8Array): void {
    if (transport !== this.transport) return
    const reader = this.reader
    if (reader === null) {
      this.options.onData(bytes)
      return
    }
    const rest: number[] = []
    for (const byte of bytes) {
      if (this.reader === reader && reader.accept(byte)) {
        reader.got.push(byte)
        if (reader.got.length >= reader.count) {
          this.reader = null
          reader.resolve(Uint8Array.from(reader.got))
        }
      } else {
        rest.push(byte)
      }
    }
    if (rest.length > 0) this.options.onData(Uint8Array.from(rest))
  }

  private async pump(): Promise<void> {
    if (this.pumping) return
    this.pumping = true
    try {
      for (let job = this.queue.shift(); job !== undefined; job = this.queue.shift()) {
        const transport = this.transport
        if (transport === null) job.reject(new LinkError('disconnected', this.reason()))
        else await this.execute(job, transport)
      }
    } finally {
      this.pumping = false
    }
  }

  private async execute(job: Job, transport: Transport): Promise<void> {
    let active = true
    const usable = (): LinkError | null =>
      !active
        ? new LinkError('jobTimeout', `${job.label} is over`)
        : this.transport !== transport
          ? new LinkError('disconnected', this.reason())
          : null
    const io: LinkIO = {
      write: (bytes) => {
        const problem = usable()
        if (problem !== null) return Promise.reject(problem)
        return transport.write(bytes).catch((e: unknown) => {
          throw new LinkError('writeFailed', errorText(e))
        })
      },
      read: (count, timeoutMs, accept) => {
        const problem = usable()
        if (problem !== null) return Promise.reject(problem)
        return new Promise<Uint8Array>((resolve, reject) => {
          const timer = setTimeout(() => {
            if (this.reader === reader) this.reader = null
            reject(new LinkError('noResponse', `no answer within ${timeoutMs} ms`))
          }, timeoutMs)
          const reader: Reader = {
            count,
            accept,
            got: [],
            resolve: (b) => {
              clearTimeout(timer)
              resolve(b)
            },
            reject: (e) => {
              clearTimeout(timer)
              reject(e)
            },
          }
          this.reader = reader
        })
      },
      request: async (bytes, count, timeoutMs, accept) => {
        const answer = io.read(count, timeoutMs, accept)
        // If the write fails, the job ends and the pending read is rejected with it.
        answer.catch(() => undefined)
        await io.write(bytes)
        return answer
      },
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new LinkError('jobTimeout', `${job.label} took longer than ${job.timeoutMs} ms`)),
        job.timeoutMs,
      )
    })
    const running = job.run(io)
    // If the deadline wins, the job's own later failure must not become an unhandled rejection.
    running.catch(() => undefined)
    try {
      job.resolve(await Promise.race([running, deadline]))
    } catch (e) {
      job.reject(e)
      if (isLinkError(e, 'jobTimeout')) this.reset(`${e.message}: the port stopped taking data`)
    } finally {
      active = false
      clearTimeout(timer)
      if (this.reader !== null) {
        this.reader.reject(new LinkError('jobTimeout', `${job.label} is over`))
        this.reader = null
      }
    }
  }

  private isClosed(): boolean {
    return this.current.state === 'closed'
  }

  private reason(): string {
    return this.current.problem?.detail ?? 'not connected'
  }

  private setStatus(state: LinkState, problem: LinkStatus['problem']): void {
    if (this.current.state === state && this.current.problem?.detail === problem?.detail) return
    if (this.isClosed()) return
    this.current = { state, problem }
    this.options.onStatus(this.current)
  }
}
