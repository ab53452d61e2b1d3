/** One class of an accumulating priority queue: arrival rate λ and accumulation rate b. */
export interface ApqClass {
  readonly lambda: number
  readonly rate: number
}

/**
 * Mean waits per class in the M/M/c accumulating priority queue (Stanford, Taylor & Ziedins,
 * Queueing Systems 2014, after Kleinrock 1964). With classes ordered by rate b_1 ≤ … ≤ b_K and
 * ρ_i = λ_i/(cμ):
 *
 *   W_p = [W_F − Σ_{i<p} ρ_i W_i (1 − b_i/b_p)] / [1 − Σ_{i>p} ρ_i (1 − b_p/b_i)]
 *
 * where W_F is the FCFS mean wait of the same queue. Returned in the order given.
 *
 * @example
 * // equal rates: every class waits the FCFS mean
 * accumulatingPriorityWaits([{ lambda: 1, rate: 1 }, { lambda: 1, rate: 1 }], 3, 1, wF) //=> [wF, wF]
 */
export function accumulatingPriorityWaits(
  classes: readonly ApqClass[],
  servers: number,
  mu: number,
  fcfsMeanWait: number,
): number[] {
  const order = classes.map((c, i) => ({ ...c, i })).sort((a, b) => a.rate - b.rate)
  const rho = order.map((c) => c.lambda / (servers * mu))
  const waits: number[] = []
  order.forEach((cp, p) => {
    let num = fcfsMeanWait
    for (let i = 0; i < p; i++)
      num -= (rho[i] as number) * (waits[i] as number) * (1 - (order[i] as ApqClass).rate / cp.rate)
    let den = 1
    for (let i = p + 1; i < order.length; i++) den -= (rho[i] as number) * (1 - cp.rate / (order[i] as ApqClass).rate)
    waits.push(num / den)
  })
  const out = new Array<number>(classes.length)
  order.forEach((c, p) => {
    out[c.i] = waits[p] as number
  })
  return out
}
