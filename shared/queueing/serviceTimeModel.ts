/**
 * What the time-varying staffing needs of a transaction-time distribution: its mean, and the
 * integrated survival function H(x) = ∫₀ˣ P(S > u) du = E[min(S, x)], which is how much of a
 * customer's transaction is still running x seconds after it could have begun (the
 * infinite-server offered load is built from it).
 */
export interface ServiceTimeModel {
  readonly meanSec: number
  /** E[min(S, x)] for x ≥ 0; 0 for x ≤ 0; tends to `meanSec`. */
  readonly partialMean: (x: number) => number
}

/**
 * Exponential transaction times: H(x) = s·(1 − e^{−x/s}).
 *
 * @example
 * exponentialService(60).partialMean(60) //=> 37.9… (60 × (1 − 1/e))
 */
export function exponentialService(meanSec: number): ServiceTimeModel {
  return {
    meanSec,
    partialMean: (x) => (x <= 0 ? 0 : meanSec * (1 - Math.exp(-x / meanSec))),
  }
}

/**
 * The empirical distribution of observed transaction (or counter holding) times:
 * H(x) = (Σ_{sᵢ ≤ x} sᵢ + x·#{sᵢ > x}) / n, by binary search over the sorted sample.
 * An empty sample gives a zero model (nothing is ever in service).
 *
 * @example
 * empiricalService([30, 90]).partialMean(60) //=> 45 ((30 + 60) / 2)
 */
export function empiricalService(samples: readonly number[]): ServiceTimeModel {
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  const prefix = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (sorted[i] as number)
  const total = prefix[n] as number
  return {
    meanSec: n === 0 ? 0 : total / n,
    partialMean: (x) => {
      if (x <= 0 || n === 0) return 0
      // k = number of samples ≤ x
      let lo = 0
      let hi = n
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((sorted[mid] as number) <= x) lo = mid + 1
        else hi = mid
      }
      return ((prefix[lo] as number) + x * (n - lo)) / n
    },
  }
}

/**
 * A distribution given as a histogram (bin edges in seconds and counts, the last count being
 * everything at or above the last edge, represented by `overflowMeanSec`). Within a bin the
 * mass is spread uniformly. Used for staffing over a date range from the stored daily summaries.
 *
 * @example
 * histogramService([0, 60, 120], [1, 1, 0], 0).meanSec //=> 60
 */
export function histogramService(
  edges: readonly number[],
  counts: readonly number[],
  overflowMeanSec: number,
): ServiceTimeModel {
  const n = counts.reduce((a, b) => a + b, 0)
  const bins: { lo: number; hi: number; p: number }[] = []
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] as number
    if (c === 0) continue
    const lo = edges[i] as number
    const hi = edges[i + 1]
    // the overflow bin is a point mass at its mean
    bins.push(hi === undefined ? { lo: overflowMeanSec, hi: overflowMeanSec, p: c / n } : { lo, hi, p: c / n })
  }
  const partialMean = (x: number): number => {
    if (x <= 0 || n === 0) return 0
    let h = 0
    for (const b of bins) {
      if (x >= b.hi) h += b.p * ((b.lo + b.hi) / 2)
      else if (x <= b.lo) h += b.p * x
      else {
        // uniform on [lo, hi): E[min(S, x)] = ((x² − lo²)/2 + x(hi − x)) / (hi − lo)
        h += (b.p * ((x * x - b.lo * b.lo) / 2 + x * (b.hi - x))) / (b.hi - b.lo)
      }
    }
    return h
  }
  return { meanSec: n === 0 ? 0 : bins.reduce((s, b) => s + b.p * ((b.lo + b.hi) / 2), 0), partialMean }
}
