// Runs the estimator's budget case inside a worker thread, as the hub's estimation thread runs it
// (started by estimate.bench.ts), and posts the times back.
import { parentPort } from 'node:worker_threads'
import { timeBudget } from './estimateBudget'

parentPort?.postMessage(timeBudget())
