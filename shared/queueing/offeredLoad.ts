import type { ServiceTimeModel } from './serviceTimeModel'

/**
 * The infinite-server offered load m(t): the mean number of customers who would be in
 * transaction at time t if a counter were always free, m(t) = ∫₀^∞ λ(t − u)·P(S > u) du
 * (the M_t/G/∞ mean; Eick, Massey & Whitt 1993). With arrival rates constant within each
 * period and zero before the first (the branch opens empty) it is exact:
 * m(t) = Σ_k λ_k·[H(t − t_k) − H(t − t_{k+1})], H(x) = E[min(S, x)].
 *
 * Unlike the stationary load λ_k·E[S] it lags behind the arrivals: after a peak of long
 * transactions it stays high for about one transaction time, which is when hour-by-hour
 * stationary staffing (SIPP) runs short (Green, Kolesar & Soares 2001).
 *
 * @param ratesPerSec arrival rate in each period, per second
 * @param t seconds since the start of the first period
 * @example
 * // constant λ for a long time: m → λ·E[S]
 * offeredLoadAt([0.01, 0.01, 0.01], 3600, exponentialService(60), 7200) //=> 0.6
 */
export function offeredLoadAt(
  ratesPerSec: readonly number[],
  periodSec: number,
  service: ServiceTimeModel,
  t: number,
): number {
  let m = 0
  for (let k = 0; k < ratesPerSec.length; k++) {
    const start = k * periodSec
    if (start >= t) break
    const rate = ratesPerSec[k] as number
    if (rate === 0) continue
    m += rate * (service.partialMean(t - start) - service.partialMean(t - start - periodSec))
  }
  return m
}
