import { formatTicketNumber, ticketIdFor } from '../../../../shared/queue/ticketNumber'

/**
 * The ticket a manager means by the number they type ("a12", " A012 "), as today's ticket id;
 * null when it is not a ticket number.
 *
 * @example
 * ticketIdOfNumber('2026-11-24', 'a12') //=> '20261124-A012'
 * ticketIdOfNumber('2026-11-24', 'twelve') //=> null
 */
export function ticketIdOfNumber(date: string, typed: string): string | null {
  const m = /^([A-Za-z]{1,2})\s*0*(\d{1,4})$/u.exec(typed.trim())
  if (m === null) return null
  const [, prefix = '', digits = ''] = m
  return ticketIdFor(date, formatTicketNumber(prefix.toUpperCase(), Number(digits)))
}

/**
 * The number printed on a ticket, from its id.
 *
 * @example
 * ticketNumberOfId('20261124-A012') //=> 'A012'
 */
export function ticketNumberOfId(id: string): string {
  return id.slice(id.indexOf('-') + 1)
}
