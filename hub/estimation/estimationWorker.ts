// The estimation thread: runs the wait estimator off the hub's event loop, so a command never
// waits behind an estimation (see estimationThread.ts). Its messages: estimationProtocol.ts.
import { parentPort } from 'node:worker_threads'
import { answerRequests } from '../workerCalls'
import { parseEstimationRequest } from './estimationProtocol'
import { runEstimation } from './estimationJob'

answerRequests(parentPort, parseEstimationRequest, runEstimation)
