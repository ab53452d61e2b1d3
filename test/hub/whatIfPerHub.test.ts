import { afterEach, describe, expect, it } from 'vitest'
import { HubFixture } from './support/hubFixture'

/**
 * Two hubs in one process (the desktop app's hub beside a test's, two branches in one demo),
 * each with its own what-if simulator: a thread of one breaking its protocol is said in that
 * hub's log only, never in the log of whichever hub asked for a what-if last.
 */

/** A simulator thread that breaks its protocol when asked (`support/misbehavingWorker.ts`). */
const misbehaving = { worker: { url: import.meta.url, name: 'support/misbehavingWorker' }, limitMs: 3000 }

const hubs: HubFixture[] = []
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.stop()))
})

const whatIfLog = (f: HubFixture) =>
  f.hub.context.warnings
    .recent()
    .filter((w) => w.event === 'whatIf.thread')
    .map((w) => w.message)

describe('what-if simulators, one per hub', () => {
  it('logs a breach of a hub’s simulator thread in that hub’s log only, though another hub asked since', async () => {
    const a = await HubFixture.start({ simulator: misbehaving })
    const b = await HubFixture.start({ simulator: misbehaving })
    hubs.push(a, b)
    const [managerA, managerB] = await Promise.all([a.manager(), b.manager()])
    // Hub A's what-if hangs in its thread until the limit ends it ...
    const hung = a.request('POST', '/api/v1/simulations', { scenario: 'hang', seed: 1 }, managerA)
    await new Promise((resolve) => setTimeout(resolve, 500))
    // ... while hub B asks for one of its own, answered properly (a scenario the worker refuses).
    const fine = await b.request('POST', '/api/v1/simulations', { scenario: {}, seed: 1 }, managerB)
    expect(fine.status).toBe(422)
    // Over the limit is the scenario's (too big a day for the time a what-if may take), not a 500.
    expect(await hung).toMatchObject({ status: 422, body: { code: 'scenarioTooSlow' } })
    expect(whatIfLog(a)).toEqual([expect.stringMatching(/^the simulator took longer than 3 s/)])
    expect(whatIfLog(b)).toEqual([])
    // Hub B's simulator did not share A's thread: it still answers, and A's starts afresh.
    expect((await b.request('POST', '/api/v1/simulations', { scenario: {}, seed: 2 }, managerB)).status).toBe(422)
    expect((await a.request('POST', '/api/v1/simulations', { scenario: {}, seed: 2 }, managerA)).status).toBe(422)
    expect(whatIfLog(b)).toEqual([])
  })
})
