/**
 * A bin of durations in whole minutes, as the axis and the table name it.
 *
 * @example
 * binLabel(120, 300) //=> '2–5'
 * binLabel(3600, null) //=> '60+'
 */
export function binLabel(fromSec: number, toSec: number | null): string {
  const from = Math.round(fromSec / 60)
  return toSec === null ? `${from}+` : `${from}–${Math.round(toSec / 60)}`
}
