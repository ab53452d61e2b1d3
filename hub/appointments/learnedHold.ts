import type { BranchConfig } from '../../shared/domain/branch'
import type { ServiceId } from '../../shared/domain/ids'
import { learnServiceTimes, type LearnedServiceTimes } from '../../shared/estimate/learnServiceTimes'
import type { BranchKnowledge } from '../estimation/branchKnowledge'

/**
 * How long a counter holds a customer of a service, as the estimator learned it from recent
 * days (`learnServiceTimes`' occupancy per call: its prior is the service's standard, recent days
 * outweigh it): the capacity rule's `holdSec`. Null before the hub has any recent day, so the
 * caller falls back to the standard. Learned once per day of knowledge (and branch file).
 *
 * @example
 * learnedHoldSec(branch, () => knowledge)(serviceId('wealth')) //=> 742.5 (the standard is 600)
 */
export function learnedHoldSec(
  branch: () => BranchConfig,
  knowledge: () => BranchKnowledge,
): (serviceId: ServiceId) => number | null {
  let from: { knowledge: BranchKnowledge; branch: BranchConfig; learned: LearnedServiceTimes } | null = null
  return (serviceId) => {
    const k = knowledge()
    if (k.serviceTimes.length === 0) return null
    const b = branch()
    if (from?.knowledge !== k || from.branch !== b)
      from = { knowledge: k, branch: b, learned: learnServiceTimes(b, k.serviceTimes, null) }
    return from.learned.occupancy[serviceId]?.meanSec ?? null
  }
}
