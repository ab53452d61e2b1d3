import { describe, expect, it } from 'vitest'
import type { QueueEvent } from '../../../shared/queue/events'
import { seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { simulateBranch, type SimArrival, type SimModel } from '../../../shared/sim/simulateBranch'
import { tellerBreaks } from '../../../shared/sim/tellerBreaks'
import { counterId } from '../../../shared/domain/ids'
import { A, TEST_BRANCH } from '../support/testBranch'

const K1 = counterId('k1')
const branch = { ...TEST_BRANCH, counters: [{ id: K1, number: 1, services: [A] }] }

/** One counter, a customer every 5 minutes with a 4-minute transaction, for two hours. */
function model(over: Partial<SimModel['counters'][number]>): { model: SimModel; events: QueueEvent[] } {
  const events: QueueEvent[] = []
  const arrivals: SimArrival[] = Array.from({ length: 24 }, (_, i) => ({
    at: 300 * i,
    serviceId: A,
    priorityClassId: null,
    serviceSec: 240,
    leaves: false,
  }))
  return {
    events,
    model: {
      branch,
      openAt: Date.UTC(2026, 10, 24, 1),
      date: '2026-11-24',
      arrivals,
      counters: [{ id: K1, openSec: 0, closeSec: null, ...over }],
      serviceTime: () => 240,
      walkSec: 0,
      recallIntervalSec: 20,
      onEvent: (e) => events.push(e),
    },
  }
}

const at = (events: QueueEvent[], type: QueueEvent['type']): number[] =>
  events.filter((e) => e.type === type).map((e) => (e.at - Date.UTC(2026, 10, 24, 1)) / 1000)

describe('simulateBranch with breaks', () => {
  it('pauses a counter once its customer is done, for the break, with its reason', () => {
    // Due at 10 min: the customer called at 10:00 (called at 600 s) is served first.
    const { model: m, events } = model({ breaks: [{ atSec: 610, forSec: 1800, reason: 'cashCount' }] })
    simulateBranch(m, seededRng(1))
    expect(at(events, 'counterPaused')).toEqual([840])
    expect(events.find((e) => e.type === 'counterPaused')).toMatchObject({ reason: { code: 'cashCount' } })
    expect(at(events, 'counterResumed')).toEqual([840 + 1800])
    // Nobody is called while it is paused.
    expect(at(events, 'ticketCalled').filter((t) => t > 840 && t < 2640)).toEqual([])
  })

  it('takes no break due after the counter closed, and closes a paused counter once its break ends', () => {
    const late = model({ closeSec: 1200, breaks: [{ atSec: 1500, forSec: 600, reason: 'break' }] })
    simulateBranch(late.model, seededRng(1))
    expect(at(late.events, 'counterPaused')).toEqual([])
    const during = model({ closeSec: 1200, breaks: [{ atSec: 1000, forSec: 600, reason: 'break' }] })
    simulateBranch(during.model, seededRng(1))
    expect(at(during.events, 'counterResumed')).toHaveLength(1)
    expect(at(during.events, 'counterClosed')[0]).toBe(at(during.events, 'counterResumed')[0])
  })
})

describe('tellerBreaks', () => {
  it('gives a long shift a meal break of 30–60 minutes near its middle, a short shift none', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const breaks = tellerBreaks(seededRng(seed), 9, 17)
      const meal = breaks.filter((b) => b.minutes >= 30 && b.reason === 'break')
      expect(meal.length).toBeGreaterThanOrEqual(1)
      for (const b of breaks) {
        const [h, m] = b.at.split(':').map(Number) as [number, number]
        expect(h * 60 + m).toBeGreaterThan(9 * 60)
        expect(h * 60 + m).toBeLessThan(17 * 60)
        expect(b.minutes).toBeLessThanOrEqual(60)
      }
      expect(tellerBreaks(seededRng(seed), 9, 11)).toEqual([])
    }
  })

  it('leaves a seed’s day as it was, only with breaks added, and fewer customers for them', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const plain = randomBranchDay(seed)
      const withBreaks = randomBranchDay(seed, { breaks: true })
      expect(withBreaks.services).toEqual(plain.services)
      expect(withBreaks.counters.map(({ breaks: _, ...c }) => c)).toEqual(plain.counters)
      const total = (s: typeof plain): number =>
        s.arrivals.reduce(
          (a, r) => a + (typeof r.perHour === 'number' ? r.perHour : r.perHour.reduce((x, y) => x + y)),
          0,
        )
      expect(total(withBreaks)).toBeLessThan(total(plain))
      expect(withBreaks.counters.some((c) => (c.breaks ?? []).length > 0)).toBe(true)
    }
  })
})
