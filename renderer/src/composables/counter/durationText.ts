/**
 * A duration as a teller reads a stopwatch: `mm:ss`, or `h:mm:ss` from one hour on. Whole
 * seconds, rounded down, so the display never shows a second that has not passed yet.
 *
 * @example
 * durationText(75) //=> '01:15'
 * durationText(3725) //=> '1:02:05'
 */
export function durationText(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/**
 * Whole minutes between two instants (ms), never negative: "waited 12 min".
 *
 * @example
 * minutesBetween(0, 125_000) //=> 2
 */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 60_000))
}
