import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
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

/** A stand-in for HQ on loopback: refuses the branch's token (401) while `revoked`, else takes everything. */
async function fakeHq(): Promise<{ url: string; asked: string[]; hq: { revoked: boolean } }> {
  const asked: string[] = []
  const state = { revoked: true }
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    req.resume()
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      if (state.revoked) {
        res.writeHead(401)
        res.end('{"code":"unauthenticated","message":"this branch token was revoked"}')
      } else if (req.url?.endsWith('/config')) res.end('{"stored":true}')
      else res.end(JSON.stringify(ACK))
    })
  })
  hq = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, hq: state }
}

const TOKEN = 'branch-token-0123456789abcdef'

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
    dir = await mkdtemp(join(tmpdir(), 'branch-lobby-refused-'))
    const said: (string | null)[] = []
    const logged: string[] = []
    const shipper = new Shipper({
      journals: new JournalFolder(nodeFileSystem, dir),
      link: new HqLink(url, TOKEN),
      cursorFile: new CursorFile(nodeFileSystem, join(dir, 'replication.json')),
      cursor: freshCursor(url),
      committed: () => ({ seq: 0, day: null }),
      reportConfig: () => ({ branch: TEST_BRANCH, utcOffsetMinutes: 480, staff: [] }),
      summaries: () => [],
      feedback: () => [],
      now: () => Date.now(),
      log: (_level, message) => logged.push(message),
      onRefused: (refusal) => said.push(refusal),
      heartbeatMs: 60_000,
      backoff: () => 20,
    })
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
      await vi.waitFor(() => expect(asked.at(-1)).toMatch(/config$/), { timeout: 10_000 })
      // Ended once, not at every message taken afterwards.
      expect(said.filter((s) => s === null)).toHaveLength(1)
    } finally {
      await shipper.stop()
    }
  })
})
