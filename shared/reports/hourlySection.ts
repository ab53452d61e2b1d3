import type { CounterSpan } from './dayLog'
import { counterTimeIn } from './counterSection'
import { localHour } from '../domain/localTime'
import { waitFigures, type WaitFigures } from './waitSection'
import { shareOf } from './stats'
import type { TicketRow, TransactionRow } from './ticketTimes'

const HOUR = 3_600_000

/** One local clock hour of the day: demand against capacity, and how the waits went. */
export interface HourRow {
  /** Local hour of day, 0–23. */
  readonly hour: number
  readonly startsAt: number
  /** Tickets issued in the hour. */
  readonly arrivals: number
  /** Waits of the tickets issued in the hour. */
  readonly wait: WaitFigures
  /** Transactions that ended in the hour, and how many within standard. */
  readonly transactions: number
  readonly withinStandardShare: number | null
  /** Mean number of counters staffed (open or paused) during the hour. */
  readonly countersOpen: number
  /** Mean number of counters open and not paused. */
  readonly countersAvailable: number
}

/**
 * The instant the local clock hour containing `at` began.
 *
 * @example
 * hourStartOf(Date.UTC(2026, 10, 24, 1, 30), 480) //=> Date.UTC(2026, 10, 24, 1)
 */
export function hourStartOf(at: number, utcOffsetMinutes: number): number {
  const local = at + utcOffsetMinutes * 60_000
  return at - (((local % HOUR) + HOUR) % HOUR)
}

/**
 * The start of every local hour from the one containing `from` to the one containing `to`.
 *
 * @example
 * hourStarts(opening, opening + 2.5 * 3_600_000, 480).length //=> 3
 */
export function hourStarts(from: number, to: number, utcOffsetMinutes: number): number[] {
  const out: number[] = []
  for (let h = hourStartOf(from, utcOffsetMinutes); h <= to; h += HOUR) out.push(h)
  return out
}

/**
 * Hour-by-hour rows: arrivals, waits by arrival hour, transactions by end hour, counters open.
 *
 * @example
 * hourlyRows(starts, rows, tx, spans, asOf, 480)[0] //=> { hour: 9, arrivals: 41, countersOpen: 3.5, … }
 */
export function hourlyRows(
  starts: readonly number[],
  rows: readonly TicketRow[],
  transactions: readonly TransactionRow[],
  spans: readonly CounterSpan[],
  asOf: number,
  utcOffsetMinutes: number,
): HourRow[] {
  const first = starts[0] ?? 0
  const index = (at: number): number => Math.floor((at - first) / HOUR)
  const issued = starts.map((): TicketRow[] => [])
  for (const r of rows) issued[index(r.issuedAt)]?.push(r)
  const tx = starts.map((): TransactionRow[] => [])
  for (const t of transactions) tx[index(t.endedAt)]?.push(t)
  return starts.map((startsAt, i) => {
    const mine = tx[i] as TransactionRow[]
    const judged = mine.filter((t) => t.withinStandard !== null)
    const time = counterTimeIn(spans, startsAt, startsAt + HOUR, asOf)
    return {
      hour: localHour(startsAt, utcOffsetMinutes),
      startsAt,
      arrivals: (issued[i] as TicketRow[]).length,
      wait: waitFigures(issued[i] as TicketRow[]),
      transactions: mine.length,
      withinStandardShare: shareOf(judged.filter((t) => t.withinStandard === true).length, judged.length),
      countersOpen: time.open / 3600,
      countersAvailable: time.available / 3600,
    }
  })
}
