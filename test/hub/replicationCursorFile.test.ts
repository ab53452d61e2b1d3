import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { RECENT_WARNINGS } from '../../hub/log/warningRing'
import { branchDataDir } from '../hq/support/branchHub'
import { HubFixture } from './support/hubFixture'

/**
 * `replication.json`, the HQ shipper's cursor, on real files under a real hub: a cursor from a
 * newer release (this one was installed back) is refused and left as it is, as every stored
 * file of the hub is; a damaged one still only makes the shipper start over.
 */

let hub: HubFixture | null = null
let hq: Server | null = null
afterEach(async () => {
  await hub?.stop()
  hub = null
  await new Promise<void>((resolve) => (hq === null ? resolve() : hq.close(() => resolve())))
  hq = null
})

/** A stand-in for HQ on loopback: records every path asked, answers 503 (busy) so nothing moves on. */
async function fakeHq(): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = []
  const server = createServer((req, res) => {
    asked.push(req.url ?? '')
    req.resume()
    req.on('end', () => {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end('{"error":"busy","message":"busy"}')
    })
  })
  hq = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked }
}

const TOKEN = 'branch-token-0123456789abcdef'
/**
 * Time a started shipper's first heartbeat takes to reach HQ on loopback (the damaged cursor's
 * case below waits for it): what a shipper that did not start is given to show it did not.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

describe('replication.json', () => {
  it('of a newer format: shipping does not start, the error is logged for the manager, the file is left as it is', async () => {
    const { url, asked } = await fakeHq()
    const dir = await branchDataDir(url, TOKEN)
    const file = join(dir, 'replication.json')
    const newer = `${JSON.stringify({ version: 2, hqUrl: url, day: '2026-12-01', offset: 120, shippedBy: 'a newer release' }, null, 2)}\n`
    await writeFile(file, newer)
    hub = await HubFixture.start({}, dir)
    // The branch works as before.
    expect((await hub.request('GET', '/api/v1/queue', undefined, await hub.manager())).status).toBe(200)
    await settle()
    expect(asked).toEqual([])
    const shown = hub.hub.context.warnings.recent().filter((w) => w.event === 'replication.notStarted')
    expect(shown).toMatchObject([{ level: 'error' }])
    expect(shown[0]?.message).toMatch(/^Not shipping to HQ: .*replication\.json: was written by a newer version/)
    expect(shown[0]?.message).toContain('format 2; this hub reads formats up to 1')
    // What HQ can still get later is bounded by the journals kept, and the message says so.
    expect(shown[0]?.message).toMatch(/closed days are kept \d+ days/)
    await hub.hub.close()
    expect(await readFile(file, 'utf8')).toBe(newer)
    expect((await readdir(dir)).filter((f) => f.startsWith('replication'))).toEqual(['replication.json'])
  })

  it("of a newer format: the hub's health says it stands until the hub starts without it, however many warnings follow", async () => {
    const { url, asked } = await fakeHq()
    const dir = await branchDataDir(url, TOKEN)
    const file = join(dir, 'replication.json')
    await writeFile(file, `${JSON.stringify({ version: 2, hqUrl: url, day: '2026-12-01', offset: 120 })}\n`)
    hub = await HubFixture.start({}, dir)
    const manager = await hub.manager()
    const status = async () =>
      (await (hub as HubFixture).request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body
    const notShipping = {
      what: 'replicationNotStarted',
      since: hub.clock.now(),
      detail: expect.stringMatching(/^Not shipping to HQ: .*replication\.json: was written by a newer version/),
    }
    expect((await status()).standing).toEqual([notShipping])
    // A busy day's warnings push the one-time log line out of the manager's list; the state stays.
    for (let i = 0; i < RECENT_WARNINGS; i++) hub.hub.context.log.warn({ event: 'test.filler' }, `filler ${i}`)
    const later = await status()
    expect(later.warnings.map((w) => w.event)).not.toContain('replication.notStarted')
    expect(later.standing).toEqual([notShipping])
    // The cause removed, the hub started again: shipping starts, and nothing stands any more.
    await rm(file)
    await hub.restart()
    await vi.waitFor(() => expect(asked).toContain('/api/hq/v1/replication/heartbeat'), { timeout: 15_000 })
    const fresh = await hub.manager()
    const after = await hub.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, fresh)
    // Only that this stand-in HQ answers 503 stands now: HQ failing, not shipping not started.
    expect(after.body.standing.map((p) => p.what)).toEqual(['replicationUnreachable'])
    expect(after.body.standing[0]?.detail).toContain('HQ refused (503')
  })

  it('damaged: the shipper starts over, saying so, and HQ is asked where to resume', async () => {
    const { url, asked } = await fakeHq()
    const dir = await branchDataDir(url, TOKEN)
    await writeFile(join(dir, 'replication.json'), '{"version": 1, "hqUrl": ')
    hub = await HubFixture.start({}, dir)
    await vi.waitFor(() => expect(asked).toContain('/api/hq/v1/replication/heartbeat'), { timeout: 15_000 })
    const warned = hub.hub.context.warnings.recent().filter((w) => w.event === 'replication.cursorInvalid')
    expect(warned.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^replication cursor: .*replication\.json: .*; starting over$/),
    )
    expect(hub.hub.context.warnings.recent().filter((w) => w.event === 'replication.notStarted')).toEqual([])
  })
})
