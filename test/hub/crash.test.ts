import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { QueueSnapshot, SessionView, TicketReceipt } from '../../shared/api/views'
import { invariantViolations } from '../../shared/queue/invariants'
import { seededRng } from '../../shared/sim/random'
import { aheadToMorning } from './support/morningClock'

const CHILD = join(import.meta.dirname, 'support', 'childHub.ts')
/** Every child hub of this file reads the same clock: 10:00 at the branch when the file began. */
const AHEAD = aheadToMorning()

let dir = ''
afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  // One process (node with tsx's loader), so SIGKILL kills the hub itself, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, String(AHEAD)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`child hub did not start: ${err}`)), 30_000)
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d)
      const m = /READY (\S+)/.exec(out)
      if (m?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ child, url: m[1] })
      }
    })
    child.stderr?.on('data', (d: Buffer) => (err += String(d)))
    child.on('exit', (code) => reject(new Error(`child hub exited ${code}: ${err}`)))
  })
}

async function call<T>(
  url: string,
  method: string,
  path: string,
  body: unknown,
  token: string | null,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: body === undefined ? null : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

describe('crash safety', () => {
  it('keeps every acknowledged command through SIGKILLs at random moments under load', async () => {
    dir = await mkdtemp(join(tmpdir(), 'branch-lobby-crash-'))
    const rng = seededRng(20261124)
    let { child, url } = await startChild(dir)
    const signIn = async (u: string, staffId: string, pin: string, counterId: string | null) =>
      (await call<SessionView>(u, 'POST', '/api/v1/sessions', { staffId, pin, counterId }, null)).body.token
    let manager = await signIn(url, 'm01', '9999', null)
    const code = await call<{ code: string }>(
      url,
      'POST',
      '/api/v1/pairing-codes',
      { role: 'kiosk', name: 'crash kiosk' },
      manager,
    )
    const kiosk = (await call<SessionView>(url, 'POST', '/api/v1/pair', { code: code.body.code }, null)).body.token

    const acked = new Map<string, string>() // idempotency key → ticket number
    const unanswered: string[] = []
    const ackedSeqs = new Set<number>()
    let n = 0
    for (let round = 0; round < 5; round++) {
      const teller = await signIn(url, 't01', '1111', 'c1')
      await call(url, 'POST', '/api/v1/counters/c1/open', {}, teller)
      let running = true
      const issuer = async () => {
        while (running) {
          const key = `crash-key-${++n}`
          try {
            const r = await call<TicketReceipt>(
              url,
              'POST',
              '/api/v1/tickets',
              {
                serviceId: 'personal',
                priorityClassId: null,
                language: 'zh-CN',
                appointmentAt: null,
                idempotencyKey: key,
              },
              kiosk,
            )
            if (r.status === 200) acked.set(key, r.body.number)
          } catch {
            unanswered.push(key)
            return
          }
        }
      }
      const counter = async () => {
        while (running) {
          try {
            for (const verb of ['call-next', 'start', 'complete']) {
              const r = await call<{ event?: { seq: number } }>(
                url,
                'POST',
                `/api/v1/counters/c1/${verb}`,
                verb === 'complete' ? { completedServiceId: null } : {},
                teller,
              )
              if (r.status === 200 && r.body.event !== undefined) ackedSeqs.add(r.body.event.seq)
            }
          } catch {
            return
          }
        }
      }
      const load = Promise.all([issuer(), issuer(), issuer(), counter()])
      await new Promise((r) => setTimeout(r, 150 + rng.next() * 600))
      child.kill('SIGKILL')
      running = false
      await load
      ;({ child, url } = await startChild(dir))
      manager = await signIn(url, 'm01', '9999', null)
      const snap = (await call<QueueSnapshot>(url, 'GET', '/api/v1/queue', undefined, manager)).body
      expect(invariantViolations(snap.state)).toEqual([])
      const all = [...snap.state.open, ...snap.state.done]
      const numbers = new Set(all.map((t) => t.number))
      for (const [key, number] of acked) expect(numbers.has(number), `acknowledged ${key} → ${number}`).toBe(true)
      for (const seq of ackedSeqs) expect(seq).toBeLessThanOrEqual(snap.state.lastSeq)
      // The counter's work survived too: every acknowledged call/start/complete is in the log.
      const events = (
        await call<{ events: { seq: number }[] }>(url, 'GET', '/api/v1/events?since=0', undefined, manager)
      ).body.events
      const logged = new Set(events.map((e) => e.seq))
      for (const seq of ackedSeqs) expect(logged.has(seq), `acknowledged event ${seq}`).toBe(true)
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1))
      // A request cut off by the kill was either committed whole or not at all: retrying its key
      // gives one ticket either way, never a second.
      for (const key of unanswered.splice(0)) {
        const again = await call<TicketReceipt>(
          url,
          'POST',
          '/api/v1/tickets',
          { serviceId: 'personal', priorityClassId: null, language: 'zh-CN', appointmentAt: null, idempotencyKey: key },
          kiosk,
        )
        expect(again.status).toBe(200)
        acked.set(key, again.body.number)
      }
      const after = (await call<QueueSnapshot>(url, 'GET', '/api/v1/queue', undefined, manager)).body.state
      const count = [...after.open, ...after.done].length
      expect(count).toBe(new Set(acked.values()).size)
    }
    expect(acked.size).toBeGreaterThan(50)
    child.kill('SIGKILL')
  }, 180_000)
})
