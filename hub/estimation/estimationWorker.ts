// The estimation thread: runs the wait estimator off the hub's event loop, so a command never
// waits behind an estimation (see estimationThread.ts). Its messages: estimationProtocol.ts.
// The estimator's working memory lives as long as the thread: one job at a time, each starting it afresh.
import { parentPort } from 'node:worker_threads'
import { estimateScratch } from '../../shared/estimate/estimateScratch'
import { answerRequests } from '../workerCalls'
import { parseEstimationRequest } from './estimationProtocol'
import { runEstimation, type EstimationJob } from './estimationJob'

const scratch = estimateScratch()
answerRequests(parentPort, parseEstimationRequest, (job: EstimationJob) => runEstimation(job, scratch))
