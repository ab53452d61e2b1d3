import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { HubStatusView } from '../../shared/api/health'
import type { ApiError } from '../../shared/api/views'
import { HQ_RETRY_SEC } from '../../shared/hq/retryDelays'
import { REPLICATION_PROTOCOL, REPLICATION_PROTOCOL_HEADER } from '../../shared/hq/routes'
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
import { simulatedDays } from './support/simulatedBranch'

/**
 * HQ must be upgraded before its branches. A branch of a newer release may ship fields or event
 * types an older HQ does not know: that HQ takes none of it (409 `hqOutdated`, with both
 * versions) rather than drop or misread part of it, and the branch keeps everything, says so to
 * the manager, and ships it all once HQ is upgraded.
 */
describe('a branch newer than its HQ', () => {
  const dbs = new TestDatabases('postgres')
  let target: DbTarget
  let port: number
  let hq: HqFixture
  let hqUp = false
  let headOffice: string
  let token: string
  let hub: HubFixture | null = null
  const clock = new FakeClock()
  const pause = async () => clock.advance(40)
  const hqCall: Call = (m, p, b, t) => callOf(hq)(m, p, b, t)
  const hubCall: Call = (m, p, b, t) => callOf(hub as HubFixture)(m, p, b, t)
  const eventRows = async () => (await hq.hq.context.db.query<{ n: string }>('select count(*) as n from events'))[0]?.n

  /** Ships one message straight to HQ as a branch speaking `protocol` would. */
  const ship = (path: string, body: unknown, protocol: string | null) =>
    fetch(`${hq.url}/api/hq/v1/replication/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(protocol === null ? {} : { [REPLICATION_PROTOCOL_HEADER]: protocol }),
      },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as ApiError }))

  beforeAll(async () => {
    target = await dbs.fresh()
    port = await freePort()
    hq = await HqFixture.start(target, { port })
    hqUp = true
    const seeded = await hq.seed({ east: ['pudong'] })
    headOffice = seeded.headOffice
    token = seeded.tokens.pudong as string
  }, 120_000)
  afterAll(async () => {
    await hub?.stop()
    if (hqUp) await hq.stop()
    await dbs.cleanUp()
  })

  it('is refused whole, with both versions, before HQ reads what it does not know', async () => {
    const [first] = simulatedDays('2026-12-01', 1, 3, 1)
    const records = (first?.records ?? []).slice(0, 3)
    // An event type of a release to come, after two HQ knows.
    const unknown = { ...records[2], e: { ...records[2]?.e, type: 'ticketTeleported', seq: 3 } }
    const batch = { day: '2026-12-01', records: [records[0], records[1], unknown] }
    const newer = String(REPLICATION_PROTOCOL + 1)

    const refused = await ship('events', batch, newer)
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({
      code: 'hqOutdated',
      protocol: { hq: REPLICATION_PROTOCOL, branch: REPLICATION_PROTOCOL + 1 },
    })
    expect(refused.body.message).toContain(`replication protocol ${REPLICATION_PROTOCOL}, the branch ${newer}`)
    expect(refused.body.message).toContain('Upgrade HQ')
    expect(await eventRows()).toBe('0')
    // Known records of a newer branch are refused too: HQ cannot tell what they mean now.
    expect((await ship('events', { day: '2026-12-01', records: records.slice(0, 2) }, newer)).status).toBe(409)
    expect(await eventRows()).toBe('0')
    // Its heartbeat is taken: HQ still sees the branch and how far it has got.
    expect((await ship('heartbeat', { branchSeq: 3, at: 0 }, newer)).status).toBe(200)

    // From a branch of HQ's own protocol (or one before the header), an unknown type is bad input.
    for (const protocol of [String(REPLICATION_PROTOCOL), null]) {
      const bad = await ship('events', batch, protocol)
      expect(bad.status).toBe(400)
      expect(bad.body.field).toMatch(/^body\.records\/?\[?2/)
    }
    const garbled = await ship('events', batch, 'next')
    expect(garbled.body).toMatchObject({ code: 'invalidProtocol', field: `headers.${REPLICATION_PROTOCOL_HEADER}` })
    expect(await eventRows()).toBe('0')
  })

  it('keeps everything at the branch, shows it to the manager, and ships it all once HQ is upgraded', async () => {
    // Start over with an HQ of the release before this branch's.
    await hq.stop()
    hqUp = false
    target = await dbs.fresh()
    hq = await HqFixture.start(target, { port, replicationProtocol: REPLICATION_PROTOCOL - 1 })
    hqUp = true
    const seeded = await hq.seed({ east: ['pudong'] })
    headOffice = seeded.headOffice
    hub = await HubFixture.start({}, await branchDataDir(hq.url, seeded.tokens.pudong as string), clock)
    const work = await BranchWorkload.start(hubCall, 'skew')
    await work.openCounters()
    await work.customers(3, pause)

    const status = async () =>
      (await (hub as HubFixture).request<HubStatusView>('GET', '/api/v1/hub/status', undefined, work.manager)).body
    await vi.waitFor(
      async () => expect((await status()).standing.map((p) => p.what)).toEqual(['replicationHqOutdated']),
      { timeout: 15_000 },
    )
    const [problem] = (await status()).standing
    expect(problem?.detail).toContain(
      `HQ refused (409 hqOutdated): This HQ speaks replication protocol ${REPLICATION_PROTOCOL - 1}, the branch ${REPLICATION_PROTOCOL}`,
    )
    const logged = await untilLogged(hub.dataDir, (l) => l.event === 'replication.refused', 'replication.refused')
    expect(logged.level).toBe(50)
    expect(logged.msg).toContain('hqOutdated')
    // The manager's screen words the wait from this fact: the shipper's own 15 s, not "a minute".
    expect(logged.retrySec).toBe(HQ_RETRY_SEC.outdated)
    expect(await eventRows()).toBe('0')

    // HQ upgraded (the same database, this release): the branch ships everything it kept.
    await work.customers(1, pause)
    await hq.stop()
    hq = await HqFixture.start(target, { port })
    await waitUntilLevel(hqCall, headOffice, hubCall, 'pudong', 40_000)
    const last = (await hub.request<{ seq: number }>('GET', '/api/v1/health')).body.seq
    const seqs = await hq.hq.context.db.query<{ seq: number }>('select seq from events order by seq')
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1))
    await vi.waitFor(async () => expect((await status()).standing).toEqual([]), { timeout: 20_000 })
  }, 120_000)
})
