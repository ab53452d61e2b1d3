import { afterEach, describe, expect, it, vi } from 'vitest'
import { estimationJob, runEstimation, type EstimationJob } from '../../hub/estimation/estimationJob'
import { EstimationThread, type EstimationThreadOptions } from '../../hub/estimation/estimationThread'
import { ScenarioTooSlow, Simulator } from '../../hub/reports/whatIf'
import { learnServiceTimes } from '../../shared/estimate/learnServiceTimes'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../shared/support/testBranch'

/**
 * The hub's worker threads, real threads, answering out of their protocol: the call they owed
 * fails with a clear error (logged once), never hangs and is never used, and the next call works.
 */

const misbehaving = { url: import.meta.url, name: 'support/misbehavingWorker' }
const slowStart = { url: import.meta.url, name: 'support/slowStartWorker' }
const silentStart = { url: import.meta.url, name: 'support/silentStartWorker' }
/** A slow-start test's time: its worker's 3 s delay, then loading it through tsx, seconds on two loaded cores. */
const SLOW_START_TEST_MS = 60_000
const MODE = { garbage: -1, wrongShape: -2, unknownId: -3, crash: -4, throws: -5, hang: -6 } as const

const threads: EstimationThread[] = []
const simulators: Simulator[] = []
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all([...threads.splice(0).map((t) => t.close()), ...simulators.splice(0).map((s) => s.stop())])
})

function aJob(): EstimationJob {
  const d = new Driver(TEST_BRANCH).openDay()
  d.open(C1, ALICE)
  for (let i = 0; i < 5; i++) {
    d.issue(A, null)
    d.advance(60)
  }
  return estimationJob(d.state, TEST_BRANCH, learnServiceTimes(TEST_BRANCH, [], null), null, d.now, 480, null)
}

/** A thread on `options.worker` (default: the misbehaving one), what it logs collected. */
function thread(options: Omit<EstimationThreadOptions, 'onProblem'> = {}): {
  thread: EstimationThread
  logged: string[]
} {
  const logged: string[] = []
  const t = new EstimationThread({ worker: misbehaving, ...options, onProblem: (m) => logged.push(m) })
  threads.push(t)
  return { thread: t, logged }
}

describe('EstimationThread', () => {
  it('answers with the estimator through the real estimation worker', async () => {
    const t = new EstimationThread({ onProblem: (m) => expect.fail(m) })
    threads.push(t)
    expect(t.threaded).toBe(true)
    const job = aJob()
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it('says so when its worker file is missing, and estimates inline with the same result', async () => {
    const logged: string[] = []
    const t = new EstimationThread({
      worker: { url: import.meta.url, name: 'support/noSuchWorker' },
      onProblem: (m) => logged.push(m),
    })
    threads.push(t)
    expect(t.threaded).toBe(false)
    expect(logged).toEqual([
      "the estimation thread's file (support/noSuchWorker) is missing: estimates run on the hub's main thread",
    ])
    const job = aJob()
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it.each([
    ['garbage', /^the estimation thread sent a message not of its protocol \(must be object\)$/],
    ['wrongShape', /not of its protocol \(.*result\.tickets.*\)/],
    [
      'unknownId',
      /^the estimation thread answered request \d+, which is not waiting for an answer: an answer to nobody$/,
    ],
  ] as const)('fails the estimate it owed on %s, logs why, and estimates inline from then on', async (mode, words) => {
    const { thread: t, logged } = thread()
    const job = aJob()
    await expect(t.run({ ...job, now: MODE[mode] })).rejects.toThrow(words)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(words)
    expect(t.threaded).toBe(false)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it('fails the estimate it owed when the thread crashes, and estimates inline from then on', async () => {
    const { thread: t } = thread()
    const job = aJob()
    await expect(t.run({ ...job, now: MODE.crash })).rejects.toThrow(
      /^the estimation thread failed: the worker fell over$/,
    )
    expect(t.threaded).toBe(false)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it('fails the estimate a stuck thread owes after its limit, logs why, and estimates inline from then on', async () => {
    const { thread: t, logged } = thread({ worker: misbehaving, timeoutMs: 2000 })
    const job = aJob()
    await expect(t.run({ ...job, now: MODE.hang })).rejects.toThrow('the estimation thread took longer than 2 s')
    expect(logged).toEqual(['the estimation thread took longer than 2 s'])
    expect(t.threaded).toBe(false)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it(
    "gives a thread slow to start its time: an estimate's limit counts from when the thread has started",
    async () => {
      const { thread: t, logged } = thread({ worker: slowStart, timeoutMs: 2000 })
      const job = aJob()
      expect(await t.run(job)).toEqual(runEstimation(job))
      expect(logged).toEqual([])
      expect(t.threaded).toBe(true)
    },
    SLOW_START_TEST_MS,
  )

  it('takes a first answer for the start of a worker that never says it has started', async () => {
    // The limits' timers on a fake clock, so the start limit can be passed at once; the thread and
    // its messages are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { thread: t, logged } = thread({ worker: silentStart, startTimeoutMs: 1000 })
    const job = aJob()
    expect(await t.run(job)).toEqual(runEstimation(job))
    vi.advanceTimersByTime(60_000)
    expect(logged).toEqual([])
    expect(t.threaded).toBe(true)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it(
    'ends a thread that has not started within its start limit, logs why, and estimates inline from then on',
    async () => {
      const { thread: t, logged } = thread({ worker: slowStart, startTimeoutMs: 1000 })
      const job = aJob()
      await expect(t.run(job)).rejects.toThrow('the estimation thread did not start within 1 s')
      expect(logged).toEqual(['the estimation thread did not start within 1 s'])
      expect(t.threaded).toBe(false)
      expect(await t.run(job)).toEqual(runEstimation(job))
    },
    SLOW_START_TEST_MS,
  )

  it('fails only the estimate the worker could not make, and keeps the thread', async () => {
    const { thread: t, logged } = thread()
    const job = aJob()
    await expect(t.run({ ...job, now: MODE.throws })).rejects.toThrow(
      'the estimation thread: the job could not be done',
    )
    expect(logged).toEqual([])
    expect(t.threaded).toBe(true)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })

  it('refuses a request it cannot read, naming the field, and keeps answering', async () => {
    const logged: string[] = []
    const t = new EstimationThread({ onProblem: (m) => logged.push(m) })
    threads.push(t)
    const job = aJob()
    await expect(t.run({ ...job, only: 7 } as unknown as EstimationJob)).rejects.toThrow(
      'the estimation thread: a request not of the protocol (request.only: must be a string or null)',
    )
    expect(logged).toEqual([])
    expect(t.threaded).toBe(true)
    expect(await t.run(job)).toEqual(runEstimation(job))
  })
})

describe('Simulator', () => {
  const simulator = (limitMs = 60_000): { sim: Simulator; logged: string[] } => {
    const logged: string[] = []
    const sim = new Simulator({ worker: misbehaving, limitMs, onProblem: (m) => logged.push(m) })
    simulators.push(sim)
    return { sim, logged }
  }

  it.each([
    ['garbage', /^the simulator sent a message not of its protocol/],
    ['wrongShape', /^the simulator sent a message not of its protocol \(.*result\.result.*\)/],
    ['unknownId', /^the simulator answered request \d+, which is not waiting for an answer/],
    ['crash', /^the simulator failed: the worker fell over$/],
    ['throws', /^the simulator: the job could not be done$/],
  ] as const)('fails the what-if it owed on %s, and the next what-if works', async (mode, words) => {
    const { sim, logged } = simulator()
    await expect(sim.run(mode, 1)).rejects.toThrow(words)
    expect(logged).toHaveLength(mode === 'crash' || mode === 'throws' ? 0 : 1)
    expect(await sim.run({}, 1)).toEqual({
      result: { ok: false, problems: [{ field: 'x', message: 'y' }] },
      fromCache: false,
    })
  })

  it('ends a simulation over the limit, and the next what-if works', async () => {
    const { sim } = simulator(5000)
    const over = sim.run('hang', 1)
    await expect(over).rejects.toThrow(ScenarioTooSlow)
    await expect(over).rejects.toThrow('the simulation took longer than the 5 s a what-if may take')
    expect((await sim.run({}, 1)).fromCache).toBe(false)
  })

  it('answers a scenario through the real simulation worker', async () => {
    const sim = new Simulator({ onProblem: (m) => expect.fail(m) })
    simulators.push(sim)
    const answer = await sim.run({ counters: 'three' }, 1)
    expect(answer).toMatchObject({ fromCache: false, result: { ok: false } })
  })
})
