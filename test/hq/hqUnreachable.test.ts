import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import type { BranchStatus } from '../../shared/hq/views'
import type { DbTarget } from '../../hq/db/openDb'
import { FakeClock } from '../hub/support/fakeClock'
import { HubFixture } from '../hub/support/hubFixture'
import { untilLogged } from '../hub/support/hubLogFile'
import { BranchWorkload, callOf, type Call } from './support/branchWorkload'
import { branchDataDir } from './support/branchHub'
import { TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'
import { freePort } from './support/postgresServer'
import { waitUntilLevel } from './support/sameFigures'

/**
 * The branch hub restarts after a power cut while HQ is down: the shipper's first attempts fail.
 * The hub says so (a warning in its log and on the manager's screen, and a standing notice while
 * it lasts), keeps every event in its journal, and ships them all, in order, when HQ is back.
 * One database kind: the behaviour is the branch's, and HQ's side is the same on both.
 */
describe('a branch hub that restarts after a power cut while HQ is down', () => {
  const dbs = new TestDatabases('postgres')
  let target: DbTarget
  let port: number
  let hq: HqFixture
  let hqUp = false
  let headOffice: string
  let hub: HubFixture
  const clock = new FakeClock()
  const pause = async () => clock.advance(40)
  const hqCall: Call = (m, p, b, t) => callOf(hq)(m, p, b, t)
  const hubCall: Call = (m, p, b, t) => callOf(hub)(m, p, b, t)
  const status = async () =>
    (await hub.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, await hub.manager())).body

  beforeAll(async () => {
    target = await dbs.fresh()
    port = await freePort()
    hq = await HqFixture.start(target, { port })
    hqUp = true
    const seeded = await hq.seed({ east: ['pudong'] })
    headOffice = seeded.headOffice
    hub = await HubFixture.start({}, await branchDataDir(hq.url, seeded.tokens.pudong as string), clock)
  }, 120_000)
  afterAll(async () => {
    await hub?.stop()
    if (hqUp) await hq.stop()
    await dbs.cleanUp()
  })

  it('says HQ is out of reach, keeps every event, and catches up when HQ is back', async () => {
    const work = await BranchWorkload.start(hubCall, 'before')
    await work.openCounters()
    await work.customers(3, pause)
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong')

    // HQ goes down; the branch serves on; the power fails, costing the journal its last line
    // (which HQ never had), and the hub starts again with HQ still down.
    await hq.stop()
    hqUp = false
    await work.customers(3, pause)
    await hub.cutPower(1)
    await (await BranchWorkload.start(hubCall, 'after')).customers(2, pause)

    await vi.waitFor(
      async () => expect((await status()).standing.map((p) => p.what)).toEqual(['replicationUnreachable']),
      { timeout: 15_000 },
    )
    const [problem] = (await status()).standing
    expect(problem?.detail).toContain(`HQ at ${hq.url} cannot be reached (connect ECONNREFUSED`)
    expect(problem?.detail).toMatch(/\d+ event\(s\) of the branch \(seq \d+ to \d+\) wait in its journal/)
    const warning = (await status()).warnings.find((w) => w.event === 'replication.failing')
    expect(warning?.message).toContain(`HQ at ${hq.url} cannot be reached`)
    const logged = await untilLogged(hub.dataDir, (l) => l.event === 'replication.failing', 'replication.failing')
    expect(logged.level).toBe(40)
    expect(logged.msg).toContain('wait in its journal')

    // HQ is back on the same address: every event the branch has reaches it, with no gap.
    hq = await HqFixture.start(target, { port })
    hqUp = true
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong', 40_000)
    const seqs = await hq.hq.context.db.query<{ seq: number }>('select seq from events order by seq')
    const last = (await hub.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1))
    const [branch] = (await hq.request<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice)).body
    expect(branch).toMatchObject({ behindEvents: 0, gaps: 0 })
    await vi.waitFor(async () => expect((await status()).standing).toEqual([]), { timeout: 15_000 })
  }, 120_000)
})
