import { counterId, staffId } from '../../../../shared/domain/ids'
import type { BranchConfig } from '../../../../shared/domain/branch'
import type { EstimateOptions } from '../../../../shared/estimate/estimateWaits'
import { knownServiceTimes, type LearnedServiceTimes } from '../../../../shared/estimate/learnServiceTimes'
import type { QueueState } from '../../../../shared/queue/state'
import { Driver } from '../../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, CARE, TEST_BRANCH, VIP } from '../../support/testBranch'

/** Estimation cases shared by the tests of the estimator's working memory and of its shared runs. */

/** Every number as its exact text (−0 and NaN kept apart), so that equal means identical. */
export function exact(x: unknown): unknown {
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x)
  if (Array.isArray(x)) return x.map(exact)
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, exact(v)]))
  return x
}

export interface Case {
  readonly state: QueueState
  readonly branch: BranchConfig
  readonly model: LearnedServiceTimes
  readonly now: number
  readonly options: EstimateOptions
}

/** Three counters, two services, both priority classes, a booked customer, arrivals expected. */
export function smallBranch(): Case {
  const d = new Driver(TEST_BRANCH).openDay()
  d.open(C1, ALICE).open(C2, BOB).open(C3, CAROL)
  for (const c of [C1, C2, C3]) {
    d.issue(A)
    d.callNext(c)
    d.run({ type: 'startService', counterId: c })
    d.advance(40)
  }
  for (let i = 0; i < 14; i++) {
    d.advance(25)
    d.issue(i % 3 === 0 ? B : A, i % 5 === 1 ? VIP : i % 7 === 2 ? CARE : null)
  }
  d.book(A, d.now + 120_000, 300)
  const model = knownServiceTimes(TEST_BRANCH, { [A]: { meanSec: 150, scv: 0.6 }, [B]: { meanSec: 400, scv: 1.6 } })
  const arrivals = [
    { serviceId: A, priorityClassId: null, perHour: 30, evidence: 12 },
    { serviceId: B, priorityClassId: VIP, perHour: 4, evidence: 3 },
  ]
  return { state: d.state, branch: TEST_BRANCH, model, now: d.now, options: { arrivals } }
}

/** Eight counters of one service, 40 waiting: bigger than the other in every dimension. */
export function bigBranch(): Case {
  const branch: BranchConfig = {
    ...TEST_BRANCH,
    counters: Array.from({ length: 8 }, (_, i) => ({ id: counterId(`k${i}`), number: i + 1, services: [A, B] })),
  }
  const d = new Driver(branch).openDay()
  for (let i = 0; i < 8; i++) {
    d.open(counterId(`k${i}`), staffId(`t${i}`))
    d.issue(A)
    d.callNext(counterId(`k${i}`))
    d.run({ type: 'startService', counterId: counterId(`k${i}`) })
    d.advance(13)
  }
  for (let i = 0; i < 40; i++) {
    d.advance(7)
    d.issue(i % 4 === 0 ? B : A, i % 6 === 0 ? VIP : null)
  }
  const model = knownServiceTimes(branch, { [A]: { meanSec: 90, scv: 1 }, [B]: { meanSec: 240, scv: 0.3 } })
  const arrivals = [{ serviceId: A, priorityClassId: null, perHour: 60, evidence: 30 }]
  return { state: d.state, branch, model, now: d.now, options: { arrivals } }
}
