/**
 * The number a customer sees: the service prefix and a per-day sequence, at least three digits.
 *
 * @example
 * formatTicketNumber('A', 23) //=> 'A023'
 * formatTicketNumber('V', 1204) //=> 'V1204' (never wraps: numbers are not reused in a day)
 */
export function formatTicketNumber(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`
}

/**
 * A ticket id unique across days: the date without dashes and the number.
 *
 * @example
 * ticketIdFor('2026-11-24', 'A023') //=> '20261124-A023'
 */
export function ticketIdFor(date: string, number: string): string {
  return `${date.replaceAll('-', '')}-${number}`
}
