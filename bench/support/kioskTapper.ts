import { Worker } from 'node:worker_threads'

/**
 * A kiosk tapping on a thread of its own: a ticket every `everyMs` over HTTP, each tap's round
 * trip timed on the tapper's own event loop, so a hub whose loop is held is seen waiting as a
 * kiosk in another process sees it (a tapper on the hub's loop would only tap between holds).
 */
export class KioskTapper {
  private readonly worker: Worker

  constructor(url: string, token: string, everyMs: number, keyPrefix: string) {
    this.worker = new Worker(TAPPER, { eval: true, workerData: { url, token, everyMs, keyPrefix } })
  }

  /** Stops tapping; the round trips of the taps made, in ms. */
  stop(): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', (m: { taps: number[] } | { error: string }) => {
        void this.worker.terminate()
        if ('error' in m) reject(new Error(m.error))
        else resolve(m.taps)
      })
      this.worker.postMessage('stop')
    })
  }
}

const TAPPER = `
const { parentPort, workerData } = require('node:worker_threads')
const { url, token, everyMs, keyPrefix } = workerData
const taps = []
let stopping = false
let n = 0
parentPort.on('message', () => (stopping = true))
async function tap() {
  const t0 = performance.now()
  const res = await fetch(url + '/api/v1/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
    body: JSON.stringify({ serviceId: 'personal', priorityClassId: null, language: 'en', appointmentAt: null, idempotencyKey: keyPrefix + '-' + n++ }),
  })
  const body = await res.text()
  if (res.status !== 200) throw new Error('a ticket was refused: ' + res.status + ' ' + body)
  taps.push(performance.now() - t0)
}
;(async () => {
  while (!stopping) {
    await tap()
    await new Promise((r) => setTimeout(r, everyMs))
  }
  parentPort.postMessage({ taps })
})().catch((e) => parentPort.postMessage({ error: String(e) }))
`
