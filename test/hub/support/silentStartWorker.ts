// An estimation worker written by hand: it answers every request properly but never says it has
// started. For test/hub/workerProtocol.test.ts: its first answer must count as its start.
import { parentPort } from 'node:worker_threads'
import { runEstimation, type EstimationJob } from '../../../hub/estimation/estimationJob'

parentPort?.on('message', (m: { id: number; request: EstimationJob }) => {
  parentPort?.postMessage({ id: m.id, result: runEstimation(m.request) })
})
