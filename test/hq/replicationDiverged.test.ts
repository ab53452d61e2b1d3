import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import { freshCursor } from '../../hub/replication/replicationCursor'
import { FakeClock } from '../hub/support/fakeClock'
import { HubFixture } from '../hub/support/hubFixture'
import { untilLogged } from '../hub/support/hubLogFile'
import { BranchWorkload, callOf, type Call } from './support/branchWorkload'
import { branchDataDir } from './support/branchHub'
import { DATABASE_KINDS, TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'
import { waitUntilLevel } from './support/sameFigures'

/**
 * A branch whose journal lost events HQ had already received (a power cut on a disk that
 * acknowledged a flush it had not done): the restarted hub numbers its new events with the lost
 * ones' seqs, so shipping on would make HQ keep the lost events and drop the new ones. The hub
 * stops shipping instead, loudly: on the manager's screen and in its log, HQ's copy untouched.
 */
describe.each(DATABASE_KINDS)('a branch whose journal lost events HQ holds, on %s', (kind) => {
  const dbs = new TestDatabases(kind)
  let hq: HqFixture
  let headOffice: string
  let tokens: Record<string, string>
  let hub: HubFixture
  const clock = new FakeClock()
  /** The seq the journal came back with after the power cut. */
  let replayed = 0
  const pause = async () => clock.advance(40)
  const hqCall: Call = (m, p, b, t) => callOf(hq)(m, p, b, t)
  const hubCall: Call = (m, p, b, t) => callOf(hub)(m, p, b, t)

  /** HQ's copy of the branch's events, every row as HQ stores it. */
  const hqEvents = async () =>
    hq.hq.context.db.query<{ day: string; seq: number; rec: unknown }>(
      `select day::text as day, seq, rec::text as rec from events
       where branch_id = (select id from branches where code = 'pudong') order by seq`,
    )
  const standing = async () => {
    const manager = await hub.manager()
    return (await hub.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body.standing
  }
  const branchSeq = async () => (await hub.request<{ seq: number }>('GET', '/api/v1/health')).body.seq

  beforeAll(async () => {
    hq = await HqFixture.start(await dbs.fresh())
    ;({ tokens, headOffice } = await hq.seed({ east: ['pudong'] }))
    hub = await HubFixture.start({}, await branchDataDir(hq.url, tokens.pudong as string), clock)
  }, 120_000)
  afterAll(async () => {
    await hub?.stop()
    await hq?.stop()
    await dbs.cleanUp()
  })

  it('ships nothing more after a power cut, and says so on the manager’s screen and in the log', async () => {
    const work = await BranchWorkload.start(hubCall, 'before')
    await work.openCounters()
    await work.customers(4, pause)
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong')
    const held = await hqEvents()
    const hqLast = held[held.length - 1]?.seq as number
    expect(hqLast).toBe(await branchSeq())

    // The lying disk: HQ got the journal's last three lines, the branch comes back without them.
    await hub.cutPower(3)
    replayed = await branchSeq()
    expect(replayed).toBe(hqLast - 3)
    const after = await BranchWorkload.start(hubCall, 'after')
    await after.customers(3, pause)
    expect(await branchSeq()).toBeGreaterThan(hqLast)

    await vi.waitFor(async () => expect((await standing()).map((p) => p.what)).toEqual(['replicationDiverged']), {
      timeout: 15_000,
    })
    const [problem] = await standing()
    const day = held[held.length - 1]?.day as string
    expect(problem?.detail).toContain(
      `HQ holds this branch's events up to seq ${hqLast}, but this hub run replayed its journal to seq ${replayed} (journal ${day})`,
    )
    const logged = await untilLogged(hub.dataDir, (l) => l.event === 'replication.diverged', 'replication.diverged')
    expect(logged.level).toBe(50)
    expect(logged.msg).toContain(`up to seq ${hqLast}`)
    expect(logged.msg).toContain(`seq ${replayed}`)

    // Given the shipper time for a heartbeat and several batches, HQ's copy is the very one it had.
    await after.customers(1, pause)
    await new Promise((r) => setTimeout(r, 2500))
    expect(await hqEvents()).toEqual(held)
    expect((await standing()).map((p) => p.what)).toEqual(['replicationDiverged'])

    // Restarted, its replay now ends past HQ's copy; even without its cursor (as if it fitted by
    // chance), the hub ships nothing until a person has repaired HQ's copy.
    await hub.hub.close()
    await rm(join(hub.dataDir, 'replication.json'))
    await hub.restart()
    expect(await branchSeq()).toBeGreaterThan(hqLast)
    await (await BranchWorkload.start(hubCall, 'restarted')).customers(1, pause)
    await vi.waitFor(async () => expect((await standing()).map((p) => p.what)).toEqual(['replicationDiverged']), {
      timeout: 15_000,
    })
    expect((await standing())[0]?.detail).toContain(`replication-stopped.json (an earlier run stopped shipping) says:`)
    await new Promise((r) => setTimeout(r, 2500))
    expect(await hqEvents()).toEqual(held)
  }, 90_000)

  it('stops on a cursor that no longer fits the journal, rather than ship from a wrong line', async () => {
    // The previous test left HQ ahead: its copy repaired by hand (docs/hq.md) to the replayed seq,
    // and replication-stopped.json deleted, but a cursor put back that points into a line.
    await hub.hub.close()
    const db = hq.hq.context.db
    await db.query('delete from events where seq > $1', [replayed])
    await db.query('update branch_days set last_seq = $1 where last_seq > $1', [replayed])
    await db.query('update replication_state set last_seq = $1', [replayed])
    const dir = join(hub.dataDir, 'journal')
    const day = (await readdir(dir))
      .filter((n) => n.endsWith('.jsonl'))
      .sort()
      .at(-1) as string
    const text = await readFile(join(dir, day), 'utf8')
    await rm(join(hub.dataDir, 'replication-stopped.json'))
    const cursor = { ...freshCursor(hq.url), day: day.replace('.jsonl', ''), nextSeq: replayed + 1 }
    await writeFile(
      join(hub.dataDir, 'replication.json'),
      JSON.stringify({ ...cursor, offset: Buffer.byteLength(text) - 10 }),
    )
    const held = await hqEvents()
    await hub.restart()
    const work = await BranchWorkload.start(hubCall, 'cursor')
    await work.customers(2, pause)
    await vi.waitFor(async () => expect((await standing()).map((p) => p.what)).toEqual(['replicationDiverged']), {
      timeout: 15_000,
    })
    const [problem] = await standing()
    expect(problem?.detail).toContain('that byte is not the start of a line')
    await new Promise((r) => setTimeout(r, 2500))
    expect(await hqEvents()).toEqual(held)
  }, 90_000)
})
