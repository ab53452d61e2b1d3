import { describe, expect, it } from 'vitest'
import { estimationJob, runEstimation } from '../../hub/estimation/estimationJob'
import { learnServiceTimes } from '../../shared/estimate/learnServiceTimes'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH, VIP } from '../shared/support/testBranch'

describe('estimationJob', () => {
  it("carries today's arrivals since opening, so a first day's rates lean on the day's average", () => {
    const d = new Driver(TEST_BRANCH).openDay()
    d.open(C1, ALICE)
    // three hours: an ordinary customer every two minutes, a VIP every half hour
    for (let i = 0; i < 90; i++) {
      d.issue(A, i % 15 === 0 ? VIP : null)
      d.advance(120)
    }
    const model = learnServiceTimes(TEST_BRANCH, [], null)
    const job = estimationJob(d.state, TEST_BRANCH, model, null, d.now)
    expect(job.recentIssued).toHaveLength(90)
    expect(job.state.done).toEqual([])
    // and the estimation thread's job runs the same estimator on it
    expect(Object.keys(runEstimation(job).tickets).length).toBeGreaterThan(0)
  })
})
