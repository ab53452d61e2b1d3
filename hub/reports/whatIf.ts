import type { Worker } from 'node:worker_threads'
import type { WhatIfResult } from '../../shared/api/views'
import { startWorker } from '../workerFile'

const LIMIT_MS = 60_000

/** A what-if's answer, and whether the simulator had that very day (scenario and seed) already. */
export interface WhatIfAnswer {
  readonly result: WhatIfResult
  readonly fromCache: boolean
}

interface Pending {
  readonly resolve: (r: WhatIfAnswer) => void
  readonly reject: (e: Error) => void
  readonly timer: ReturnType<typeof setTimeout>
}

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, Pending>()

/** Ends the simulator thread and fails what it was doing (a run over the limit, a crash, the hub closing). */
function stop(reason: Error): void {
  const w = worker
  worker = null
  for (const p of pending.values()) {
    clearTimeout(p.timer)
    p.reject(reason)
  }
  pending.clear()
  if (w !== null) void w.terminate()
}

/** Ends the kept simulator thread (a benchmark or a test that is done with it); the next what-if starts another. */
export function stopSimulator(): void {
  stop(new Error('the simulator was stopped'))
}

function simulator(): Worker | null {
  if (worker !== null) return worker
  const w = startWorker(import.meta.url, 'simulationWorker')
  if (w === null) return null
  // An idle simulator never keeps the hub's process alive.
  w.unref()
  w.on('message', (m: { id: number; result: WhatIfResult; fromCache: boolean }) => {
    const p = pending.get(m.id)
    if (p === undefined) return
    pending.delete(m.id)
    clearTimeout(p.timer)
    p.resolve({ result: m.result, fromCache: m.fromCache })
  })
  w.on('error', (e) => stop(e))
  w.on('exit', () => {
    if (worker === w) stop(new Error('the simulator stopped'))
  })
  worker = w
  return w
}

/**
 * Runs a scenario through the simulator on its own thread ("what if we had opened a fourth
 * counter at 10:00?"), answering the simulated day's summary and KPIs, or the scenario's
 * problems field by field. The thread is started by the first what-if and kept for the next
 * (a what-if of a 2,000-ticket day takes well under a second; `bench/whatIf.bench.ts`); one over
 * the limit ends it, and the next starts a fresh one. The thread keeps the last few days it
 * simulated (`recentRuns.ts`): today's scenario, run beside every change, is simulated once.
 */
export function runWhatIf(scenario: unknown, seed: number): Promise<WhatIfAnswer> {
  return new Promise((resolve, reject) => {
    const w = simulator()
    if (w === null) {
      reject(new Error('the simulator is not installed with this hub'))
      return
    }
    const id = nextId++
    const timer = setTimeout(() => stop(new Error(`the simulation took longer than ${LIMIT_MS / 1000} s`)), LIMIT_MS)
    pending.set(id, { resolve, reject, timer })
    w.postMessage({ id, scenario, seed })
  })
}
