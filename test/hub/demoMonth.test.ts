import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { DemoMonth } from '../../hub/demo/demoMonth'
import { loadBranchKnowledge } from '../../hub/estimation/branchKnowledge'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'

/**
 * The demo's month learns as the branch it shows does: each day's usual day is that of its own
 * kind by the demo's calendar (weekends apart from working days), the usual day the hub itself
 * learns from the same journals.
 */
const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('DemoMonth', () => {
  it("learns each day's usual day of its own kind by the demo calendar, as the hub learns it", async () => {
    const config = await demoBranchFile('127.0.0.1', 0, 1 << 10)
    // Thursday 19 November to Monday 23: two working days, a weekend, then the Monday.
    const month = new DemoMonth(config, '2026-11-24', 5)
    const journals = new JournalFolder(nodeFileSystem, await mkdtemp(join(tmpdir(), 'branch-lobby-month-')))
    dirs.push(journals.dir)
    for (let i = 0; i < 4; i++) {
      const day = month.day(i)
      if (day === null) throw new Error(`${month.dateOf(i)} is an opening day`)
      await journals.writeClosedDay(month.dateOf(i), day.journal)
    }
    // The Monday's usual day: of the Thursday and Friday, the weekend counting as one day between them.
    const monday = month.historyFor('2026-11-23').usual
    const hub = await loadBranchKnowledge(journals, '2026-11-23', config.utcOffsetMinutes, config.calendar)
    expect(monday).toEqual(hub.usual)
    // Not the four days alike (2.25 counters at 09:00): the weekend opens at 10:00, and counts as one day.
    expect(monday?.hours[9]?.countersOpen).toBeGreaterThan(2.6)
  }, 60_000)
})
