import { afterEach, describe, expect, it } from 'vitest'
import type { WaitEstimator } from '../../hub/estimation/estimator'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { serviceId } from '../../shared/domain/ids'
import { HubFixture } from './support/hubFixture'
import { untilLogged } from './support/hubLogFile'
import { peopleAheadEstimator } from './support/peopleAheadEstimator'

let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

/**
 * The people-ahead estimator, with a hold: while held, an estimation begun waits until it is
 * let go (an estimation still running on its thread when the next tap comes in). Counts the
 * estimations begun.
 */
function heldEstimator(): { estimator: WaitEstimator; hold: () => void; letGo: () => void; begun: () => number } {
  const plain = peopleAheadEstimator(DEMO_BRANCH)
  let held: Promise<void> | null = null
  let release = (): void => undefined
  let begun = 0
  return {
    estimator: {
      ...plain,
      all: async (state, now) => {
        begun++
        // what it estimates is the queue it was given when it began
        const raw = plain.all(state, now)
        await held
        return raw
      },
    },
    hold: () => {
      held = new Promise<void>((r) => (release = r))
    },
    letGo: () => {
      held = null
      release()
    },
    begun: () => begun,
  }
}

/** A ticket issued straight into the queue, as no kiosk tap would be (a tap waits for estimates). */
function issueStraight(fixture: HubFixture) {
  return fixture.hub.context.host.submit(
    {
      type: 'issueTicket',
      serviceId: serviceId('personal'),
      priorityClassId: null,
      language: 'en',
      appointmentAt: null,
      estimate: null,
    },
    { kind: 'system', reason: 'test' },
  )
}

describe('LiveEstimates.recompute', () => {
  it('answers with an estimation that includes the events recorded before the ask, even with one in flight', async () => {
    const e = heldEstimator()
    f = await HubFixture.start({ estimator: e.estimator })
    const estimates = f.hub.context.estimates
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'in-flight-1')).status).toBe(200)
    await estimates.recompute()
    // An estimation begins on the queue with one ticket waiting and is held there.
    e.hold()
    const inFlight = estimates.recompute()
    // Two more tickets while it runs (issued straight into the queue: a kiosk's tap would wait
    // for an estimation that includes the taps before it, `forNewcomer`); then the question.
    for (let i = 0; i < 2; i++) expect((await issueStraight(f)).ok).toBe(true)
    const asked = estimates.recompute()
    e.letGo()
    const [first, answer] = await Promise.all([inFlight, asked])
    const waiting = (v: typeof answer) => v.newTicket.personal?.ordinary?.mean
    expect(waiting(first)).toBe(2 * 60) // one ahead of a new ticket: begun before the taps
    expect(answer.seq).toBe(f.hub.context.host.current.lastSeq)
    expect(waiting(answer)).toBe(4 * 60) // three ahead
    expect(estimates.current()).toBe(answer)
  })

  it('runs one more estimation for a burst of asks made while one is in flight, not one each', async () => {
    const e = heldEstimator()
    f = await HubFixture.start({ estimator: e.estimator })
    const estimates = f.hub.context.estimates
    await estimates.recompute()
    e.hold()
    const before = e.begun()
    const inFlight = estimates.recompute()
    const asks = Array.from({ length: 5 }, () => estimates.recompute())
    e.letGo()
    await inFlight
    const answers = await Promise.all(asks)
    expect(e.begun() - before).toBe(2)
    expect(new Set(answers).size).toBe(1)
    expect(answers[0]).not.toBe(await inFlight)
  })
})

describe('LiveEstimates.forNewcomer (a ticket being issued)', () => {
  it('waits for the estimation under way when the latest finished one is from before a ticket', async () => {
    const e = heldEstimator()
    f = await HubFixture.start({ estimator: e.estimator })
    const estimates = f.hub.context.estimates
    await estimates.recompute()
    expect((await estimates.forNewcomer())?.seq).toBe(f.hub.context.host.current.lastSeq)
    // a ticket is issued, and an estimation that includes it begins (the hub's timer) and is held
    e.hold()
    expect((await issueStraight(f)).ok).toBe(true)
    const inFlight = estimates.recompute()
    // a tap now: the latest finished estimates are from before the ticket
    const asked = estimates.forNewcomer()
    e.letGo()
    await inFlight
    // not the estimates from before the ticket: the one under way, or one after it
    const answer = await asked
    expect(answer?.seq).toBe(f.hub.context.host.current.lastSeq)
    expect(answer?.newTicket.personal?.ordinary?.mean).toBe(2 * 60)
  })

  it('is not held up long by an estimation that does not come back: the tap gets the latest and it is logged', async () => {
    const e = heldEstimator()
    f = await HubFixture.start({ estimator: e.estimator })
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'before-the-hold')).status).toBe(200)
    await f.hub.context.estimates.recompute()
    e.hold()
    expect((await f.issue(kiosk, 'held-tap-1')).status).toBe(200)
    const started = Date.now()
    // the tap before this one made the estimates stale: this one waits for them, up to the limit
    const second = await f.issue(kiosk, 'held-tap-2')
    expect(second.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2500)
    // told what the latest estimates said (one ahead: two minutes), not left without a figure
    expect(second.body.estimate?.mean).toBe(2 * 60)
    const line = await untilLogged(f.dataDir, (l) => l.event === 'hub.task', 'the late estimate')
    expect(line.msg).toMatch(/no estimate within 1000 ms for a ticket being issued/)
    e.letGo()
  })
})

describe('the hub start', () => {
  it('starts when its first estimate fails, logs why and estimates again', async () => {
    // As a thread that crashes on its first job fails the estimate it owed (and is ended, so the
    // next runs inline): the first estimation rejects, the ones after it do not.
    const plain = peopleAheadEstimator(DEMO_BRANCH)
    let calls = 0
    const estimator: WaitEstimator = {
      ...plain,
      all: async (state, now) => {
        calls++
        if (calls === 1) throw new Error('the estimation thread stopped (exit code 1)')
        return plain.all(state, now)
      },
    }
    f = await HubFixture.start({ estimator })
    expect(calls).toBe(2)
    expect(f.hub.context.estimates.current()).not.toBeNull()
    const line = await untilLogged(f.dataDir, (l) => l.event === 'hub.task', 'the failed estimate')
    expect(line.msg).toBe('estimating waits: the estimation thread stopped (exit code 1)')
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'after-a-failed-start')).status).toBe(200)
    expect((await f.hub.context.estimates.recompute()).newTicket.personal?.ordinary?.mean).toBe(2 * 60)
  })
})
