import type { WaitEstimate } from '../queue/ticket'

/**
 * What a customer is shown: "soon" (马上 / soon), or a range of whole minutes the renderer turns
 * into "约 8–12 分钟" / "about 8–12 min" through i18n. Never "0 minutes", never a single number
 * (an honest estimate is a range: rule 4 of the brief).
 */
export type ShownWait =
  { readonly kind: 'soon' } | { readonly kind: 'range'; readonly lowMin: number; readonly highMin: number }

/** What a ticket was last shown, and since when (an unexplained rise may only creep up slowly). */
export interface ShownSince {
  readonly shown: ShownWait
  readonly since: number
}

/** The upper end at or below which a wait is "soon" (minutes). */
export const SOON_MIN = 2
/** Without a shown reason, the upper end may creep up by at most one minute per this many minutes. */
export const CREEP_EVERY_MIN = 5

/** Minute steps: exact under a quarter of an hour, fives under an hour, tens under two, then half hours. */
function stepOf(min: number): number {
  if (min < 15) return 1
  if (min < 60) return 5
  if (min < 120) return 10
  return 30
}

/**
 * The estimate's 80 % range in kind round numbers: the low end rounded down and at least one
 * minute, the high end rounded up (a promise kept is better than one broken by a minute), and a
 * real range (high above low). "Soon" when even the high end is within two minutes.
 *
 * @example
 * roundWaitKindly({ mean: 600, p10: 498, p50: 590, p90: 684 }) //=> { kind: 'range', lowMin: 8, highMin: 12 }
 * roundWaitKindly({ mean: 40, p10: 5, p50: 30, p90: 95 }) //=> { kind: 'soon' }
 * roundWaitKindly({ mean: 1500, p10: 1100, p50: 1450, p90: 1990 }) //=> { kind: 'range', lowMin: 15, highMin: 35 }
 */
export function roundWaitKindly(e: WaitEstimate): ShownWait {
  const lo = e.p10 / 60
  const hi = e.p90 / 60
  const highMin = Math.ceil(hi / stepOf(hi) - 1e-9) * stepOf(hi)
  if (highMin <= SOON_MIN) return { kind: 'soon' }
  const lowMin = Math.max(1, Math.floor(lo / stepOf(lo) + 1e-9) * stepOf(lo))
  return { kind: 'range', lowMin: Math.min(lowMin, highMin - 1), highMin }
}

function ends(d: ShownWait): { low: number; high: number } {
  return d.kind === 'soon' ? { low: 0, high: SOON_MIN } : { low: d.lowMin, high: d.highMin }
}

/**
 * What to show a ticket now, given what it was shown before. The rule that keeps the promise
 * (rule 4 and 5 of the brief: waits are honest, and a longer wait is never unexplained):
 *
 * - the upper end is the promise. It may come down at any time (good news is shown at once);
 * - it may go up at once only when a delay explanation applies to the ticket (`explained`: an
 *   active delay for the branch, its service, or a counter that serves it — see
 *   `shared/delays/delaysForTicket`), so the customer sees the reason with the new number;
 * - otherwise it creeps up by at most one minute per five minutes since it was last shown, and
 *   the hub's automatic explanations (`detectDelays`) are what let a real slowdown through;
 * - the lower end follows the estimate, kept below the upper end.
 *
 * @example
 * // shown 8–12 five minutes ago; the estimate now says 9–14 and nothing explains it
 * displayWait(estimate, { shown: { kind: 'range', lowMin: 8, highMin: 12 }, since: t0 }, t0 + 300_000, false)
 * //=> { kind: 'range', lowMin: 9, highMin: 13 }
 */
export function displayWait(
  estimate: WaitEstimate,
  previous: ShownSince | null,
  now: number,
  explained: boolean,
): ShownWait {
  const next = roundWaitKindly(estimate)
  if (previous === null || explained) return next
  const was = ends(previous.shown)
  const want = ends(next)
  if (want.high <= was.high) return next
  const creep = Math.floor(Math.max(0, now - previous.since) / 60_000 / CREEP_EVERY_MIN)
  const high = Math.min(want.high, was.high + creep)
  if (high <= SOON_MIN) return { kind: 'soon' }
  return { kind: 'range', lowMin: Math.max(1, Math.min(want.low, high - 1)), highMin: high }
}
