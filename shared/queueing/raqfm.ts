/**
 * One customer for the Resource-Allocation Queueing Fairness Measure: present from `arrival`
 * to `departure`, receiving `served` units of service in all (same time unit throughout).
 */
export interface RaqfmCustomer {
  readonly arrival: number
  readonly departure: number
  readonly served: number
}

/** Service being given during [from, to) at `rate` (1 = one counter serving one customer). */
export interface ServiceSpan {
  readonly from: number
  readonly to: number
  readonly rate: number
}

/**
 * RAQFM discriminations (Raz, Levy & Avi-Itzhak 2004): at every moment the service being given
 * is owed in equal shares to everybody present, so customer i is warranted
 * ∫ B(t)/N(t) dt over their stay, where B(t) is the total service rate being given and N(t) the
 * number present. Discrimination Dᵢ = served − warranted: positive for a customer who got more
 * than an equal share (overtook others), negative for one who got less.
 *
 * Multi-server generalisation: B(t) is the service actually being given (the number of counters
 * serving), so with c busy counters and N customers each is owed c/N. For a work-conserving
 * c-server queue this is Raz, Avi-Itzhak & Levy's (2005) multi-server RAQFM (min(N, c)/N each);
 * at a branch it keeps counters that stand idle (a customer walking up, a paused counter) from
 * counting as anybody's discrimination. Discriminations sum to 0 over any period that starts and
 * ends empty, because every unit of service given is warranted to somebody present.
 *
 * Runs in O(n log n) by one sweep over the sorted change points.
 *
 * @example
 * // one server, two customers arriving together, each needing 1: FCFS favours the first
 * raqfmDiscriminations(
 *   [{ arrival: 0, departure: 1, served: 1 }, { arrival: 0, departure: 2, served: 1 }],
 *   [{ from: 0, to: 2, rate: 1 }],
 * ) //=> [0.5, -0.5]
 */
export function raqfmDiscriminations(customers: readonly RaqfmCustomer[], delivered: readonly ServiceSpan[]): number[] {
  const n = customers.length
  const m = delivered.length
  const size = 2 * n + 2 * m
  const times = new Float64Array(size)
  // change codes: 0 arrival, 1 departure, 2 service on, 3 service off; ref = customer or span
  const codes = new Uint8Array(size)
  const refs = new Uint32Array(size)
  let k = 0
  const add = (time: number, code: number, ref: number): void => {
    times[k] = time
    codes[k] = code
    refs[k] = ref
    k++
  }
  customers.forEach((c, i) => {
    add(c.arrival, 0, i)
    add(c.departure, 1, i)
  })
  delivered.forEach((s, i) => {
    add(s.from, 2, i)
    add(s.to, 3, i)
  })
  const order = new Uint32Array(size)
  for (let i = 0; i < size; i++) order[i] = i
  order.sort((a, b) => (times[a] as number) - (times[b] as number))

  const warrantedAtArrival = new Float64Array(n)
  const d = new Array<number>(n).fill(0)
  let present = 0
  let rate = 0
  let owed = 0 // ∫ B/N dt so far: the service each customer present all along is owed
  let last = size > 0 ? (times[order[0] as number] as number) : 0
  for (let j = 0; j < size; j++) {
    const e = order[j] as number
    const t = times[e] as number
    if (present > 0 && t > last) owed += (rate * (t - last)) / present
    last = t
    const ref = refs[e] as number
    switch (codes[e] as number) {
      case 0:
        present++
        warrantedAtArrival[ref] = owed
        break
      case 1:
        present--
        d[ref] = (customers[ref] as RaqfmCustomer).served - (owed - (warrantedAtArrival[ref] as number))
        break
      case 2:
        rate += (delivered[ref] as ServiceSpan).rate
        break
      default:
        rate -= (delivered[ref] as ServiceSpan).rate
    }
  }
  return d
}

/** The RAQFM figures of a set of discriminations. */
export interface RaqfmFigures {
  readonly customers: number
  /** E[D²] in units of the mean service time squared (0 is perfectly fair). */
  readonly meanSquared: number | null
  /** Σ D, which is 0 (up to rounding) over a period that starts and ends empty. */
  readonly sum: number
  /** The mean service time used as the unit. */
  readonly unit: number
}

/**
 * E[D²] normalised by the squared mean service time, as Raz, Levy & Avi-Itzhak report it:
 * for M/M/1 at load 0.8, FCFS gives 0.6466 and processor sharing 0.
 *
 * @example
 * raqfmFigures([0.5, -0.5], 1) //=> { customers: 2, meanSquared: 0.25, sum: 0, unit: 1 }
 */
export function raqfmFigures(discriminations: readonly number[], meanServiceTime: number): RaqfmFigures {
  const n = discriminations.length
  let sum = 0
  let sq = 0
  for (const x of discriminations) {
    sum += x
    sq += x * x
  }
  return {
    customers: n,
    meanSquared: n === 0 || meanServiceTime <= 0 ? null : sq / n / (meanServiceTime * meanServiceTime),
    sum,
    unit: meanServiceTime,
  }
}
