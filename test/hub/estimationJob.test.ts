import { describe, expect, it } from 'vitest'
import { estimationJob, runEstimation } from '../../hub/estimation/estimationJob'
import { learnServiceTimes } from '../../shared/estimate/learnServiceTimes'
import { Driver } from '../shared/support/driver'
import { A, ALICE, B, C1, C2, TEST_BRANCH, VIP } from '../shared/support/testBranch'

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

describe('runEstimation', () => {
  it('answers the projection of who is already there beside the model, for the mix', () => {
    const d = new Driver(TEST_BRANCH).openDay()
    d.open(C2, ALICE)
    // an hour of the first service every half minute, served at a minute each: the main line's
    // forecast outruns the one counter, which takes the second service only when the first is empty
    for (let i = 0; i < 120; i++) {
      d.issue(A)
      if (i % 2 === 1) d.serveNext(C2, 60)
      else d.advance(30)
    }
    const late = d.issue(B)
    const model = learnServiceTimes(TEST_BRANCH, [], null)
    const answer = runEstimation(estimationJob(d.state, TEST_BRANCH, model, null, d.now))
    const withArrivals = answer.tickets[late.id]?.mean ?? Number.NaN
    const present = answer.present.tickets[late.id] ?? Number.NaN
    // starved by customers yet to come in the model's projection; called after those there now
    const ahead = d.state.open.filter((t) => t.status === 'waiting' && t.serviceId === A).length
    expect(withArrivals).toBeGreaterThan(2 * present)
    expect(present).toBeLessThan((ahead + 2) * 60)
    // and for a would-be ticket of each service and class, as the kiosk shows them
    expect(Object.keys(answer.present.newTicket).sort()).toEqual([A, B])
  })
})
