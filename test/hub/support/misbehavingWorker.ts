// A hub worker thread that breaks its protocol on request, for test/hub/workerProtocol.test.ts.
// It speaks both protocols: an estimation job (`{ now, … }`) and a what-if (`{ scenario, seed }`).
// A job with a negative `now`, or a what-if whose scenario is one of the words below, asks for
// the misbehaviour of that name; anything else is answered properly.
import { parentPort } from 'node:worker_threads'
import { runEstimation, type EstimationJob } from '../../../hub/estimation/estimationJob'
import { sayStarted } from '../../../hub/workerCalls'

const MODES = ['fine', 'garbage', 'wrongShape', 'unknownId', 'crash', 'throws', 'hang'] as const

function modeOf(request: Record<string, unknown>): (typeof MODES)[number] {
  if (typeof request.scenario === 'string') return MODES.find((m) => m === request.scenario) ?? 'fine'
  const now = request.now
  return typeof now === 'number' && now < 0 ? (MODES[-now] ?? 'fine') : 'fine'
}

function properly(request: Record<string, unknown>): unknown {
  if ('scenario' in request)
    return { result: { ok: false, problems: [{ field: 'x', message: 'y' }] }, fromCache: false }
  return runEstimation(request as unknown as EstimationJob)
}

parentPort?.on('message', (m: { id: number; request: Record<string, unknown> }) => {
  const { id, request } = m
  const mode = modeOf(request)
  switch (mode) {
    case 'garbage':
      parentPort?.postMessage('{"not": "an answer"}')
      return
    case 'wrongShape':
      parentPort?.postMessage({
        id,
        result: 'scenario' in request ? { result: 'none', fromCache: false } : { tickets: 'none', newTicket: {} },
      })
      return
    case 'unknownId':
      parentPort?.postMessage({ id: id + 1000, error: 'an answer to nobody' })
      return
    case 'crash':
      setImmediate(() => {
        throw new Error('the worker fell over')
      })
      return
    case 'throws':
      parentPort?.postMessage({ id, error: 'the job could not be done' })
      return
    case 'hang':
      return
    case 'fine':
      parentPort?.postMessage({ id, result: properly(request) })
      return
  }
})
sayStarted(parentPort)
