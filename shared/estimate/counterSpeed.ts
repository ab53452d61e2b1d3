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
 * Each counter's pace relative to the branch's — the geometric mean of the counters that share
 * services with it, whose log paces the prior makes sum to zero — as a multiplier of a service's
 * mean occupancy:
 * a Bayesian (normal–normal) estimate on the log scale, pooled over every service the counter
 * serves. Log time is a service's level plus the counter's pace, fitted jointly (`solvePaces`).
 * Fitting them one after the other instead — each service's level the raw mean
 * of its visits — gave a service seen only at one slow counter that counter's slowness twice,
 * and the faster counters serving it alongside a pace that was not theirs. Visits of services
 * whose times vary little say more (their log variance within counters is small), so on nearly
 * fixed work one or two visits show a counter 30 % slower, while on exponential work it takes a
 * few dozen. Logarithms keep a single very long transaction from making a counter look slow. The
 * prior — every counter at the branch's pace, with a spread of ±25 % — keeps a counter with no
 * visits yet at 1. Recent days count for at most `historyCap` visits per counter and service.
 *
 * @example
 * // c2 took 78 s for work that takes 60 s at c1, ten times, on nearly fixed work
 * const paces = counterPaces(branch, [], today)
 * paces.c2 / paces.c1 //=> about 1.3
 */
export function counterPaces(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  historyCap = 200,
): Record<string, number> {
  const pace = solvePaces(cellsOf(branch, history, today, historyCap, 'counter'))
  const speed: Record<string, number> = {}
  for (const counter of branch.counters) speed[counter.id] = Math.exp(pace.get(counter.id) ?? 0)
  return speed
}

/**
 * The same paces, of the tellers rather than the desks: a teller's visits at whichever counter
 * they sat at (`occupancyByStaff`), fitted the same way. Tellers move between counters from day
 * to day, and the pace is theirs, not the desk's. Every teller seen, and every one of `present`,
 * gets a pace (1 — the branch's — for one not seen yet).
 *
 * @example
 * // t2 took 78 s for work t1 does in 60 s, at whichever counters they were
 * const paces = staffPaces(branch, history, today, ['t1', 't2'])
 * paces.t2 / paces.t1 //=> about 1.3
 */
export function staffPaces(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  present: readonly string[],
  historyCap = 200,
): Record<string, number> {
  const pace = solvePaces(cellsOf(branch, history, today, historyCap, 'staff'))
  const speed: Record<string, number> = {}
  for (const staff of [...present, ...pace.keys()]) speed[staff] = Math.exp(pace.get(staff) ?? 0)
  return speed
}

/** The tellers with visits of a service in recent days or today, in a fixed order. */
export function staffSeen(
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  service: string,
): string[] {
  const seen = new Set<string>()
  for (const stats of [...history, today])
    for (const staff of Object.keys(stats?.occupancyByStaff?.[service] ?? {})) seen.add(staff)
  return [...seen].sort()
}

/** One cell per service and unit (counter or teller) with visits; history at most `historyCap` visits' worth. */
function cellsOf(
  branch: BranchConfig,
  history: readonly ServiceTimeStats[],
  today: ServiceTimeStats | null,
  historyCap: number,
  by: 'counter' | 'staff',
): Cell[] {
  const unitsOf = (id: string): readonly string[] =>
    by === 'counter'
      ? branch.counters.filter((c) => c.services.some((s) => s === id)).map((c) => c.id)
      : staffSeen(history, today, id)
  const sumsOf = (stats: ServiceTimeStats, id: string, unit: string): MomentSums | undefined =>
    by === 'counter' ? stats.occupancyByCounter[id]?.[unit] : stats.occupancyByStaff?.[id]?.[unit]
  const cells: Cell[] = []
  for (const service of branch.services) {
    const id = service.id
    const per = new Map<string, LogSums>()
    for (const unit of unitsOf(id)) {
      const past = sumOf(history.map((h) => sumsOf(h, id, unit)))
      const now = sumOf([today === null ? undefined : sumsOf(today, id, unit)])
      const w = past.n > historyCap ? historyCap / past.n : 1
      const s = { n: now.n + w * past.n, l1: now.l1 + w * past.l1, l2: now.l2 + w * past.l2 }
      if (s.n > 0) per.set(unit, s)
    }
    let n = 0
    let within = 0
    for (const s of per.values()) {
      n += s.n
      within += Math.max(0, s.l2 - (s.l1 * s.l1) / s.n)
    }
    if (n === 0) continue
    const dof = n - per.size
    const variance = Math.max(MIN_LOG_VARIANCE, dof >= 5 ? within / dof : DEFAULT_LOG_VARIANCE)
    for (const [unit, s] of per) cells.push({ service: id, counter: unit, s, variance })
  }
  return cells
}

interface Cell {
  readonly service: string
  readonly counter: string
  readonly s: LogSums
  readonly variance: number
}

/**
 * The counters' log paces b minimising Σ (log time − a_s − b_c)² / v_s over the visits plus
 * Σ b_c² / PRIOR_SD² (the prior), the service levels a_s free. With each a_s at its optimum
 * given b (its visits' mean net of their counters' paces), b solves one small linear system:
 * M b = r with M = diag(1/PRIOR_SD² + Σ_s n_sc/v_s) − Σ_s (n_sc n_sc′)/(v_s n_s) and
 * r_c = Σ_s (Σ log − n_sc · the service's mean log)/v_s — symmetric and positive definite (the
 * prior), solved by elimination. Without the coupling term it is the old one-pass estimate.
 */
function solvePaces(cells: readonly Cell[]): Map<string, number> {
  const counters = [...new Set(cells.map((c) => c.counter))]
  const index = new Map(counters.map((c, i) => [c, i]))
  const k = counters.length
  const m = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k + 1 }, (_, j) => (i === j ? 1 / (PRIOR_SD * PRIOR_SD) : 0)),
  )
  const byService = new Map<string, Cell[]>()
  for (const c of cells) byService.set(c.service, [...(byService.get(c.service) ?? []), c])
  for (const group of byService.values()) {
    const n = group.reduce((a, c) => a + c.s.n, 0)
    const mean = group.reduce((a, c) => a + c.s.l1, 0) / n
    const v = group[0]?.variance ?? DEFAULT_LOG_VARIANCE
    for (const c of group) {
      const i = index.get(c.counter) as number
      const row = m[i] as number[]
      row[i] = (row[i] as number) + c.s.n / v
      row[k] = (row[k] as number) + (c.s.l1 - c.s.n * mean) / v
      for (const d of group) {
        const j = index.get(d.counter) as number
        row[j] = (row[j] as number) - (c.s.n * d.s.n) / (v * n)
      }
    }
  }
  // Gaussian elimination; no pivoting needed on a positive definite matrix
  for (let p = 0; p < k; p++) {
    const pivot = m[p] as number[]
    for (let i = p + 1; i < k; i++) {
      const row = m[i] as number[]
      const f = (row[p] as number) / (pivot[p] as number)
      if (f === 0) continue
      for (let j = p; j <= k; j++) row[j] = (row[j] as number) - f * (pivot[j] as number)
    }
  }
  const b = new Array<number>(k).fill(0)
  for (let i = k - 1; i >= 0; i--) {
    const row = m[i] as number[]
    let x = row[k] as number
    for (let j = i + 1; j < k; j++) x -= (row[j] as number) * (b[j] as number)
    b[i] = x / (row[i] as number)
  }
  return new Map(counters.map((c, i) => [c, b[i] as number]))
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
