import type { MomentSums } from './serviceTimeStats'

/** Moment sums with a weight per observation: history counts for less than today. */
export interface Weighted {
  readonly w: number
  readonly s1: number
  readonly s2: number
  readonly l1: number
  readonly l2: number
}

export const NOTHING: Weighted = { w: 0, s1: 0, s2: 0, l1: 0, l2: 0 }

/** Smallest and largest squared coefficient of variation a learned time takes. */
export const MIN_SCV = 0.01
export const MAX_SCV = 25

/** Moment sums, each observation weighing `w`. */
export function weigh(m: MomentSums | undefined, w: number): Weighted {
  return m === undefined
    ? NOTHING
    : { w: m.n * w, s1: m.sum * w, s2: m.sumSq * w, l1: m.sumLog * w, l2: m.sumLogSq * w }
}

export function plus(a: Weighted, b: Weighted): Weighted {
  return { w: a.w + b.w, s1: a.s1 + b.s1, s2: a.s2 + b.s2, l1: a.l1 + b.l1, l2: a.l2 + b.l2 }
}
