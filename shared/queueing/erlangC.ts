/**
 * Erlang B blocking probability for `servers` servers and offered load `a` = λ/μ (Erlangs),
 * by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
 *
 * @example
 * erlangB(2, 1) //=> 0.2
 */
export function erlangB(servers: number, a: number): number {
  let b = 1
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b)
  return b
}

/**
 * Erlang C: the probability that an arrival to an M/M/c queue waits, for c = `servers` and
 * offered load `a` = λ/μ. 1 when the queue is unstable (a ≥ c).
 *
 * @example
 * erlangC(3, 2) //=> 0.4444… (4/9)
 * erlangC(14, 10) //=> 0.1741…
 */
export function erlangC(servers: number, a: number): number {
  if (a >= servers) return 1
  const b = erlangB(servers, a)
  return (servers * b) / (servers - a * (1 - b))
}

/**
 * Mean wait in queue of M/M/c FCFS (seconds when rates are per second):
 * W = C(c, a) / (cμ − λ).
 *
 * @example
 * mmcMeanWait(1, 0.5, 1) //=> 1 (M/M/1 at ρ = 0.5: ρ/(μ − λ))
 */
export function mmcMeanWait(servers: number, lambda: number, mu: number): number {
  if (lambda >= servers * mu) return Number.POSITIVE_INFINITY
  return erlangC(servers, lambda / mu) / (servers * mu - lambda)
}

/**
 * P(wait ≤ t) in M/M/c FCFS: 1 − C(c, a)·e^{−(cμ − λ)t}.
 *
 * @example
 * mmcWaitWithin(14, 10 / 180, 1 / 180, 20) //=> 0.888… (88.8 % answered within 20 s)
 */
export function mmcWaitWithin(servers: number, lambda: number, mu: number, t: number): number {
  if (lambda >= servers * mu) return 0
  return 1 - erlangC(servers, lambda / mu) * Math.exp(-(servers * mu - lambda) * t)
}
