/**
 * What checking the estimation thread's answer costs the hub's event loop
 * (`hub/estimation/estimationProtocol.ts`): every estimate of every waiting ticket and of the
 * kiosk's would-be tickets, checked by a compiled TypeBox checker as the answer arrives. Against
 * the estimator's 5 ms budget (`estimate.bench.ts`), for 100 waiting tickets (the budget case),
 * 300 (a very busy branch) and 2,000 (far beyond any branch); beside it, for scale, the copy of
 * the same answer that the thread's `postMessage` already makes.
 *
 *   npx tsx bench/workerProtocol.bench.ts
 */
import { parseEstimationAnswer } from '../hub/estimation/estimationProtocol'

const estimate = (i: number) => ({ mean: 60 * i, p10: 30 * i, p50: 55 * i, p90: 120 * i })

function answer(waiting: number): unknown {
  const tickets: Record<string, unknown> = {}
  // the projection of who is already there: a mean per ticket and would-be ticket
  const present = { tickets: {} as Record<string, number>, newTicket: {} as Record<string, Record<string, number>> }
  for (let i = 0; i < waiting; i++) {
    const id = `20261124-A${String(i).padStart(3, '0')}`
    tickets[id] = estimate(i)
    present.tickets[id] = 50 * i
  }
  const newTicket: Record<string, Record<string, unknown>> = {}
  for (let s = 0; s < 6; s++) {
    newTicket[`service${s}`] = { ordinary: estimate(s), vip: estimate(s), care: estimate(s) }
    present.newTicket[`service${s}`] = { ordinary: 50 * s, vip: 50 * s, care: 50 * s }
  }
  return { id: 1, result: { tickets, newTicket, present } }
}

const ROUNDS = 3000

/** Median and p99 of `f`, in µs, after 300 warm-up calls. */
function timed(f: () => void): [string, string] {
  for (let i = 0; i < 300; i++) f()
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now()
    f()
    times.push((performance.now() - t) * 1000)
  }
  times.sort((a, b) => a - b)
  const at = (p: number): string => (times[Math.floor(p * (ROUNDS - 1))] ?? NaN).toFixed(1).padStart(9)
  return [at(0.5), at(0.99)]
}

// For scale: the copy of the same answer the thread's postMessage already pays (structuredClone).
console.log('waiting tickets   check median µs   p99 µs   | copy median µs   p99 µs   (estimator budget: 5,000 µs p99)')
for (const waiting of [100, 300, 2000]) {
  const m = answer(waiting)
  if (!parseEstimationAnswer(m).ok) throw new Error('the answer was refused')
  const [checkMedian, checkP99] = timed(() => void parseEstimationAnswer(m))
  const [copyMedian, copyP99] = timed(() => void structuredClone(m))
  console.log(
    `${String(waiting).padStart(15)}   ${checkMedian.padStart(15)}   ${checkP99}   | ${copyMedian.padStart(14)}   ${copyP99}`,
  )
}
