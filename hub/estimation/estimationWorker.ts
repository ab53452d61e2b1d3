// The estimation thread: runs the wait estimator off the hub's event loop, so a command never
// waits behind an estimation (see estimationThread.ts).
import { parentPort } from 'node:worker_threads'
import { runEstimation, type EstimationJob } from './estimationJob'
import { errorText } from '../../shared/util/errorText'

parentPort?.on('message', (m: { id: number; job: EstimationJob }) => {
  try {
    parentPort?.postMessage({ id: m.id, result: runEstimation(m.job) })
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: errorText(e) })
  }
})
