import { readFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoHistory, type DemoHistoryPlace } from '../../hub/demo/demoHistory'
import { DEMO_HISTORY_FILE } from '../../hub/demo/demoHistoryPlan'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { HubFixture } from './support/hubFixture'

/**
 * A seeding stopped midway goes on from its plan's carry; when it cannot (a kept journal gone or
 * changed, a plan from an older hub that kept no carry) it simulates the month again from its
 * start, which takes as long as the days kept took: it says why, for the hub's log.
 */
// the fixture's clock: Tuesday 2026-11-24; the four days before it are Friday to Monday
const TODAY = '2026-11-24'
const DAYS = 4

let f: HubFixture
let place: DemoHistoryPlace
/** The plan as a seeding stopped after its second day left it (carry: day 3 next). */
let midway = ''

beforeAll(async () => {
  f = await HubFixture.start()
  place = { reports: f.hub.context.reports, fs: nodeFileSystem, dataDir: f.dataDir }
  const plan = join(f.dataDir, DEMO_HISTORY_FILE)
  await seedDemoHistory(place, f.hub.context.config.data, TODAY, {
    days: DAYS,
    onDay: (date) => {
      // the plan is written, with its carry, before the day is said to be kept
      if (date === '2026-11-21') midway = readFileSync(plan, 'utf8')
    },
  })
}, 240_000)
afterAll(() => f.stop())

/** Seeds again from `plan` (the stopped seeding's, as changed), collecting why it started over. */
async function resumeFrom(plan: object): Promise<{ kept: number; why: string[]; simulated: number[] }> {
  await writeFile(join(f.dataDir, DEMO_HISTORY_FILE), JSON.stringify(plan))
  const why: string[] = []
  const simulated: number[] = []
  const kept = await seedDemoHistory(place, f.hub.context.config.data, TODAY, {
    days: DAYS,
    onStartOver: (w) => why.push(w),
    onSimulated: (n) => simulated.push(n),
  })
  return { kept, why, simulated }
}

describe('a demo seeding that cannot go on from where it stopped', () => {
  it('says nothing when it goes on from its carry', async () => {
    const plan = JSON.parse(midway) as { carry: { next: number } }
    expect(plan.carry.next).toBe(2)
    const r = await resumeFrom(plan)
    expect(r).toEqual({ kept: 0, why: [], simulated: [1, 1] })
  }, 120_000)

  it('says which kept journal is missing or changed when it starts over', async () => {
    const plan = JSON.parse(midway) as { carry: { days: { date: string; events: number }[] } }
    const first = plan.carry.days[0] as { date: string; events: number }
    expect(first.events).toBeGreaterThan(0)
    await rm(f.hub.context.reports.journalFile(first.date))
    const r = await resumeFrom(plan)
    expect(r.why).toEqual([
      `the kept journal of ${first.date} holds 0 events, not the ${first.events} the plan counted (missing or changed)`,
    ])
    // the month from its start: the days kept before are simulated again, not kept again
    expect(r.simulated[0]).toBeGreaterThan(1)
    expect(r.kept).toBe(0)
  }, 120_000)

  it('says its plan is from an older hub, which kept no carry, when days of the month are kept', async () => {
    const { carry: _carry, ...older } = JSON.parse(midway) as { carry: unknown }
    const r = await resumeFrom(older)
    expect(r.why).toHaveLength(1)
    expect(r.why[0]).toMatch(/^its plan \(demo-history\.json\) was written by an older hub .* the 4 days kept stay/)
    expect(r.simulated[0]).toBe(1)
  }, 120_000)
})
