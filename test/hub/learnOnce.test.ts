import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock, TEN_AM } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'
import { hubLogLines } from './support/hubLogFile'

/**
 * Learning from recent days reads four weeks of journals; a hub learns once for a day, whether
 * its first tick opens the day or the day was open already.
 */
let f: HubFixture | null = null
afterEach(async () => {
  await f?.stop()
  f = null
})

const learnings = async (dataDir: string): Promise<unknown[]> =>
  (await hubLogLines(dataDir)).filter((l) => l.event === 'knowledge.learned').map((l) => l.date)

describe('learning at hub start', () => {
  it('learns once for today when the first tick opens the day', async () => {
    // 10:00 on a Tuesday: the demo branch opens at 09:00, so the hub's first tick opens today.
    f = await HubFixture.start({}, undefined, new FakeClock(TEN_AM))
    expect(f.hub.context.host.current.day).toBe('2026-11-24')
    await f.hub.close()
    expect(await learnings(f.dataDir)).toEqual(['2026-11-24'])
  })

  it('learns once for today when it starts again with the day open', async () => {
    const first = await HubFixture.start({}, undefined, new FakeClock(TEN_AM))
    await first.stop(false)
    // The same data folder an hour later: today is open in its journal, no tick opens it.
    f = await HubFixture.start({}, first.dataDir, new FakeClock(TEN_AM + 3_600_000))
    expect(f.hub.context.host.current.day).toBe('2026-11-24')
    await f.hub.close()
    expect(await learnings(f.dataDir)).toEqual(['2026-11-24', '2026-11-24'])
  })
})
