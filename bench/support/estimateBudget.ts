/**
 * The estimator's 5 ms budget case: 100 waiting tickets (three services, two priority classes),
 * 10 busy counters, every ticket and the kiosk menu estimated, 100 warm-up rounds then 300 timed.
 * Shared by `estimate.bench.ts` (main thread) and `budgetWorker.ts` (inside a worker thread, as
 * the hub's estimation thread runs it).
 */
import { getHeapStatistics } from 'node:v8'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import type { BranchConfig } from '../../shared/domain/branch'
import { counterId, priorityClassId, staffId } from '../../shared/domain/ids'
import { localHour } from '../../shared/estimate/calibrationFeed'
import { estimateWaits, type WaitEstimates } from '../../shared/estimate/estimateWaits'
import { estimateScratch } from '../../shared/estimate/estimateScratch'
import { knownServiceTimes } from '../../shared/estimate/learnServiceTimes'
import { onlineLearner, refine } from '../../shared/estimate/onlineLearner'
import { pointExperts } from '../../shared/estimate/pointExperts'
import type { Command } from '../../shared/queue/commands'
import { execute } from '../../shared/queue/decide'
import { EMPTY_STATE, type QueueState } from '../../shared/queue/state'
import { mixSeed, seededRng } from '../../shared/sim/random'

export interface BudgetTimes {
  readonly waiting: number
  readonly counters: number
  /** ms per round: the projection alone (what the hub's estimation thread runs). */
  readonly projection: readonly number[]
  /** ms per round: the projection, each mean combined and each range recalibrated, as shown. */
  readonly shown: readonly number[]
  /** Heap allocated by one projection round (KB, the median over the rounds no collection ran in). */
  readonly allocKb: number
  /** Timed projection rounds a garbage collection ran in (the heap shrank across the round), and their ms. */
  readonly gcRounds: readonly number[]
  /** The same for the rounds as shown. */
  readonly shownGcRounds: readonly number[]
}

/** The budget case's state, and the two things timed on it: the projection, and the estimates as shown. */
export interface BudgetCase {
  readonly waiting: number
  readonly counters: number
  /** The projection of every ticket and the kiosk menu at `at` (what the hub's estimation thread runs). */
  readonly project: (at: number) => WaitEstimates
  /** The projection, then every mean combined and every range recalibrated, as the hub shows them. */
  readonly shown: (at: number) => void
  /** The state's clock (epoch ms): estimate at this instant or after. */
  readonly start: number
}

export function budgetCase(): BudgetCase {
  const branch: BranchConfig = {
    ...DEMO_BRANCH,
    counters: Array.from({ length: 10 }, (_, i) => ({
      id: counterId(`c${i + 1}`),
      number: i + 1,
      services: [DEMO_BRANCH.services[i % 4]?.id, DEMO_BRANCH.services[(i + 1) % 4]?.id].filter(
        (x): x is NonNullable<typeof x> => x !== undefined,
      ),
    })),
  }
  let state: QueueState = EMPTY_STATE
  let now = Date.UTC(2026, 10, 24, 1)
  const run = (c: Command): void => {
    const r = execute(state, branch, c, now)
    if (!r.ok) throw new Error(r.error.message)
    state = r.value.state
  }
  run({ type: 'openDay', date: '2026-11-24' })
  const rng = seededRng(mixSeed(3))
  for (const c of branch.counters) run({ type: 'openCounter', counterId: c.id, staffId: staffId(`s-${c.id}`) })
  for (let i = 0; i < 110; i++) {
    now += 5000
    const service = branch.services[Math.floor(rng.next() * 4)]?.id ?? branch.services[0]!.id
    const u = rng.next()
    const cls = u < 0.1 ? priorityClassId('vip') : u < 0.15 ? priorityClassId('care') : null
    run({
      type: 'issueTicket',
      serviceId: service,
      priorityClassId: cls,
      language: 'zh-CN',
      appointmentAt: null,
      estimate: null,
    })
  }
  for (const c of branch.counters) {
    run({ type: 'callNext', counterId: c.id })
    run({ type: 'startService', counterId: c.id })
    now += 7000
  }
  const model = knownServiceTimes(branch, {
    personal: { meanSec: 150, scv: 0.8 },
    business: { meanSec: 360, scv: 1.2, family: 'lognormal' },
    wealth: { meanSec: 600, scv: 0.5 },
    cards: { meanSec: 240, scv: 0.3 },
  })
  const arrivals = branch.services.flatMap((s) => [
    { serviceId: s.id, priorityClassId: null, perHour: 20, evidence: 20 },
    { serviceId: s.id, priorityClassId: priorityClassId('vip'), perHour: 4, evidence: 4 },
  ])
  const waiting = state.open.filter((t) => t.status === 'waiting').length
  // As the hub shows them: the projection, then every estimate's mean combined with the delay
  // history and its range recalibrated (the online learner has seen a day's calls: every cell of
  // the calibration is set, so every range is stretched).
  const cell = { lo: 0.1, hi: 0.2, n: 100, at: now }
  const hour = localHour(now, 480)
  const learner = onlineLearner({
    cells: Object.fromEntries([
      ['*', cell],
      ...branch.services.flatMap((s) => [
        [`s:${s.id}`, cell],
        [`s:${s.id}|h:${hour}`, cell],
      ]),
    ]),
  })
  const wouldBe = branch.services.flatMap((s) =>
    [null, ...branch.priorityClasses.map((p) => p.id)].map((c) => ({ serviceId: s.id, priorityClassId: c })),
  )
  // The estimator's working memory lives across estimates, as on the hub's estimation thread.
  const scratch = estimateScratch()
  // The thread's work: the model's projection and the projection of who is already there.
  const project = (at: number): WaitEstimates =>
    estimateWaits(state, branch, model, at, { arrivals, present: true, scratch })
  const serviceOf = new Map(state.open.map((t) => [t.id, t.serviceId]))
  const shown = (at: number): void => {
    const raw = project(at)
    const experts = pointExperts(state, branch, model, at, { personal: 300, business: 900 }, wouldBe)
    raw.tickets.forEach((t, i) => {
      const service = serviceOf.get(t.ticketId)
      const p = raw.present?.tickets[i] ?? null
      if (t.estimate !== null && service !== undefined)
        refine(learner, service, t.estimate, experts.tickets.get(t.ticketId), p, at, false)
    })
    raw.newTickets.forEach((g, i) => {
      const p = raw.present?.newTickets[i] ?? null
      if (g.estimate !== null) refine(learner, g.serviceId, g.estimate, experts.wouldBe[i], p, at, false)
    })
  }
  return { waiting, counters: branch.counters.length, project, shown, start: now }
}

export function timeBudget(rounds = 300): BudgetTimes {
  const { waiting, counters, project, shown, start } = budgetCase()
  // Warm up first: the hub's estimator thread runs all day, so its steady state is compiled code
  // (timed cold, the JIT's first rounds were the slowest 1 %).
  const WARM = 100
  const budget: number[] = []
  const budgetShown: number[] = []
  const alloc: number[] = []
  const gcRounds: number[] = []
  const shownGcRounds: number[] = []
  for (let i = -WARM; i < rounds; i++) {
    if (i === 0) budget.length = budgetShown.length = 0
    const at = start + (i + WARM) * 1000
    const heap0 = getHeapStatistics().used_heap_size
    const t0 = performance.now()
    project(at)
    const ms = performance.now() - t0
    budget.push(ms)
    const grown = getHeapStatistics().used_heap_size - heap0
    if (i >= 0 && grown >= 0) alloc.push(grown / 1024)
    if (i >= 0 && grown < 0) gcRounds.push(ms)
    const heap1 = getHeapStatistics().used_heap_size
    const t1 = performance.now()
    shown(at)
    const shownMs = performance.now() - t1
    budgetShown.push(shownMs)
    if (i >= 0 && getHeapStatistics().used_heap_size < heap1) shownGcRounds.push(shownMs)
  }
  alloc.sort((a, b) => a - b)
  return {
    waiting,
    counters,
    projection: budget,
    shown: budgetShown,
    allocKb: alloc[Math.floor(alloc.length / 2)] ?? Number.NaN,
    gcRounds,
    shownGcRounds,
  }
}
