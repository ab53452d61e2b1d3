import type { WhatIfResult } from '../../shared/api/views'
import { startWorker } from '../workerFile'

const LIMIT_MS = 60_000

/**
 * Runs a scenario through the simulator on its own thread ("what if we had opened a fourth
 * counter at 10:00?"), answering the simulated day's summary and KPIs, or the scenario's
 * problems field by field.
 */
export function runWhatIf(scenario: unknown, seed: number): Promise<WhatIfResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'simulationWorker', { scenario, seed })
    if (worker === null) {
      reject(new Error('the simulator is not installed with this hub'))
      return
    }
    const timer = setTimeout(() => {
      void worker.terminate()
      reject(new Error(`the simulation took longer than ${LIMIT_MS / 1000} s`))
    }, LIMIT_MS)
    worker.once('message', (m: WhatIfResult) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(m)
    })
    worker.once('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}
