import type { Worker } from 'node:worker_threads'
import { runEstimation, type EstimationJob, type RawEstimates } from './estimationJob'
import { startWorker } from '../workerFile'

type Pending = { resolve: (r: RawEstimates) => void; reject: (e: Error) => void }

/**
 * A worker thread for the wait estimator. Estimating the whole queue takes a few milliseconds
 * and more on a busy day; on the event loop that would sit in front of every command arriving
 * meanwhile (the hub's p99 latency measured twice as long). The worker file is found beside
 * this module: `estimationWorker.js` in the built app, `estimationWorker.ts` (through tsx) in
 * development and tests. Without a worker file the estimation runs inline, with the same result.
 */
export class EstimationThread {
  private worker: Worker | null
  private readonly pending = new Map<number, Pending>()
  private nextId = 0

  constructor() {
    this.worker = startWorker(import.meta.url, 'estimationWorker')
    this.worker?.on('message', (m: { id: number; result?: RawEstimates; error?: string }) => {
      const p = this.pending.get(m.id)
      this.pending.delete(m.id)
      if (this.pending.size === 0) this.worker?.unref()
      if (m.result !== undefined) p?.resolve(m.result)
      else p?.reject(new Error(m.error ?? 'estimation failed'))
    })
    this.worker?.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e)
      this.pending.clear()
    })
    this.worker?.on('exit', () => {
      // A thread that died (an out-of-memory, a bug) is not restarted: estimation goes on inline,
      // slower for commands but never frozen.
      this.worker = null
      for (const p of this.pending.values()) p.reject(new Error('the estimation thread stopped'))
      this.pending.clear()
    })
    this.worker?.unref()
  }

  get threaded(): boolean {
    return this.worker !== null
  }

  run(job: EstimationJob): Promise<RawEstimates> {
    if (this.worker === null) return Promise.resolve(runEstimation(job))
    const id = this.nextId++
    // Keep the process alive while an answer is owed; idle, the thread never holds it open.
    this.worker.ref()
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker?.postMessage({ id, job })
    })
  }

  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    await w?.terminate()
  }
}
