import type { BranchConfig } from '../domain/branch'
import type { MomentSums, ServiceTimeStats } from './serviceTimeStats'

/** Prior spread of a teller's pace on the log scale: most work within ±40 % of the branch's. */
const PRIOR_SD = 0.25
/** Smallest within-counter variance of log times taken (nearly fixed work still varies a little). */
const MIN_LOG_VARIANCE = 0.003
/** Log variance assumed before a service has enough observations to measure its own. */
const DEFAULT_LOG_VARIANCE = 0.5

interface LogSums {
  n: number
  l1: number
  l2: number
}

/**
 * Each counter's pace relative to the branch's, as a multiplier of a service's mean occupancy:
 * a Bayesian (normal–normal) estimate on the log scale, pooled over every service the counter
 * serves. Each visit says log(time) − the service's mean log time; visits of services whose
 * times vary little say more (their log variance within counters is small), so on nearly fixed
 * work one or two visits show a counter 30 % slower, while on exponential work it takes a few
 * dozen. Logarithms keep a single very long transaction from making a counter look slow. The
 * prior — every counter at the branch's pace, with a spread of ±25 % — keeps a counter with no
 * visits yet at 1. Recent days count for at most `historyCap` visits per counter and service.
 *
 * @example
 * // c2 took 78 s for work that takes 60 s at c1, ten times, on nearly fixed work
 * counterSpeeds(branch, [], today).c2 //=> about 1.27
 */
export function counterSpeeds(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  historyCap = 200,
): Record<string, number> {
  const evidence = new Map<string, { e: number; p: number }>()
  for (const service of branch.services) {
    const id = service.id
    const per = new Map<string, LogSums>()
    for (const counter of branch.counters) {
      if (!counter.services.includes(id)) continue
      const past = sumOf(history.map((h) => h.occupancyByCounter[id]?.[counter.id]))
      const now = sumOf([today?.occupancyByCounter[id]?.[counter.id]])
      const w = past.n > historyCap ? historyCap / past.n : 1
      const s = { n: now.n + w * past.n, l1: now.l1 + w * past.l1, l2: now.l2 + w * past.l2 }
      if (s.n > 0) per.set(counter.id, s)
    }
    let n = 0
    let l1 = 0
    let within = 0
    for (const s of per.values()) {
      n += s.n
      l1 += s.l1
      within += Math.max(0, s.l2 - (s.l1 * s.l1) / s.n)
    }
    if (n === 0) continue
    const mean = l1 / n
    const dof = n - per.size
    const variance = Math.max(MIN_LOG_VARIANCE, dof >= 5 ? within / dof : DEFAULT_LOG_VARIANCE)
    for (const [c, s] of per) {
      const x = evidence.get(c) ?? { e: 0, p: 0 }
      evidence.set(c, { e: x.e + (s.l1 - s.n * mean) / variance, p: x.p + s.n / variance })
    }
  }
  const out: Record<string, number> = {}
  for (const counter of branch.counters) {
    const x = evidence.get(counter.id)
    out[counter.id] = x === undefined ? 1 : Math.exp(x.e / (1 / (PRIOR_SD * PRIOR_SD) + x.p))
  }
  return out
}

function sumOf(ms: readonly (MomentSums | undefined)[]): LogSums {
  const s: LogSums = { n: 0, l1: 0, l2: 0 }
  for (const m of ms) {
    if (m === undefined) continue
    s.n += m.n
    s.l1 += m.sumLog
    s.l2 += m.sumLogSq
  }
  return s
}
