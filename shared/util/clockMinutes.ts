/**
 * A civil clock time "HH:MM" as minutes after midnight ("24:00" is 1440).
 *
 * @example
 * clockMinutes('08:30') //=> 510
 */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number]
  return h * 60 + m
}
