import { describe, expect, it } from 'vitest'
import { learnUsualPattern } from '../../../shared/delays/usualPattern'
import { runDays, runScenario } from '../../../shared/sim/runScenario'
import type { Scenario } from '../../../shared/sim/scenario'

/**
 * A branch where one service is third in every counter's preferences (as on the real recorded
 * day, where the smaller lines waited behind the main one), with a premier class that accumulates
 * priority faster, and one counter that prefers the second service.
 */
const LOW_PREFERENCE: Scenario = {
  name: 'a service third in every preference list',
  hours: { open: '09:00', close: '16:00' },
  services: [
    {
      id: 'a',
      prefix: 'A',
      targetWaitSec: 600,
      standardSec: 150,
      serviceTime: { dist: 'lognormal', meanSec: 150, cv: 1.2 },
    },
    {
      id: 'b',
      prefix: 'B',
      targetWaitSec: 600,
      standardSec: 100,
      serviceTime: { dist: 'lognormal', meanSec: 100, cv: 1.3 },
    },
    {
      id: 'c',
      prefix: 'C',
      targetWaitSec: 900,
      standardSec: 250,
      serviceTime: { dist: 'gamma', meanSec: 250, cv: 0.8 },
    },
  ],
  priorityClasses: [{ id: 'vip', rate: 3, headStartSec: 60 }],
  arrivals: [
    { service: 'a', perHour: 60 },
    { service: 'a', priority: 'vip', perHour: 6 },
    { service: 'b', perHour: 24 },
    { service: 'c', perHour: 8 },
    { service: 'c', priority: 'vip', perHour: 2 },
  ],
  counters: [
    { id: 'k1', services: ['a', 'b', 'c'] },
    { id: 'k2', services: ['a', 'b', 'c'] },
    { id: 'k3', services: ['a', 'b', 'c'] },
    { id: 'k4', services: ['b', 'a', 'c'] },
  ],
}

interface Snapshot {
  readonly at: number
  readonly predicted: ReadonlyMap<string, number>
}

/**
 * During a simulated day (real engine, real calling policy), every 25th event: the projection's
 * expected time until each waiting ticket's call. Then what happened: the order they were called
 * in and how long each waited from the snapshot.
 */
function snapshots(seed: number): {
  snaps: Snapshot[]
  calledAt: ReadonlyMap<string, number>
  service: ReadonlyMap<string, string>
} {
  const history = runDays(LOW_PREFERENCE, seed + 100, 2)
  const snaps: Snapshot[] = []
  let n = 0
  const day = runScenario(LOW_PREFERENCE, {
    seed,
    history: {
      serviceTimes: history.map((d) => d.serviceTimes),
      usual: learnUsualPattern(
        history.map((d) => d.events),
        480,
      ),
    },
    everyEvent: (estimateAll) => {
      if (n++ % 25 !== 0) return
      const e = estimateAll()
      const predicted = new Map<string, number>()
      for (const t of e.tickets) if (t.estimate !== null) predicted.set(t.ticketId, t.estimate.mean)
      snaps.push({ at: e.at, predicted })
    },
  })
  const calledAt = new Map<string, number>()
  const service = new Map<string, string>()
  for (const r of day.records) {
    service.set(r.ticketId, `${r.serviceId}/${r.priorityClassId ?? '-'}`)
    if (r.calledAt !== null) calledAt.set(r.ticketId, day.openAt + r.calledAt * 1000)
  }
  return { snaps, calledAt, service }
}

describe('the projection calls tickets in the order the policy does', () => {
  it('orders tickets of different services and classes as they were then called, the third-preference service included', () => {
    let pairs = 0
    let concordant = 0
    let lowPairs = 0
    let lowConcordant = 0
    const low = { predicted: 0, actual: 0, n: 0 }
    for (const seed of [1, 2]) {
      const { snaps, calledAt, service } = snapshots(seed)
      for (const s of snaps) {
        const waiting = [...s.predicted].filter(([id]) => calledAt.has(id))
        for (const [id, mean] of waiting) {
          if (service.get(id)?.startsWith('c/') !== true) continue
          low.predicted += mean
          low.actual += ((calledAt.get(id) as number) - s.at) / 1000
          low.n++
        }
        for (let i = 0; i < waiting.length; i++) {
          for (let j = i + 1; j < waiting.length; j++) {
            const [x, px] = waiting[i] as [string, number]
            const [y, py] = waiting[j] as [string, number]
            // within a service and class the order is first come, first served: only pairs across them test the policy
            if (service.get(x) === service.get(y)) continue
            const dp = px - py
            const da = (calledAt.get(x) as number) - (calledAt.get(y) as number)
            if (dp === 0 || da === 0) continue
            const agree = Math.sign(dp) === Math.sign(da) ? 1 : 0
            pairs++
            concordant += agree
            if (service.get(x)?.startsWith('c/') === true || service.get(y)?.startsWith('c/') === true) {
              lowPairs++
              lowConcordant += agree
            }
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(2000)
    expect(lowPairs).toBeGreaterThan(500)
    expect(concordant / pairs).toBeGreaterThan(0.85)
    expect(lowConcordant / lowPairs).toBeGreaterThan(0.85)
    // and the third-preference service's waits are projected about right on average
    expect(low.n).toBeGreaterThan(200)
    expect(low.predicted / low.actual).toBeGreaterThan(0.7)
    expect(low.predicted / low.actual).toBeLessThan(1.4)
  }, 120_000)
})
