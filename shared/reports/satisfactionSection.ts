import type { StaffId } from '../domain/ids'
import type { Ticket } from '../queue/ticket'

/** Ratings (1–5) from the evaluation pads or counter screens. */
export interface RatingFigures {
  readonly ratings: number
  readonly mean: number | null
  /** Ratings of 1, 2, 3, 4, 5. */
  readonly counts: readonly [number, number, number, number, number]
  /** Share of 4 and 5. */
  readonly satisfiedShare: number | null
}

export interface SatisfactionSection {
  readonly overall: RatingFigures
  /** Per teller who served the rated customer (the last visit that ended served). */
  readonly byStaff: readonly (RatingFigures & { readonly staffId: StaffId | null })[]
}

/**
 * Figures of a list of ratings.
 *
 * @example
 * ratingFigures([5, 4, 2]) //=> { ratings: 3, mean: 3.67, counts: [0, 1, 0, 1, 1], satisfiedShare: 0.67 }
 */
export function ratingFigures(scores: readonly number[]): RatingFigures {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0]
  for (const s of scores) {
    const i = Math.min(5, Math.max(1, Math.round(s))) - 1
    counts[i as 0 | 1 | 2 | 3 | 4]++
  }
  const n = scores.length
  return {
    ratings: n,
    mean: n === 0 ? null : scores.reduce((a, b) => a + b, 0) / n,
    counts,
    satisfiedShare: n === 0 ? null : (counts[3] + counts[4]) / n,
  }
}

/**
 * Customer satisfaction of the day, overall and per teller. Empty when no pad is installed.
 *
 * @example
 * satisfactionSection(log.tickets).byStaff[0] //=> { staffId: 'alice', ratings: 12, mean: 4.6, … }
 */
export function satisfactionSection(tickets: readonly Ticket[]): SatisfactionSection {
  const rated = tickets.filter((j) => j.rating !== null)
  const byStaff = new Map<StaffId | null, number[]>()
  for (const j of rated) {
    const served = [...j.visits].reverse().find((v) => v.outcome === 'served')
    const staff = served?.staffId ?? null
    const list = byStaff.get(staff) ?? []
    list.push(j.rating as number)
    byStaff.set(staff, list)
  }
  return {
    overall: ratingFigures(rated.map((j) => j.rating as number)),
    byStaff: [...byStaff].map(([staffId, scores]) => ({ staffId, ...ratingFigures(scores) })),
  }
}
