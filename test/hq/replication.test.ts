import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../shared/domain/localTime'
import type { BranchStatus } from '../../shared/hq/views'
import { FakeClock } from '../hub/support/fakeClock'
import { HubFixture } from '../hub/support/hubFixture'
import { BranchWorkload, callOf, type Call } from './support/branchWorkload'
import { branchDataDir } from './support/branchHub'
import { DATABASE_KINDS, TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'
import { expectSameFiguresSoon, waitUntilLevel } from './support/sameFigures'

const DAY = 86_400_000

describe.each(DATABASE_KINDS)('a branch shipping to HQ on %s', (kind) => {
  const dbs = new TestDatabases(kind)
  let hq: HqFixture
  let headOffice: string
  let tokens: Record<string, string>
  let hub: HubFixture
  let work: BranchWorkload
  const clock = new FakeClock()
  const dates: string[] = []
  const pause = async () => clock.advance(40)

  beforeAll(async () => {
    hq = await HqFixture.start(await dbs.fresh())
    ;({ tokens, headOffice } = await hq.seed({ east: ['pudong'] }))
    hub = await HubFixture.start({}, await branchDataDir(hq.url, tokens.pudong as string), clock)
    work = await BranchWorkload.start(callOf(hub), 'r')
  }, 120_000)
  afterAll(async () => {
    await hub?.stop()
    await hq?.stop()
    await dbs.cleanUp()
  })

  const hqCall: Call = (m, p, b, t) => callOf(hq)(m, p, b, t)
  const hubCall: Call = (m, p, b, t) => callOf(hub)(m, p, b, t)

  it('gives HQ the same reports as the branch’s own, day by day and over the range', async () => {
    for (let d = 0; d < 2; d++) {
      dates.push(localDate(clock.now(), 480))
      await work.openCounters()
      await work.customers(12 + 5 * d, pause)
      if (d === 0) {
        clock.advance(DAY / 1000) // the calendar closes day 1 at its end; sessions have expired
        work = await BranchWorkload.start(hubCall, 'r1')
      } else await work.closeDay()
    }
    await hub.request('GET', '/api/v1/queue', undefined, work.manager)
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong')
    await expectSameFiguresSoon(hqCall, headOffice, hubCall, work.manager, 'pudong', dates)
    // Two simulated days through a real hub, shipped to HQ on PGlite: ~10 s alone, longer on a busy machine.
  }, 90_000)

  it('resumes after the hub restarts, and after it lost its cursor: HQ says where its copy ends', async () => {
    clock.advance(DAY / 1000)
    await hub.restart()
    work = await BranchWorkload.start(hubCall, 'r2')
    dates.push(localDate(clock.now(), 480))
    await work.openCounters()
    await work.customers(6, pause)
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong')
    await hub.hub.close()
    await rm(join(hub.dataDir, 'replication.json'))
    await hub.restart().catch(async () => undefined)
    work = await BranchWorkload.start(hubCall, 'r3')
    await work.customers(6, pause)
    await work.closeDay()
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong')
    await expectSameFiguresSoon(hqCall, headOffice, hubCall, work.manager, 'pudong', dates)
    const status = await hq.request<BranchStatus[]>('GET', '/api/hq/v1/branches', undefined, headOffice)
    expect(status.body[0]).toMatchObject({ behindEvents: 0, gaps: 0, offline: false })
    // Two hub restarts and two rounds of shipping to HQ on PGlite: ~3 s alone, over 20 s once in a
    // full run on two busy cores.
  }, 90_000)
})
