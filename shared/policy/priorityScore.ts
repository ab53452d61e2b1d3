import type { BranchConfig } from '../domain/branch'
import type { PriorityClassId } from '../domain/ids'

/** Accumulation parameters of a class; ordinary tickets (no class) accumulate at 1 from arrival. */
export interface ClassRate {
  readonly rate: number
  readonly headStartSec: number
}

const ORDINARY: ClassRate = { rate: 1, headStartSec: 0 }

/** The declared rate and head start of a ticket's class. */
export function classRate(branch: BranchConfig, classId: PriorityClassId | null): ClassRate {
  if (classId === null) return ORDINARY
  const declared = branch.priorityClasses.find((p) => p.id === classId)
  return declared === undefined ? ORDINARY : { rate: declared.rate, headStartSec: declared.headStartSec }
}

/**
 * Accumulating priority (Kleinrock 1964; Stanford, Taylor & Ziedins 2014): a ticket of a class
 * with rate b that has queued for t seconds, credited a head start h, has priority b·(t + h).
 * A free counter takes the highest. With equal rates and no head starts this is first come,
 * first served; an ordinary ticket's priority keeps growing, so nobody starves.
 *
 * @example
 * accumulatedPriority({ rate: 2, headStartSec: 90 }, 0, 60_000) //=> 300 (2 × (60 + 90))
 */
export function accumulatedPriority(cls: ClassRate, queuedAt: number, now: number): number {
  // In whole milliseconds first and divided once: equal priorities (a tie the rules settle by
  // arrival) then compare equal instead of differing in the last bit of two roundings.
  return (cls.rate * (now - queuedAt + cls.headStartSec * 1000)) / 1000
}
