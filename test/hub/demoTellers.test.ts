import { describe, expect, it } from 'vitest'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { demoTellerAt } from '../../shared/demo/demoDay'
import { demoBranchFile } from '../../hub/config/demoBranchFile'

/**
 * The demo's tellers, live and in its month of history, are people of its staff list: the
 * reports name them (`王芳 (t01)`) as a manager finds them there, never a made-up id (audit37 F5).
 */
describe('demoTellerAt', () => {
  it('names a teller of the demo staff list at every demo counter', async () => {
    const file = await demoBranchFile('127.0.0.1', 8080, 2)
    const tellers = new Map(file.staff.filter((s) => s.role === 'teller').map((s) => [s.id as string, s.name]))
    const atCounters = DEMO_BRANCH.counters.map((_, i) => demoTellerAt(i))
    expect(atCounters.filter((id) => !tellers.has(id))).toEqual([])
    // One teller per counter: the estimator learns each one's pace apart.
    expect(new Set(atCounters).size).toBe(DEMO_BRANCH.counters.length)
  })
})
