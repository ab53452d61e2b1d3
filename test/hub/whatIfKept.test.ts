import { readFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { RecentRuns } from '../../hub/reports/recentRuns'
import { Simulator } from '../../hub/reports/whatIf'

describe('RecentRuns', () => {
  it('keeps a result by scenario and seed, and lets the least recently used go first', () => {
    const runs = new RecentRuns<string>(2)
    runs.set({ a: 1 }, 1, 'a1')
    runs.set({ a: 2 }, 1, 'a2')
    expect(runs.get({ a: 1 }, 1)).toBe('a1')
    expect(runs.get({ a: 1 }, 2)).toBeUndefined()
    runs.set({ a: 3 }, 1, 'a3')
    // {a: 2} was the least recently used.
    expect(runs.get({ a: 2 }, 1)).toBeUndefined()
    expect(runs.get({ a: 1 }, 1)).toBe('a1')
    expect(runs.get({ a: 3 }, 1)).toBe('a3')
  })
})

describe('Simulator', () => {
  const simulator = new Simulator()
  afterAll(() => simulator.stop())

  it("simulates today's scenario once and answers it again from the simulator thread's memory", async () => {
    const today = JSON.parse(await readFile('docs/scenarios/mm3.json', 'utf8')) as {
      counters: unknown[]
    } & Record<string, unknown>
    const changed = { ...today, counters: today.counters.slice(1) }
    const first = await Promise.all([simulator.run(today, 11), simulator.run(changed, 11)])
    expect(first.map((a) => a.fromCache)).toEqual([false, false])
    const second = await Promise.all([simulator.run(today, 11), simulator.run({ ...today, walkSec: 30 }, 11)])
    expect(second.map((a) => a.fromCache)).toEqual([true, false])
    expect(second[0].result).toEqual(first[0].result)
    // Another seed is another day.
    expect((await simulator.run(today, 12)).fromCache).toBe(false)
    // A refused scenario is not kept: it is checked again, and refused again.
    const bad = { ...today, counters: 'three' }
    expect(await simulator.run(bad, 11)).toMatchObject({ fromCache: false, result: { ok: false } })
    expect(await simulator.run(bad, 11)).toMatchObject({ fromCache: false, result: { ok: false } })
  }, 60_000)
})
