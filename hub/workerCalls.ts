import type { MessagePort, Worker } from 'node:worker_threads'
import { Type, type Static, type TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { errorText } from '../shared/util/errorText'
import { err, ok, type Result } from '../shared/util/result'
import { problemLines, schemaProblems } from '../shared/util/schemaProblems'

/**
 * The one way the hub talks to its worker threads (the estimator, the what-if simulator): a
 * request `{ id, request }` goes in, `{ id, result }` or `{ id, error }` comes back. Each worker
 * describes its request and result once, as TypeBox schemas, in a protocol module beside it
 * (`estimationProtocol.ts`, `simulationProtocol.ts`); both sides check what they receive with
 * them. A message not of the protocol, or an answer to a request nobody is waiting for, means
 * the thread is out of step: it is logged, every call it owes fails with that reason, and the
 * thread is ended (its owner decides what the next call does). Nothing is used on a cast.
 * A worker says `{ ready: true }` once its code is loaded (`answerRequests` does): a call's time
 * limit counts from then, since loading is not the call's work (see `START_LIMIT_MS`).
 */

/** What a worker answers: the request's id, and its result or why there is none. */
export type WorkerAnswer<R> =
  { readonly id: number; readonly result: R } | { readonly id: number; readonly error: string }

/** What a worker is asked: an id for the answer to carry back, and the request. */
export interface WorkerRequest<Q> {
  readonly id: number
  readonly request: Q
}

const Id = Type.Integer()
const strict = { additionalProperties: false } as const

/** What a worker posts once, when its code is loaded and it takes requests. */
const READY = { ready: true } as const
const isReady = Compile(Type.Object({ ready: Type.Literal(true) }, strict))

/**
 * How long a thread may take to load its code before it says it has started (or first answers). Not the calls' limit:
 * starting is reading and compiling the worker's modules, which on a busy PC, or through tsx in
 * development and tests, takes seconds (4–5 s for the estimation thread on two busy cores, past
 * 10 s in a loaded test run) against milliseconds for an estimate. A thread not started by then
 * is not going to be.
 */
const START_LIMIT_MS = 60_000

/** The envelope of a request to a worker around the request's schema. */
export const requestSchema = <Q extends TSchema>(request: Q) => Type.Object({ id: Id, request }, strict)

/**
 * A parser for one direction of a protocol: the compiled check first (cheap on the hot path),
 * the field-by-field wording (`schemaProblems`) only for a message that failed it.
 *
 * @example
 * parserOf(requestSchema(Type.Number()))({ id: 1, request: 'x' }) //=> { ok: false, error: 'request: …' }
 */
export function parserOf<S extends TSchema>(schema: S): (message: unknown) => Result<Static<S>, string> {
  const check = Compile(schema)
  return (message) => (check.Check(message) ? ok(message as Static<S>) : err(worded(schema, message)))
}

/**
 * A parser of a worker's answer, `{ id, result }` or `{ id, error }`, around the result's schema;
 * a failed answer is worded as the kind it claims to be (by its `result` field), so the problems
 * name the fields of the result.
 */
export function answerParser<R extends TSchema>(
  result: R,
): (message: unknown) => Result<WorkerAnswer<Static<R>>, string> {
  const answered = Type.Object({ id: Id, result }, strict)
  const failed = Type.Object({ id: Id, error: Type.String() }, strict)
  const check = Compile(Type.Union([answered, failed]))
  return (message) => {
    if (check.Check(message)) return ok(message as WorkerAnswer<Static<R>>)
    const claims = typeof message === 'object' && message !== null && 'result' in message
    return err(worded(claims ? answered : failed, message))
  }
}

const worded = (schema: TSchema, message: unknown): string =>
  problemLines(schemaProblems(schema, message)).slice(0, 3).join('; ')

export interface WorkerCallsOptions<R> {
  /** The thread as errors name it: "the estimation thread". */
  readonly name: string
  readonly parseAnswer: (message: unknown) => Result<WorkerAnswer<R>, string>
  /** Where a breach of the protocol is logged (the calls it owed fail with the same words). */
  readonly onProblem: (message: string) => void
  /** Called once when the thread is gone: it stopped, crashed, broke the protocol or was ended. */
  readonly onEnd?: () => void
  /**
   * A call not answered by then ends the thread (logged through `onProblem`): the thread is stuck
   * on it. Counted from when the thread has started (a call made before waits for that first).
   */
  readonly timeoutMs?: number
  /** A thread that has not started by then is ended, logged the same way (default `START_LIMIT_MS`). */
  readonly startTimeoutMs?: number
}

/** A call the thread did not answer within `timeoutMs`: the thread was ended, stuck on it. */
export class CallTimedOut extends Error {
  constructor(
    message: string,
    readonly limitMs: number,
  ) {
    super(message)
    this.name = 'CallTimedOut'
  }
}

interface Pending<R> {
  readonly resolve: (r: R) => void
  readonly reject: (e: Error) => void
  timer: ReturnType<typeof setTimeout> | null
}

/**
 * The calls owed by one worker thread, by id. An idle thread never keeps the process alive;
 * one that owes an answer does.
 */
export class WorkerCalls<Q, R> {
  private readonly pending = new Map<number, Pending<R>>()
  private nextId = 1
  private ended = false
  /** Until the thread says it has started: then the limit of each call owed starts. */
  private starting: ReturnType<typeof setTimeout> | null

  constructor(
    private readonly worker: Worker,
    private readonly options: WorkerCallsOptions<R>,
  ) {
    const { name } = options
    worker.unref()
    worker.on('message', (m: unknown) => this.receive(m))
    worker.on('error', (e) => void this.end(new Error(`${name} failed: ${errorText(e)}`)))
    worker.on('exit', (code) => void this.end(new Error(`${name} stopped (exit code ${code})`)))
    const startMs = options.startTimeoutMs ?? START_LIMIT_MS
    this.starting = setTimeout(() => this.breach(`${name} did not start within ${startMs / 1000} s`), startMs)
    // An idle thread that is slow to start must not keep the process alive; one owed a call is.
    this.starting.unref()
  }

  /** Whether the thread still takes calls. */
  get alive(): boolean {
    return !this.ended
  }

  call(request: Q): Promise<R> {
    if (this.ended) return Promise.reject(new Error(`${this.options.name} has stopped`))
    const id = this.nextId++
    const { name } = this.options
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, timer: this.starting === null ? this.limit() : null })
      this.worker.ref()
      try {
        this.worker.postMessage({ id, request } satisfies WorkerRequest<Q>)
      } catch (e) {
        // A request that cannot be copied to the thread (a function, a closed port): this call
        // fails, the thread owes nothing for it and must not be kept alive for it.
        this.settle(id)
        reject(new Error(`${name} could not be sent the request: ${errorText(e)}`))
      }
    })
  }

  /** Ends the thread and fails every call it owes with `reason`; resolves when the thread is gone. */
  end(reason: Error): Promise<void> {
    if (this.ended) return Promise.resolve()
    this.ended = true
    if (this.starting !== null) clearTimeout(this.starting)
    for (const p of this.pending.values()) {
      if (p.timer !== null) clearTimeout(p.timer)
      p.reject(reason)
    }
    this.pending.clear()
    this.options.onEnd?.()
    return this.worker.terminate().then(() => undefined)
  }

  private receive(message: unknown): void {
    // An answer the thread had posted before it was ended (closed, timed out) arrives after
    // `end`: its call has already failed with the reason, and it is not a breach to report.
    if (this.ended) return
    const { name, parseAnswer } = this.options
    if (this.starting !== null && isReady.Check(message)) return this.started()
    const parsed = parseAnswer(message)
    if (!parsed.ok) return this.breach(`${name} sent a message not of its protocol (${parsed.error})`)
    const answer = parsed.value
    // An answer proves the code has loaded, whether or not the worker said so first.
    if (this.starting !== null) this.started()
    const p = this.pending.get(answer.id)
    if (p === undefined) {
      const said = 'error' in answer ? `: ${answer.error}` : ''
      return this.breach(`${name} answered request ${answer.id}, which is not waiting for an answer${said}`)
    }
    this.settle(answer.id)
    if ('error' in answer) p.reject(new Error(`${name}: ${answer.error}`))
    else p.resolve(answer.result)
  }

  /** The thread has loaded its code: the calls owed from now on have their limit. */
  private started(): void {
    if (this.starting !== null) clearTimeout(this.starting)
    this.starting = null
    for (const p of this.pending.values()) p.timer = this.limit()
  }

  /** A call's limit, from now; none without `timeoutMs`. */
  private limit(): ReturnType<typeof setTimeout> | null {
    const { timeoutMs, name } = this.options
    if (timeoutMs === undefined) return null
    return setTimeout(() => {
      const message = `${name} took longer than ${timeoutMs / 1000} s`
      this.breach(message, new CallTimedOut(message, timeoutMs))
    }, timeoutMs)
  }

  /** Forgets a call that has its outcome; an idle thread stops holding the process open. */
  private settle(id: number): void {
    const p = this.pending.get(id)
    if (p?.timer != null) clearTimeout(p.timer)
    this.pending.delete(id)
    if (this.pending.size === 0) this.worker.unref()
  }

  private breach(message: string, reason: Error = new Error(message)): void {
    this.options.onProblem(message)
    void this.end(reason)
  }
}

/**
 * The worker's side: each request checked with `parseRequest` and answered, by id, with what
 * `handle` returns (or its promise gives) or why it could not. A request not of the protocol is answered with an
 * error under its id, which fails that one call and keeps the thread; one without a readable id
 * is answered under -1, which no call waits for, so the hub's side ends the thread. Says the
 * thread has started (`sayStarted`) as soon as it listens: the module calling it has loaded.
 */
export function answerRequests<Q, R>(
  port: MessagePort | null,
  parseRequest: (message: unknown) => Result<WorkerRequest<Q>, string>,
  handle: (request: Q) => R | Promise<R>,
): void {
  port?.on('message', (message: unknown) => {
    const parsed = parseRequest(message)
    if (!parsed.ok) {
      const id = (message as { id?: unknown } | null)?.id
      const error = `a request not of the protocol (${parsed.error})`
      port.postMessage({
        id: typeof id === 'number' && Number.isInteger(id) ? id : -1,
        error,
      } satisfies WorkerAnswer<R>)
      return
    }
    const { id, request } = parsed.value
    const answer = (result: R) => port.postMessage({ id, result } satisfies WorkerAnswer<R>)
    const fail = (e: unknown) => port.postMessage({ id, error: errorText(e) } satisfies WorkerAnswer<R>)
    try {
      const result = handle(request)
      // A handler that reads files first answers when it has; the others at once, as before.
      if (result instanceof Promise) result.then(answer, fail)
      else answer(result)
    } catch (e) {
      fail(e)
    }
  })
  sayStarted(port)
}

/** Tells the hub's side that this worker has loaded its code (a worker not using `answerRequests` calls it itself). */
export function sayStarted(port: MessagePort | null): void {
  port?.postMessage(READY)
}
