import { startWorker } from '../workerFile'
import { WorkerCalls } from '../workerCalls'
import { runEstimation, type EstimationJob, type ThreadEstimates } from './estimationJob'
import { parseEstimationAnswer } from './estimationProtocol'

export interface EstimationThreadOptions {
  /**
   * Where a missing worker file, or a thread that broke its protocol, is logged (the estimates a
   * broken thread owed fail with the same words).
   */
  readonly onProblem: (message: string) => void
  /** The worker file, found beside `url` (tests start one that misbehaves). Default: `estimationWorker`. */
  readonly worker?: { readonly url: string; readonly name: string }
  /**
   * An estimate not answered by then ends the thread (it is stuck); estimation goes on inline.
   * Counted from when the thread has started: starting it is not the estimate's work.
   */
  readonly timeoutMs?: number
  /** A thread not started by then is ended the same way (default: `WorkerCalls`' start limit). */
  readonly startTimeoutMs?: number
}

/**
 * An estimate takes milliseconds (`bench/estimate.bench.ts`); ten seconds is a thread stuck,
 * not a busy one. Without a limit a stuck thread would hold every later estimate, the hub's
 * start and its minute timer. (A thread that never finishes loading holds them for the start
 * limit, `WorkerCalls`' 60 s, and then is ended the same way.)
 */
const TIMEOUT_MS = 10_000

/**
 * A worker thread for the wait estimator. Estimating the whole queue takes a few milliseconds
 * and more on a busy day; on the event loop that would sit in front of every command arriving
 * meanwhile (the hub's p99 latency measured twice as long). The worker file is found beside
 * this module: `estimationWorker.js` in the built app, `estimationWorker.ts` (through tsx) in
 * development and tests. Without a worker file the estimation runs inline, with the same result.
 * Its messages are checked both ways (`estimationProtocol.ts`): a thread that crashes, stops or
 * answers out of protocol fails the estimates it owed with the reason, and is not restarted:
 * estimation goes on inline, slower for commands but never frozen.
 */
export class EstimationThread {
  private calls: WorkerCalls<EstimationJob, ThreadEstimates> | null

  constructor(options: EstimationThreadOptions) {
    const file = options.worker ?? { url: import.meta.url, name: 'estimationWorker' }
    const worker = startWorker(file.url, file.name)
    // A build that left the worker out still estimates, but slower for commands: say so once.
    if (worker === null)
      options.onProblem(
        `the estimation thread's file (${file.name}) is missing: estimates run on the hub's main thread`,
      )
    this.calls =
      worker === null
        ? null
        : new WorkerCalls(worker, {
            name: 'the estimation thread',
            parseAnswer: parseEstimationAnswer,
            onProblem: options.onProblem,
            timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
            ...(options.startTimeoutMs === undefined ? {} : { startTimeoutMs: options.startTimeoutMs }),
            onEnd: () => {
              this.calls = null
            },
          })
  }

  get threaded(): boolean {
    return this.calls !== null
  }

  run(job: EstimationJob): Promise<ThreadEstimates> {
    if (this.calls === null) return Promise.resolve(runEstimation(job))
    return this.calls.call(job)
  }

  async close(): Promise<void> {
    await this.calls?.end(new Error('the estimation thread was closed'))
  }
}
