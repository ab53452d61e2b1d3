import { describe, expect, it } from 'vitest'
import { learnPatience } from '../../../shared/estimate/learnPatience'
import { addPatience, NO_PATIENCE_DATA, type PatienceData } from '../../../shared/estimate/patience'
import { emptyServiceTimeStats, type ServiceTimeStats } from '../../../shared/estimate/serviceTimeStats'
import { A, B, TEST_BRANCH } from '../support/testBranch'

function day(patience: Record<string, PatienceData>): ServiceTimeStats {
  return { ...emptyServiceTimeStats('2026-11-24'), patience }
}

describe('learnPatience', () => {
  it("does not make every service's next call a coin toss after the branch's first no-show", () => {
    // The branch's one call lends itself once, not scaled up to the 20 calls a service borrows.
    const learned = learnPatience(TEST_BRANCH, [], day({ [A]: addPatience(NO_PATIENCE_DATA, 30, true) }), 2000)
    for (const s of [A, B]) {
      const p = learned[s] ?? { noShow: 1, perSec: 1 }
      expect(p.noShow + (1 - p.noShow) * (1 - Math.exp(-p.perSec * 600))).toBeLessThan(0.15)
    }
  })

  it('says nobody leaves when nothing is known, or nobody has been missed', () => {
    expect(learnPatience(TEST_BRANCH, [], null, 2000)[A]).toEqual({ noShow: 0, perSec: 0 })
    let calls: PatienceData = NO_PATIENCE_DATA
    for (let i = 0; i < 50; i++) calls = addPatience(calls, 60 + 10 * i, false)
    expect(learnPatience(TEST_BRANCH, [], day({ [A]: calls }), 2000)[B]).toEqual({ noShow: 0, perSec: 0 })
  })
})
