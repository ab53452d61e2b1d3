/** The figures a manager reads off a set of durations (seconds); null when there are none. */
export interface Distribution {
  readonly count: number
  readonly mean: number | null
  readonly median: number | null
  readonly p90: number | null
  readonly max: number | null
}

/**
 * The q-quantile of ascending values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, what spreadsheets' PERCENTILE gives).
 *
 * @example
 * quantileSorted([10, 20, 30, 40], 0.5) //=> 25
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length
  if (n === 0) return null
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const a = sorted[lo] as number
  const b = sorted[Math.min(lo + 1, n - 1)] as number
  return a + (h - lo) * (b - a)
}

/**
 * Count, mean, median, 90th percentile and maximum.
 *
 * @example
 * distribution([30, 10, 20, 40]) //=> { count: 4, mean: 25, median: 25, p90: 37, max: 40 }
 */
export function distribution(values: readonly number[]): Distribution {
  // a typed array sorts numerically and in place, without boxing
  const sorted = Float64Array.from(values).sort()
  let sum = 0
  for (const v of sorted) sum += v
  const n = sorted.length
  return {
    count: n,
    mean: n === 0 ? null : sum / n,
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    max: n === 0 ? null : (sorted[n - 1] as number),
  }
}

/**
 * A share in [0, 1], or null when nothing was measured (so a chart shows a gap, not a 0 %).
 *
 * @example
 * shareOf(3, 4) //=> 0.75
 * shareOf(0, 0) //=> null
 */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

/**
 * Groups items by a key, keeping first-seen order of the keys.
 *
 * @example
 * groupBy([1, 2, 3], (x) => x % 2) //=> Map { 1 => [1, 3], 0 => [2] }
 */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const g = groups.get(k)
    if (g === undefined) groups.set(k, [item])
    else g.push(item)
  }
  return groups
}
