import { describe, expect, it } from 'vitest'
import { estimationJob, runEstimation } from '../../hub/estimation/estimationJob'
import { learnServiceTimes } from '../../shared/estimate/learnServiceTimes'
import type { BranchConfig, ClockStretch } from '../../shared/domain/branch'
import { Driver, OPENING } from '../shared/support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, TEST_BRANCH, VIP } from '../shared/support/testBranch'

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
    const job = estimationJob(d.state, TEST_BRANCH, model, null, d.now, 480, null)
    expect(job.recentIssued).toHaveLength(90)
    expect(job.state.done).toEqual([])
    // and the estimation thread's job runs the same estimator on it
    expect(Object.keys(runEstimation(job).tickets).length).toBeGreaterThan(0)
  })
})

describe("the counters' planned hours (the roster in branch.json)", () => {
  // OPENING is 09:00 in the test branch's civil time (UTC+8); the model is the configured standards'.
  const model = learnServiceTimes(TEST_BRANCH, [], null)
  const rostered = (hours: Record<string, ClockStretch[]>): BranchConfig => ({
    ...TEST_BRANCH,
    counters: TEST_BRANCH.counters.map((c) => {
      const h = hours[c.id]
      return h === undefined ? c : { ...c, hours: h }
    }),
  })
  /** The last of twenty A customers, with C1 and C2 open, at 09:30: the mean wait the thread says. */
  const lastWait = (branch: BranchConfig): { mean: number; job: ReturnType<typeof estimationJob> } => {
    const d = new Driver(branch).openDay()
    d.open(C1, ALICE)
    d.open(C2, BOB)
    d.advance(1800)
    let last = ''
    for (let i = 0; i < 20; i++) last = d.issue(A, null).id
    const job = estimationJob(d.state, branch, model, null, d.now, 480, null)
    const mean = runEstimation(job).tickets[last]?.mean
    if (mean === undefined) throw new Error('no estimate for the last ticket')
    return { mean, job }
  }

  it("are today's plan, as the estimation thread takes it", () => {
    const { job } = lastWait(
      rostered({
        [C2]: [
          { opens: '08:00', closes: '09:40' },
          { opens: '13:00', closes: '24:00' },
        ],
      }),
    )
    const nine = OPENING
    expect(job.schedule).toEqual([
      { counterId: C2, openAt: nine - 3600_000, closeAt: nine + 40 * 60_000 },
      { counterId: C2, openAt: nine + 4 * 3600_000, closeAt: nine + 15 * 3600_000 },
    ])
    expect(lastWait(TEST_BRANCH).job.schedule).toEqual([])
  })

  it('lengthen the wait when an open counter is planned to close, and shorten it when a closed one will open', () => {
    const unplanned = lastWait(TEST_BRANCH).mean
    const closing = lastWait(rostered({ [C2]: [{ opens: '08:00', closes: '09:33' }] })).mean
    const opening = lastWait(rostered({ [C3]: [{ opens: '09:32', closes: '17:00' }] })).mean
    expect(closing).toBeGreaterThan(unplanned * 1.3)
    expect(opening).toBeLessThan(unplanned * 0.8)
  })
})

describe("the doors' close (opening hours in branch.json)", () => {
  it("expects no newcomers after it: a customer of a counter's second service waits less when the doors close soon", () => {
    // counter 3 serves B (three minutes each) before A; B customers have come every four minutes
    // for an hour and nobody has been called yet
    const d = new Driver(TEST_BRANCH).openDay()
    d.open(C3, CAROL)
    for (let i = 0; i < 15; i++) {
      d.issue(B, null)
      d.advance(240)
    }
    const last = d.issue(A, null).id
    const model = learnServiceTimes(TEST_BRANCH, [], null)
    const mean = (doorsClose: number | null): number => {
      const job = estimationJob(d.state, TEST_BRANCH, model, null, d.now, 480, doorsClose)
      const m = runEstimation(job).tickets[last]?.mean
      if (m === undefined) throw new Error('no estimate for the A ticket')
      return m
    }
    // about 7,200 s with B customers coming all day, 5,300 with the doors closing in an hour,
    // 3,000 in ten minutes (the fifteen waiting, the few still to come, then A)
    const open = mean(null)
    const inAnHour = mean(d.now + 3600_000)
    const inTenMinutes = mean(d.now + 10 * 60_000)
    expect(inAnHour).toBeLessThan(open * 0.85)
    expect(inTenMinutes).toBeLessThan(inAnHour * 0.7)
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
    const answer = runEstimation(estimationJob(d.state, TEST_BRANCH, model, null, d.now, 480, null))
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
