import { afterAll, describe, expect, it } from 'vitest'
import { HubFixture } from '../hub/support/hubFixture'
import { DATABASE_KINDS, TestDatabases } from './support/databases'
import { HqFixture } from './support/hqFixture'

/**
 * A second stop (a second signal, a test's clean-up after the test stopped it) is no error: the
 * first stop's work is done once, and both callers hear when it is.
 */
describe.each(DATABASE_KINDS)('stopping HQ on %s', (kind) => {
  const dbs = new TestDatabases(kind)
  afterAll(() => dbs.cleanUp())

  it('stops once when asked twice, one after the other or at once', async () => {
    const first = await HqFixture.start(await dbs.fresh())
    await first.stop()
    await expect(first.stop()).resolves.toBeUndefined()
    const second = await HqFixture.start(await dbs.fresh())
    await expect(Promise.all([second.stop(), second.stop()])).resolves.toEqual([undefined, undefined])
    // stopped for good: nothing answers at its address
    await expect(fetch(`${second.url}/api/v1/health`)).rejects.toThrow()
  }, 120_000)
})

describe('stopping a branch hub', () => {
  it('stops once when asked twice, one after the other or at once', async () => {
    const hub = await HubFixture.start()
    await Promise.all([hub.hub.close('tests'), hub.hub.close('tests')])
    await expect(hub.stop()).resolves.toBeUndefined()
  })
})
