import { addMoment, type MomentSums } from '../../../../shared/estimate/serviceTimeStats'

/** The moment sums of a list of times (seconds). */
export function sums(xs: readonly number[]): MomentSums {
  let m: MomentSums | undefined
  for (const x of xs) m = addMoment(m, x)
  return m as MomentSums
}
