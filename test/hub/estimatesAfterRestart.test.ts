import { afterEach, describe, expect, it } from 'vitest'
import { createBranchEstimator, type BranchEstimator } from '../../hub/estimation/branchEstimator'
import { NO_KNOWLEDGE } from '../../hub/estimation/branchKnowledge'
import type { QueueSnapshot } from '../../shared/api/views'
import type { WaitEstimate } from '../../shared/queue/ticket'
import { HubFixture } from './support/hubFixture'

/**
 * A hub restarted during the day learns today's journal so far again before it estimates: the
 * range's calibration by today's waits, the last waits called, the tickets already waiting in
 * their lines. Before, its learner started empty, and a branch whose promises had been broken
 * all morning was promised the same again. (What each predictor said at issue is not journaled,
 * so the combined mean's weights are learnt anew from the waits after the restart.)
 */
let f: HubFixture | undefined
const estimators: BranchEstimator[] = []
afterEach(async () => {
  await Promise.all(estimators.splice(0).map((e) => e.close()))
  await f?.stop()
  f = undefined
})
const failOnProblem = (message: string): never => {
  throw new Error(message)
}

/** What the hub would show a new personal-banking customer now (seconds, before rounding). */
async function hubsNewTicket(hub: HubFixture, token: string): Promise<WaitEstimate> {
  await hub.hub.context.estimates.recompute()
  const q = await hub.request<QueueSnapshot>('GET', '/api/v1/queue', undefined, token)
  const e = q.body.estimates?.newTicket.personal?.ordinary
  if (e === undefined) throw new Error('no estimate for a new personal ticket')
  return e
}

/** The same from a new estimator that has seen today's journal (`seen`) or nothing of it. */
async function estimatorsNewTicket(hub: HubFixture, seen: boolean): Promise<WaitEstimate> {
  const ctx = hub.hub.context
  // a fresh data folder: no recent days (one object: the estimator starts over when it changes)
  const knowledge = { ...NO_KNOWLEDGE, utcOffsetMin: ctx.config.data.utcOffsetMinutes }
  const e = createBranchEstimator(
    () => ctx.config.data.branch,
    () => knowledge,
    failOnProblem,
  )
  estimators.push(e)
  if (seen) for (const event of ctx.host.todaysEvents()) e.observe(event)
  const all = await e.all(ctx.host.current, hub.clock.now())
  const estimate = all.newTicket.personal?.ordinary
  if (estimate === undefined) throw new Error('no estimate for a new personal ticket')
  return estimate
}

describe('the wait estimate after a restart during the day', () => {
  it('starts from today’s journal, not from nothing', async () => {
    // the real estimator (not the fixture's people-ahead one)
    f = await HubFixture.start({ estimator: 'branch' })
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const teller = await f.teller(1)
    const counter = async (verb: string, body: object = {}): Promise<void> => {
      const r = await f?.request('POST', `/api/v1/counters/c1/${verb}`, body, teller)
      expect(r?.status, `${verb}: ${JSON.stringify(r?.body)}`).toBe(200)
    }
    await counter('open')
    let key = 0
    // one counter, quick transactions, and a teller who calls only every twenty minutes: the
    // model (a free counter, 30-second customers) promises minutes, and every promise is broken
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 3; i++) expect((await f.issue(kiosk, `restart-${++key}`)).status).toBe(200)
      await f.hub.context.estimates.recompute()
      f.clock.advance(20 * 60)
      for (let i = 0; i < 3; i++) {
        await counter('call-next')
        await counter('start')
        f.clock.advance(30)
        await counter('complete', { completedServiceId: null })
      }
    }
    // one waiting when the hub restarts
    await f.issue(kiosk, `restart-${key + 1}`)
    await f.restart({ estimator: 'branch' })
    const after = await hubsNewTicket(f, await f.manager())
    const fromJournal = await estimatorsNewTicket(f, true)
    const fromNothing = await estimatorsNewTicket(f, false)
    // the restarted hub estimates as one that has seen today's journal...
    expect(after.mean).toBeCloseTo(fromJournal.mean, 6)
    expect(after.p90).toBeCloseTo(fromJournal.p90, 6)
    // ...which is not what one that has seen nothing of it says (the broken promises widen it)
    expect(fromJournal.p90).toBeGreaterThan(1.2 * fromNothing.p90)
    expect(fromJournal.mean).toBeGreaterThan(1.2 * fromNothing.mean)
  }, 60_000)

  it('after an evening restart, the next day still learns from the day closed before it', async () => {
    f = await HubFixture.start({ estimator: 'branch' })
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const counter = async (teller: string, verb: string, body: object = {}): Promise<void> => {
      const r = await f?.request('POST', `/api/v1/counters/c1/${verb}`, body, teller)
      expect(r?.status, `${verb}: ${JSON.stringify(r?.body)}`).toBe(200)
    }
    const teller = await f.teller(1)
    await counter(teller, 'open')
    // a day of quarter-hour transactions, far from the configured standard
    for (let i = 0; i < 6; i++) {
      expect((await f.issue(kiosk, `evening-${i}`)).status).toBe(200)
      await counter(teller, 'call-next')
      await counter(teller, 'start')
      f.clock.advance(15 * 60)
      await counter(teller, 'complete', { completedServiceId: null })
    }
    await counter(teller, 'close')
    expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    // restarted that evening; the next morning, three customers wait at one counter
    await f.restart({ estimator: 'branch' })
    f.clock.advance(24 * 3600)
    const nextTeller = await f.teller(1)
    for (let i = 0; i < 3; i++) expect((await f.issue(kiosk, `morning-${i}`)).status).toBe(200)
    await counter(nextTeller, 'open')
    const keptRunning = await hubsNewTicket(f, await f.manager())
    // a hub started that morning learns the closed day from its journal
    await f.restart({ estimator: 'branch' })
    const startedInTheMorning = await hubsNewTicket(f, await f.manager())
    expect(keptRunning.mean).toBeCloseTo(startedInTheMorning.mean, 6)
    expect(keptRunning.p90).toBeCloseTo(startedInTheMorning.p90, 6)
  }, 60_000)
})
