import type { PredictionRow } from './evaluatePredictions'

/** The 80 % range's coverage in one cell (an hour of the day, or a service). */
export interface CoverageCell {
  readonly key: string
  readonly n: number
  readonly coverage: number
}

export interface CoverageBreakdown {
  /** Per hour after opening and per service, cells with at least `minWaits` ranged waits. */
  readonly hours: readonly CoverageCell[]
  readonly services: readonly CoverageCell[]
  /** The lowest of those cells (null when none has enough waits). */
  readonly worstHour: CoverageCell | null
  readonly worstService: CoverageCell | null
}

/**
 * The calibration of the 80 % range hour by hour and service by service, as the promise is
 * judged (at least 65 % in every hour and every service with 30 or more waits). Customers told
 * "no wait" (p90 = 0) are left out, as in `scorePredictions`.
 *
 * @example
 * coverageBreakdown(rows).worstHour //=> { key: '3', n: 41, coverage: 0.71 }
 */
export function coverageBreakdown(rows: readonly PredictionRow[], minWaits = 30): CoverageBreakdown {
  const hours = new Map<string, { n: number; in: number }>()
  const services = new Map<string, { n: number; in: number }>()
  const add = (m: Map<string, { n: number; in: number }>, key: string, inside: boolean): void => {
    const c = m.get(key) ?? { n: 0, in: 0 }
    c.n++
    if (inside) c.in++
    m.set(key, c)
  }
  for (const r of rows) {
    if (r.ours === null || r.ours.p90 <= 0) continue
    const inside = r.actual >= r.ours.p10 && r.actual <= r.ours.p90
    if (r.hour !== undefined) add(hours, String(r.hour), inside)
    if (r.serviceId !== undefined) add(services, r.serviceId, inside)
  }
  const cells = (m: Map<string, { n: number; in: number }>): CoverageCell[] =>
    [...m.entries()]
      .filter(([, c]) => c.n >= minWaits)
      .map(([key, c]) => ({ key, n: c.n, coverage: c.in / c.n }))
      .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))
  const worst = (xs: readonly CoverageCell[]): CoverageCell | null =>
    xs.reduce<CoverageCell | null>((w, x) => (w === null || x.coverage < w.coverage ? x : w), null)
  const h = cells(hours)
  const s = cells(services)
  return { hours: h, services: s, worstHour: worst(h), worstService: worst(s) }
}
