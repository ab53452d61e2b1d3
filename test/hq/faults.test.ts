import type { ChildProcess } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../hq/db/openDb'
import { Registry } from '../../hq/store/registry'
import type { BranchStatus, ReplicationAck } from '../../shared/hq/views'
import { addDays, localDate } from '../../shared/domain/localTime'
import { seededRng } from '../../shared/sim/random'
import { BranchWorkload, type Call } from './support/branchWorkload'
import { branchDataDir } from './support/branchHub'
import { kill, startChild } from './support/childProcess'
import { PASSWORD } from './support/hqFixture'
import { freePort, PostgresServer } from './support/postgresServer'
import { expectSameFiguresSoon, waitUntilLevel } from './support/sameFigures'

/**
 * Real processes, real faults: HQ (a child process on a PostgreSQL server) and two branch hubs
 * (child processes with their own data folders) are stopped and SIGKILLed while batches are in
 * flight; HQ is away for a whole simulated business day; a stray client replays old batches
 * twice and out of order. Afterwards HQ's figures of each branch equal the branch's own.
 */
const HQ_CLI = join(import.meta.dirname, '..', '..', 'hq', 'cli.ts')
const BRANCH = join(import.meta.dirname, 'support', 'childBranch.ts')
const BRANCHES = ['b1', 'b2'] as const
const DAY = 86_400_000
const rng = seededRng(20261205)

const http =
  (base: () => string): Call =>
  async <T>(method: string, path: string, body?: unknown, token?: string | null) => {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token != null) headers.authorization = `Bearer ${token}`
    const res = await fetch(`${base()}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T }
  }

/** 10:00 in Beijing on a date, as epoch ms. */
const tenAm = (date: string) => Date.parse(`${date}T10:00:00Z`) - 8 * 3600_000

describe('replication through faults (real processes, PostgreSQL)', () => {
  let pg: PostgresServer
  let dbUrl = ''
  let port = 0
  let hqProc: ChildProcess | null = null
  const hqCall = http(() => `http://127.0.0.1:${port}`)
  const tokens: Record<string, string> = {}
  const dirs: Record<string, string> = {}
  const hubs: Record<string, { child: ChildProcess; url: string }> = {}
  const work: Record<string, BranchWorkload> = {}
  const yesterday = localDate(Date.now() - DAY, 480)
  const today = addDays(yesterday, 1)
  let headOffice = ''

  const startHq = async () => {
    hqProc = (await startChild(HQ_CLI, ['--db', dbUrl, '--port', String(port), '--renderer', 'none', '--quiet'])).child
  }
  const stopHq = async (signal: NodeJS.Signals) => {
    if (hqProc !== null) await kill(hqProc, signal)
    hqProc = null
  }
  const startBranch = async (b: string, date: string) => {
    hubs[b] = await startChild(BRANCH, [dirs[b] as string], { CLOCK_START: String(tenAm(date)) })
    work[b] = await BranchWorkload.start(branchCall(b), `${b}-${date}-${Date.now()}`)
  }
  const branchCall = (b: string) => http(() => hubs[b]?.url ?? '')

  beforeAll(async () => {
    pg = await PostgresServer.start()
    dbUrl = await pg.createDatabase('hq_faults')
    port = await freePort()
    const db = await openDb({ kind: 'postgres', url: dbUrl })
    const reg = new Registry(db, Date.now)
    await reg.addRegion('east', { 'zh-CN': '华东', en: 'East' })
    await reg.addUser({ id: 'ho', name: 'Head office', role: 'headOffice', regionId: null }, PASSWORD)
    for (const b of BRANCHES) {
      await reg.addBranch(b, { 'zh-CN': b, en: b }, 'east')
      tokens[b] = (await reg.issueToken(b, 'fault test')).token
    }
    await db.close()
    await startHq()
    headOffice = (await hqCall<{ token: string }>('POST', '/api/hq/v1/sessions', { userId: 'ho', password: PASSWORD }))
      .body.token
    for (const b of BRANCHES) {
      dirs[b] = await branchDataDir(`http://127.0.0.1:${port}`, tokens[b] as string)
      await startBranch(b, yesterday)
      await work[b]?.openCounters()
    }
  }, 180_000)

  afterAll(async () => {
    for (const h of Object.values(hubs)) await kill(h.child)
    await stopHq('SIGKILL')
    for (const d of Object.values(dirs)) await rm(d, { recursive: true, force: true })
    await pg?.stop()
  })

  it('keeps every branch serving while HQ is stopped for a whole simulated day', async () => {
    await Promise.all(BRANCHES.map((b) => work[b]?.customers(5)))
    await stopHq('SIGTERM')
    // HQ is away: the rest of yesterday, then the branches restart into today (yesterday closes
    // at its end) and serve on. Every command is answered by the branch itself.
    await Promise.all(BRANCHES.map((b) => work[b]?.customers(40)))
    for (const b of BRANCHES) {
      await kill(hubs[b]?.child as ChildProcess, 'SIGTERM')
      await startBranch(b, today)
      await work[b]?.openCounters()
    }
    await Promise.all(BRANCHES.map((b) => work[b]?.customers(15)))
    const health = await branchCall('b1')<{ day: string }>('GET', '/api/v1/health')
    expect(health.body.day).toBe(today)
  }, 240_000)

  it('catches up through HQ killed mid-batch, a branch killed mid-batch, and repeated, reordered batches', async () => {
    const progress: number[] = []
    for (let i = 0; i < 3; i++) {
      await startHq()
      await new Promise((r) => setTimeout(r, 300 + rng.next() * 700))
      await stopHq('SIGKILL')
      await startHq()
      const status = await hqCall<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice)
      progress.push(status.body.reduce((s, x) => s + (x.lastSeq ?? 0), 0))
      await stopHq('SIGKILL')
    }
    await startHq()
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 200 + rng.next() * 600))
      await kill(hubs.b1?.child as ChildProcess)
      await startBranch('b1', today)
    }
    // A stray client replays b2's yesterday in batches of 50, each twice, in shuffled order.
    const lines = (await readFile(join(dirs.b2 as string, 'journal', `${yesterday}.jsonl`), 'utf8')).trim().split('\n')
    const batches = Array.from({ length: Math.ceil(lines.length / 50) }, (_, i) => lines.slice(i * 50, i * 50 + 50))
    const order = [...batches, ...batches].map((x) => ({ x, k: rng.next() })).sort((a, b) => a.k - b.k)
    for (const { x } of order) {
      const r = await hqCall<ReplicationAck>(
        'POST',
        '/api/hq/v1/replication/events',
        { day: yesterday, records: x.map((l) => JSON.parse(l)) },
        tokens.b2,
      )
      expect(r.status).toBe(200)
    }
    for (const b of BRANCHES) await waitUntilLevel(hqCall, headOffice, branchCall(b), b, 120_000)
    expect(progress.some((p) => p > 0)).toBe(true)
  }, 300_000)

  it("ends with HQ's figures of every branch equal to the branch's own", async () => {
    for (const b of BRANCHES) {
      await expectSameFiguresSoon(hqCall, headOffice, branchCall(b), work[b]?.manager as string, b, [yesterday])
    }
    const status = await hqCall<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice)
    expect(status.body.map((s) => [s.branch.id, s.behindEvents, s.gaps])).toEqual([
      ['b1', 0, 0],
      ['b2', 0, 0],
    ])
  }, 120_000)
})
