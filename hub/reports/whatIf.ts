import type { Static } from 'typebox'
import { startWorker } from '../workerFile'
import { CallTimedOut, WorkerCalls } from '../workerCalls'
import { parseWhatIfAnswer, type WhatIfAnswerSchema, type WhatIfRequestSchema } from './simulationProtocol'

const LIMIT_MS = 60_000

/**
 * A what-if the simulator did not finish within its time limit: the scenario is too big a day
 * for this PC (the thread was ended and the next what-if starts a fresh one).
 */
export class ScenarioTooSlow extends Error {
  constructor(readonly limitMs: number) {
    super(`the simulation took longer than the ${limitMs / 1000} s a what-if may take`)
    this.name = 'ScenarioTooSlow'
  }
}

/** A what-if's answer, and whether the simulator had that very day (scenario and seed) already. */
export type WhatIfAnswer = Static<typeof WhatIfAnswerSchema>
type WhatIfRequest = Static<typeof WhatIfRequestSchema>

export interface SimulatorOptions {
  /** The worker file, found beside `url` (tests start one that misbehaves). Default: `simulationWorker`. */
  readonly worker?: { readonly url: string; readonly name: string }
  /** How long one what-if may take once the thread has started (default 60 s; tests pass a tiny one). */
  readonly limitMs?: number
  /**
   * Where a breach of the protocol is logged: the owner's own log (a hub's, `startHub.ts`). The
   * what-if the breach broke fails with the same words whether or not there is a log.
   */
  readonly onProblem?: (message: string) => void
}

/**
 * Runs scenarios through the simulator on a thread of its own ("what if we had opened a fourth
 * counter at 10:00?"), answering the simulated day's summary and KPIs, or the scenario's
 * problems field by field. The thread is started by the first what-if and kept for the next
 * (a what-if of a 2,000-ticket day takes well under a second; `bench/whatIf.bench.ts`); one over
 * the limit, a crash or an answer out of protocol (`simulationProtocol.ts`) ends it, failing
 * what it owed with the reason, and the next what-if starts a fresh one. The thread keeps the
 * last few days it simulated (`recentRuns.ts`): today's scenario, run beside every change, is
 * simulated once. Each owner has its own simulator, thread and log: a hub keeps one in its
 * context, so two hubs in one process never log each other's breaches.
 */
export class Simulator {
  private calls: WorkerCalls<WhatIfRequest, WhatIfAnswer> | null = null

  constructor(private readonly options: SimulatorOptions = {}) {}

  /** Rejects with `ScenarioTooSlow` for a what-if over the time limit. */
  run(scenario: unknown, seed: number): Promise<WhatIfAnswer> {
    const calls = this.thread()
    if (calls === null) return Promise.reject(new Error('the simulator is not installed with this hub'))
    return calls.call({ scenario, seed }).catch((e: unknown) => {
      throw e instanceof CallTimedOut ? new ScenarioTooSlow(e.limitMs) : e
    })
  }

  /** Ends the kept thread (a benchmark or a test that is done with it); the next what-if starts another. */
  stop(): Promise<void> {
    return this.calls?.end(new Error('the simulator was stopped')) ?? Promise.resolve()
  }

  private thread(): WorkerCalls<WhatIfRequest, WhatIfAnswer> | null {
    if (this.calls !== null) return this.calls
    const file = this.options.worker ?? { url: import.meta.url, name: 'simulationWorker' }
    const worker = startWorker(file.url, file.name)
    if (worker === null) return null
    const calls: WorkerCalls<WhatIfRequest, WhatIfAnswer> = new WorkerCalls(worker, {
      name: 'the simulator',
      parseAnswer: parseWhatIfAnswer,
      onProblem: (message) => this.options.onProblem?.(message),
      onEnd: () => {
        if (this.calls === calls) this.calls = null
      },
      timeoutMs: this.options.limitMs ?? LIMIT_MS,
    })
    this.calls = calls
    return calls
  }
}
