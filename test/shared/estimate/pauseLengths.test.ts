import { describe, expect, it } from 'vitest'
import { counterId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'
import {
  addPauseEvent,
  learnPauseSec,
  MIN_PAUSE_SEC,
  NO_PAUSES,
  pauseSums,
} from '../../../shared/estimate/pauseLengths'
import { DEFAULT_PAUSE_SEC, learnServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { emptyServiceTimeStats } from '../../../shared/estimate/serviceTimeStats'
import { runDays } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'
import { TEST_BRANCH } from '../support/testBranch'

const C1 = counterId('c1')
const C2 = counterId('c2')
const MIN = 60_000
const DAY = 24 * 60 * MIN
const ev = (body: Record<string, unknown>, at: number): QueueEvent => ({ seq: 0, at, ...body }) as unknown as QueueEvent
const paused = (c: string, code: string, at: number) =>
  ev({ type: 'counterPaused', counterId: c, reason: { code, note: '' } }, at)

describe('pauseSums', () => {
  it('sums each reason’s pauses from pause to resume', () => {
    const sums = pauseSums([
      paused(C1, 'break', 0),
      paused(C2, 'cashCount', 5 * MIN),
      ev({ type: 'counterResumed', counterId: C1 }, 45 * MIN),
      ev({ type: 'counterResumed', counterId: C2 }, 15 * MIN),
      paused(C1, 'break', 100 * MIN),
      ev({ type: 'counterResumed', counterId: C1 }, 115 * MIN),
    ])
    expect(sums).toEqual({ break: { n: 2, sumSec: 60 * 60 }, cashCount: { n: 1, sumSec: 600 } })
  })

  describe('edge cases', () => {
    it('counts no pause its teller never came back from: the counter or the day closed on it', () => {
      expect(
        pauseSums([
          paused(C2, 'other', 0),
          ev({ type: 'counterClosed', counterId: C2 }, 150 * MIN),
          paused(C1, 'meeting', 0),
          ev({ type: 'dayClosed' }, 10 * MIN),
          ev({ type: 'counterResumed', counterId: C1 }, 20 * MIN),
        ]),
      ).toEqual({})
    })

    it('counts no pause shorter than a minute, nor a resume with no pause before it', () => {
      expect(
        pauseSums([
          ev({ type: 'counterResumed', counterId: C2 }, 0),
          paused(C1, 'break', 0),
          ev({ type: 'counterResumed', counterId: C1 }, (MIN_PAUSE_SEC - 1) * 1000),
          paused(C1, 'break', MIN),
          ev({ type: 'counterResumed', counterId: C1 }, MIN + MIN_PAUSE_SEC * 1000),
        ]),
      ).toEqual({ break: { n: 1, sumSec: MIN_PAUSE_SEC } })
    })

    it('starts each day with none, and counts what it counted (a model’s cache key)', () => {
      let p = NO_PAUSES
      for (const e of [paused(C1, 'break', 0), ev({ type: 'counterResumed', counterId: C1 }, 30 * MIN)]) {
        p = addPauseEvent(p, e)
      }
      expect(p.counted).toBe(1)
      expect(addPauseEvent(p, ev({ type: 'ticketCancelled', ticketId: 't' }, 0))).toBe(p)
      expect(addPauseEvent(p, ev({ type: 'dayOpened', date: '2026-11-25' }, DAY))).toBe(NO_PAUSES)
    })
  })
})

describe('learnPauseSec', () => {
  it('moves each reason from its default by the pauses that ended, the default worth three', () => {
    const learned = learnPauseSec(DEFAULT_PAUSE_SEC, [{ break: { n: 3, sumSec: 3 * 2700 } }, undefined], 3)
    expect(learned.break).toBe((3 * 900 + 3 * 2700) / 6)
    expect(learned.cashCount).toBe(DEFAULT_PAUSE_SEC.cashCount)
    const many = learnPauseSec(DEFAULT_PAUSE_SEC, [{ break: { n: 60, sumSec: 60 * 2700 } }], 3)
    expect(many.break).toBe((3 * 900 + 60 * 2700) / 63)
  })

  it('is what the estimator’s model takes, from recent days and today', () => {
    const yesterday = { ...emptyServiceTimeStats('2026-11-23'), pauses: { break: { n: 2, sumSec: 2 * 3000 } } }
    const today = { ...emptyServiceTimeStats('2026-11-24'), pauses: { break: { n: 1, sumSec: 3000 } } }
    expect(learnServiceTimes(TEST_BRANCH, [yesterday], today).pauseSec.break).toBe((3 * 900 + 3 * 3000) / 6)
    expect(learnServiceTimes(TEST_BRANCH, [], null).pauseSec).toEqual(DEFAULT_PAUSE_SEC)
  })
})

describe('a simulated branch whose tellers take 45-minute lunch breaks', () => {
  const scenario: Scenario = {
    hours: { open: '09:00', close: '15:00' },
    services: [
      { id: 'a', prefix: 'A', targetWaitSec: 600, standardSec: 240, serviceTime: { dist: 'exp', meanSec: 240 } },
    ],
    arrivals: [{ service: 'a', perHour: 20 }],
    counters: [
      { id: 'c1', services: ['a'], breaks: [{ at: '11:30', minutes: 45 }] },
      { id: 'c2', services: ['a'], breaks: [{ at: '12:15', minutes: 45 }] },
    ],
  }

  it('keeps each day’s pauses in its history, and the next day’s model expects them to last about that long', () => {
    const days = runDays(scenario, 11, 2)
    const first = days[0]?.serviceTimes.pauses?.break
    expect(first?.n).toBe(2)
    expect((first?.sumSec ?? 0) / 2).toBeCloseTo(45 * 60, -1)
    const model = learnServiceTimes(
      TEST_BRANCH,
      days.slice(0, 1).map((d) => d.serviceTimes),
      null,
    )
    expect(model.pauseSec.break).toBeCloseTo((3 * 900 + 2 * 2700) / 5, -1)
  })
})
