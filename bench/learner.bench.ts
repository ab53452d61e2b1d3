/**
 * What the estimator's online learner costs per event (`shared/estimate/onlineLearner.ts`): the
 * range's calibration and the combined mean settle what each event makes certain, and the mean's
 * provisional charges guess every awaited ticket's error from its line's progress — one pass over
 * the awaited tickets per event (and per estimate request, `learnAt`). Measured with 100 and 300
 * tickets awaited in two services and a premier class, a call every event (the busiest case:
 * every awaited ticket of the line moves on), against the estimator's 5 ms budget per event.
 *
 *   npx tsx bench/learner.bench.ts
 */
import { awaitOutcome, learnFrom, onlineLearner, type OnlineLearner } from '../shared/estimate/onlineLearner'
import { counterId, ticketId } from '../shared/domain/ids'
import type { QueueEvent } from '../shared/queue/events'

const T0 = Date.UTC(2026, 10, 24, 1)
const SHOWN = { mean: 600, p10: 120, p50: 500, p90: 1500 }
const ROUNDS = 3000

/** `waiting` tickets awaited, issued a few seconds apart, each with what four predictors said. */
function learnerWith(waiting: number): { learner: OnlineLearner; issued: number } {
  const learner = onlineLearner()
  for (let i = 0; i < waiting; i++) issue(learner, i)
  return { learner, issued: waiting }
}

function issue(learner: OnlineLearner, i: number): void {
  const service = i % 3 === 0 ? 'business' : 'personal'
  const cls = i % 7 === 0 ? 'vip' : null
  awaitOutcome(learner, `t${i}`, service, T0 + i * 5000, SHOWN, [600 + i, 500, 550, 620], cls, false)
}

console.log('awaited tickets   per event: median µs   p99 µs   (estimator budget: 5,000 µs p99 per event)')
for (const waiting of [100, 300]) {
  const { learner, issued } = learnerWith(waiting)
  let next = issued
  let called = 0
  let at = T0 + waiting * 5000
  const times: number[] = []
  for (let r = 0; r < ROUNDS + 300; r++) {
    // one call of the oldest awaited ticket, one new ticket: the queue stays as long
    at += 20_000
    const event = {
      type: 'ticketCalled',
      ticketId: ticketId(`t${called}`),
      counterId: counterId('c1'),
      staffId: null,
      seq: r,
      at,
    } as QueueEvent
    const t = performance.now()
    learnFrom(learner, event)
    if (r >= 300) times.push((performance.now() - t) * 1000)
    called++
    issue(learner, next++)
  }
  times.sort((a, b) => a - b)
  const q = (p: number): string => (times[Math.floor(p * (times.length - 1))] ?? NaN).toFixed(1).padStart(9)
  console.log(`${String(waiting).padStart(15)}   ${q(0.5)}   ${q(0.99)}`)
}
