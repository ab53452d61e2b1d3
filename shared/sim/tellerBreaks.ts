import { clockOf } from '../appointments/daySlots'
import type { PauseReasonCode } from '../queue/counterState'
import type { Rng } from './random'

/** A pause in a generated day: from `at` ("HH:MM"), for `minutes`, with its reason. */
export interface GeneratedBreak {
  readonly at: string
  readonly minutes: number
  readonly reason: PauseReasonCode
}

/**
 * The pauses of one teller working from `fromHour` to `toHour`, as a branch has them: a meal
 * break of 30–60 minutes somewhere in the middle of a shift of five hours or more (tellers of one
 * branch take theirs at different times, so its start is drawn across the middle hours), and,
 * half the time, one shorter pause — a 10–20 minute break, a cash count or a short meeting — in
 * the first or the last part of the shift (it may fall in the meal break: it is then taken after). The estimator is told none of it in advance: it sees the counter
 * paused, with the reason, and only then.
 *
 * @example
 * tellerBreaks(seededRng(1), 9, 17) //=> e.g. [{ at: '12:20', minutes: 45, reason: 'break' }]
 */
export function tellerBreaks(rng: Rng, fromHour: number, toHour: number): GeneratedBreak[] {
  const hours = toHour - fromHour
  if (hours < 3) return []
  const u = (a: number, b: number): number => a + (b - a) * rng.next()
  const breaks: { atMin: number; minutes: number; reason: PauseReasonCode }[] = []
  const mid = fromHour * 60 + (hours * 60) / 2
  if (hours >= 5) breaks.push({ atMin: mid + u(-90, 60), minutes: 5 * Math.round(u(6, 12)), reason: 'break' })
  if (rng.next() < 0.5) {
    const early = rng.next() < 0.5
    const atMin = early ? fromHour * 60 + u(45, hours * 30 - 100) : mid + u(100, hours * 30 - 30)
    const kind = rng.next()
    const short =
      kind < 0.6
        ? { minutes: 5 * Math.round(u(2, 4)), reason: 'break' as const }
        : kind < 0.85
          ? { minutes: 5 * Math.round(u(3, 5)), reason: 'cashCount' as const }
          : { minutes: 5 * Math.round(u(3, 6)), reason: 'meeting' as const }
    if (atMin > fromHour * 60 + 15 && atMin < toHour * 60 - 30) breaks.push({ atMin, ...short })
  }
  return breaks
    .sort((a, b) => a.atMin - b.atMin)
    .map((b) => ({ at: clockOf(Math.round(b.atMin)), minutes: b.minutes, reason: b.reason }))
}
