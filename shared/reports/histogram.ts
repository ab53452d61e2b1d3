/**
 * Fixed-edge histograms: how the daily summaries keep distributions compact enough to store a
 * year of them, yet mergeable, so a date range's median and 90th percentile are computed from
 * all its customers rather than by averaging daily percentiles (which would be wrong).
 */

/**
 * Bin edges from runs of (up to, step): [[600, 15], [3600, 60]] → 0, 15, …, 600, 660, …, 3600.
 *
 * @example
 * edgesOf([[60, 30], [180, 60]]) //=> [0, 30, 60, 120, 180]
 */
export function edgesOf(runs: readonly (readonly [number, number])[]): number[] {
  const edges = [0]
  let x = 0
  for (const [upTo, step] of runs) {
    while (x + step <= upTo + 1e-9) {
      x += step
      edges.push(x)
    }
  }
  return edges
}

/** Waits: 15 s bins to 10 min, 1 min bins to 1 h, 5 min bins to 4 h, then one open bin. */
export const WAIT_EDGES: readonly number[] = edgesOf([
  [600, 15],
  [3600, 60],
  [14_400, 300],
])

/** Transaction and holding times: 10 s bins to 10 min, 1 min to 1 h, 5 min to 4 h, then open. */
export const DURATION_EDGES: readonly number[] = edgesOf([
  [600, 10],
  [3600, 60],
  [14_400, 300],
])

/**
 * Counts per bin: bin i holds [edges[i], edges[i+1]); the last bin everything from the last
 * edge up. Trailing empty bins are dropped, so a quiet day stores a short array.
 *
 * @example
 * histogramOf([5, 35, 40, 500], [0, 30, 60]) //=> [1, 2, 1]
 */
export function histogramOf(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length).fill(0)
  for (const v of values) {
    const i = binOf(v, edges)
    counts[i] = (counts[i] as number) + 1
  }
  return trim(counts)
}

/**
 * Adds histograms over the same edges.
 *
 * @example
 * mergeCounts([1, 2], [0, 1, 4]) //=> [1, 3, 4]
 */
export function mergeCounts(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(0)
  for (let i = 0; i < out.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0)
  return out
}

/**
 * The q-quantile of a histogram, interpolating linearly inside the bin (exact to within a bin's
 * width); inside the open last bin it interpolates up to `max`, the largest value seen.
 *
 * @example
 * quantileOfHistogram([2, 2], [0, 60], 0.5, 100) //=> 60
 */
export function quantileOfHistogram(
  counts: readonly number[],
  edges: readonly number[],
  q: number,
  max: number,
): number | null {
  const n = counts.reduce((s, c) => s + c, 0)
  if (n === 0) return null
  const rank = q * n
  let below = 0
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number
    if (c > 0 && below + c >= rank) {
      const lo = edges[i] as number
      const hi = Math.max(lo, Math.min(edges[i + 1] ?? max, max))
      return lo + ((rank - below) / c) * (hi - lo)
    }
    below += c
  }
  return max
}

function binOf(v: number, edges: readonly number[]): number {
  let lo = 0
  let hi = edges.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if ((edges[mid] as number) <= v) lo = mid
    else hi = mid - 1
  }
  return lo
}

function trim(counts: number[]): number[] {
  let end = counts.length
  while (end > 0 && counts[end - 1] === 0) end--
  return counts.slice(0, end)
}
