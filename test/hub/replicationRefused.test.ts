import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { HqLink } from '../../hub/replication/hqLink'
import { CursorFile, freshCursor } from '../../hub/replication/replicationCursor'
import { Shipper } from '../../hub/replication/shipper'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { branchDataDir } from '../hq/support/branchHub'
import { TEST_BRANCH } from '../shared/support/testBranch'
import { HubFixture } from './support/hubFixture'

/**
 * HQ refusing a branch in a way retrying will not change (its token revoked): the log says it at
 * the first and every twentieth failure, so the hub holds it as a standing problem the manager
 * sees until HQ takes a message again.
 */

let hub: HubFixture | null = null
let hq: Server | null = null
let dir: string | null = null
afterEach(async () => {
  await hub?.stop()
  hub = null
  await new Promise<void>((resolve) => (hq === null ? resolve() : hq.close(() => resolve())))
  hq = null
  if (dir !== null) await rm(dir, { recursive: true, force: true })
  dir = null
})

const ACK = { stored: 0, lastSeq: null, expectedSeq: null }

/**
 * A stand-in for HQ on loopback: refuses the branch's token (401) while `revoked`, and a batch of
 * events (422) while `noEvents`; else takes everything.
 */
async function fakeHq(): Promise<{ url: string; asked: string[]; hq: { revoked: boolean; noEvents: boolean } }> {
  const asked: string[] = []
  const state = { revoked: true, noEvents: false }
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    req.resume()
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (state.revoked) {
        res.writeHead(401)
        res.end('{"code":"unauthenticated","message":"this branch token was revoked"}')
      } else if (state.noEvents && req.url?.endsWith('/events')) {
        res.writeHead(422)
        res.end('{"code":"invalid","message":"a record HQ will not take"}')
      } else if (req.url?.endsWith('/config')) res.end('{"stored":true}')
      else res.end(JSON.stringify(ACK))
    })
  })
  hq = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, hq: state }
}

const TOKEN = 'branch-token-0123456789abcdef'

/** A shipper of a journal of three events to `url`, retrying every 20 ms, and what it said. */
async function shipperTo(
  url: string,
  o: { heartbeatMs: number },
): Promise<{ shipper: Shipper; said: (string | null)[]; logged: string[] }> {
  dir = await mkdtemp(join(tmpdir(), 'branch-lobby-refused-'))
  await mkdir(join(dir, 'journal'))
  const line = (seq: number) =>
    `${JSON.stringify({ e: { type: 'ticketCancelled', ticketId: `t${seq}`, seq, at: 1000 + seq }, m: { actor: { kind: 'system', reason: 'x' } } })}\n`
  await writeFile(join(dir, 'journal', '2026-11-24.jsonl'), [1, 2, 3].map(line).join(''))
  const said: (string | null)[] = []
  const logged: string[] = []
  const shipper = new Shipper({
    journals: new JournalFolder(nodeFileSystem, join(dir, 'journal')),
    link: new HqLink(url, TOKEN),
    cursorFile: new CursorFile(nodeFileSystem, join(dir, 'replication.json')),
    cursor: freshCursor(url),
    committed: () => ({ seq: 3, day: '2026-11-24' }),
    replayed: { seq: 3, day: '2026-11-24' },
    reportConfig: () => ({ branch: TEST_BRANCH, utcOffsetMinutes: 480, staff: [] }),
    summaries: () => [],
    feedback: () => [],
    now: () => Date.now(),
    log: (_level, message) => logged.push(message),
    warn: (_level, _event, _facts, message) => logged.push(message),
    onRefused: (refusal) => said.push(refusal),
    heartbeatMs: o.heartbeatMs,
    lingerMs: 10,
    backoff: () => 20,
  })
  return { shipper, said, logged }
}

describe('HQ refusing the branch', () => {
  it("stands on the hub's health, with HQ's words, however often the shipper retries", async () => {
    const { url } = await fakeHq()
    hub = await HubFixture.start({}, await branchDataDir(url, TOKEN))
    const manager = await hub.manager()
    const status = async () =>
      (await (hub as HubFixture).request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body
    await vi.waitFor(async () => expect((await status()).standing.map((p) => p.what)).toEqual(['replicationRefused']), {
      timeout: 10_000,
    })
    const [refused] = (await status()).standing
    expect(refused?.detail).toBe('shipping to HQ: HQ refused (401 unauthenticated): this branch token was revoked')
    expect(refused?.since).toBe(hub.clock.now())
  })

  it('is said at each refusal and ended once HQ takes a message again', async () => {
    const { url, asked, hq: state } = await fakeHq()
    const { shipper, said, logged } = await shipperTo(url, { heartbeatMs: 60_000 })
    shipper.start()
    try {
      await vi.waitFor(() => expect(said.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 })
      expect(new Set(said)).toEqual(
        new Set(['shipping to HQ: HQ refused (401 unauthenticated): this branch token was revoked']),
      )
      // The log keeps to its first line (and every twentieth); the standing state is what stays.
      expect(logged.length).toBeLessThan(said.length)
      state.revoked = false
      await vi.waitFor(() => expect(said.at(-1)).toBeNull(), { timeout: 10_000 })
      await vi.waitFor(() => expect(asked.at(-1)).toMatch(/events$/), { timeout: 10_000 })
      // Ended once, not at every message taken afterwards.
      expect(said.filter((s) => s === null)).toHaveLength(1)
    } finally {
      await shipper.stop()
    }
  })

  it('of one kind of message stands while HQ takes heartbeats, from the first refusal, until that kind is taken', async () => {
    const { url, asked, hq: state } = await fakeHq()
    state.revoked = false
    state.noEvents = true
    // Heartbeats every 30 ms against retries every 20: between two refusals a heartbeat is taken.
    const { shipper, said, logged } = await shipperTo(url, { heartbeatMs: 30 })
    shipper.start()
    try {
      await vi.waitFor(() => expect(asked.filter((p) => p.endsWith('/heartbeat')).length).toBeGreaterThanOrEqual(5), {
        timeout: 10_000,
      })
      expect(said.length).toBeGreaterThanOrEqual(3)
      expect(said).not.toContain(null)
      expect(said[0]).toBe('shipping to HQ: HQ refused (422 invalid): a record HQ will not take')
      // and the log says it once, however many heartbeats are taken between the refusals
      expect(logged).toEqual(['shipping to HQ: HQ refused (422 invalid): a record HQ will not take'])
      state.noEvents = false
      await vi.waitFor(() => expect(said.at(-1)).toBeNull(), { timeout: 10_000 })
      expect(said.filter((s) => s === null)).toHaveLength(1)
    } finally {
      await shipper.stop()
    }
  })
})
