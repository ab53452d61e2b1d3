import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBranchEstimator, type BranchEstimator } from '../../hub/estimation/branchEstimator'
import { NO_CALENDAR } from '../../shared/domain/branchCalendar'
import { loadBranchKnowledge } from '../../hub/estimation/branchKnowledge'
import { JournalFolder } from '../../hub/persistence/journal'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { DEFAULT_PAUSE_SEC } from '../../shared/estimate/learnServiceTimes'
import type { QueueEvent } from '../../shared/queue/events'
import { replay } from '../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../shared/queue/state'
import { TEST_BRANCH } from '../shared/support/testBranch'

/**
 * How long this branch's pauses last is learned from its journals — the recent days' and
 * today's so far — not taken from the defaults (a "break" of 15 minutes where lunch takes 45).
 */
let dir: string | null = null
const estimators: BranchEstimator[] = []
afterEach(async () => {
  await Promise.all(estimators.splice(0).map((e) => e.close()))
  if (dir !== null) await rm(dir, { recursive: true, force: true })
  dir = null
})

const MIN = 60_000
const C1 = TEST_BRANCH.counters[0]?.id as string
/** A day with one 45-minute lunch break at counter 1, as the hub journals it. */
function dayWithLunch(date: string, start: number): QueueEvent[] {
  const events = [
    { type: 'dayOpened', date },
    { type: 'counterOpened', counterId: C1, staffId: 's1' },
    { type: 'counterPaused', counterId: C1, reason: { code: 'break', note: '' } },
    { type: 'counterResumed', counterId: C1 },
    { type: 'counterClosed', counterId: C1 },
    { type: 'dayClosed' },
  ]
  const at = [0, 1, 180, 225, 480, 481].map((m) => start + m * MIN)
  return events.map((e, i) => ({ ...e, seq: i + 1, at: at[i] }) as unknown as QueueEvent)
}

describe('pause lengths in the hub', () => {
  it('are learned from the recent days’ journals and from today’s pauses as they end', async () => {
    dir = await mkdtemp(join(tmpdir(), 'branch-lobby-pauses-'))
    const yesterday = dayWithLunch('2026-11-23', Date.UTC(2026, 10, 23, 1))
    const line = (e: QueueEvent) => `${JSON.stringify({ e, m: { actor: { kind: 'system', reason: 'test' } } })}\n`
    await writeFile(join(dir, '2026-11-23.jsonl'), yesterday.map(line).join(''))
    const knowledge = await loadBranchKnowledge(new JournalFolder(nodeFileSystem, dir), '2026-11-24', 480, NO_CALENDAR)
    expect(knowledge.serviceTimes[0]?.pauses).toEqual({ break: { n: 1, sumSec: 45 * 60 } })

    const estimator = createBranchEstimator(
      () => TEST_BRANCH,
      () => knowledge,
      () => NO_CALENDAR,
      (m) => {
        throw new Error(m)
      },
    )
    estimators.push(estimator)
    const today = dayWithLunch('2026-11-24', Date.UTC(2026, 10, 24, 1))
    const pauseSec = (n: number) => estimator.model(replay(today.slice(0, n), EMPTY_STATE)).pauseSec
    // Today's lunch under way: yesterday's pause of 45 minutes against the default worth three.
    for (const e of today.slice(0, 3)) estimator.observe(e)
    expect(pauseSec(3).break).toBe((3 * DEFAULT_PAUSE_SEC.break + 2700) / 4)
    // Once it has ended, today's counts too; other reasons keep their defaults.
    estimator.observe(today[3] as QueueEvent)
    expect(pauseSec(4).break).toBe((3 * DEFAULT_PAUSE_SEC.break + 2 * 2700) / 5)
    expect(pauseSec(4).cashCount).toBe(DEFAULT_PAUSE_SEC.cashCount)
  })
})
