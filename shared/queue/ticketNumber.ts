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

/**
 * The local date a ticket id was issued on (the inverse of `ticketIdFor`'s date part); null when
 * the id is not of that form.
 *
 * @example
 * dateOfTicketId('20261124-A023') //=> '2026-11-24'
 * dateOfTicketId('A023') //=> null
 */
export function dateOfTicketId(id: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-[A-Za-z0-9]+$/u.exec(id)
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`
}
