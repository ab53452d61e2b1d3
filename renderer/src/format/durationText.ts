import { ticketWait } from '../../../shared/queue/ticketWait'
import type { Ticket } from '../../../shared/queue/ticket'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * A running timer as staff read it at a glance, like a stopwatch: `mm:ss`, or `h:mm:ss` from
 * one hour on. Whole seconds, rounded down, so it never shows a second that has not passed yet.
 *
 * @example
 * timerText(75) //=> '01:15'
 * timerText(3725) //=> '1:02:05'
 */
export function timerText(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds))
  const h = Math.floor(total / 3600)
  const m = String(Math.floor((total % 3600) / 60)).padStart(2, '0')
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${m}:${s}` : `${m}:${s}`
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

/**
 * A ticket's wait in whole minutes, as the counter states it: the one definition of the wait
 * (`shared/queue/ticketWait`, from the issue), the same the manager's list shows in seconds.
 *
 * @example
 * waitedMinutes(a003, now) //=> 13 (issued 13 min ago, re-joined a minute ago)
 */
export function waitedMinutes(ticket: Ticket, now: number): number {
  return Math.floor(ticketWait(ticket, now).waitedSec / 60)
}

/**
 * A duration in words, as precise as it is useful: seconds under a minute, minutes and seconds
 * under ten minutes, whole minutes under an hour, then hours and minutes.
 *
 * @example
 * durationText(t, 42) //=> '42 秒'
 * durationText(t, 252) //=> '4 分 12 秒'
 * durationText(t, 1500) //=> '25 分钟'
 */
export function durationText(t: Translate, seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  if (total < 60) return t('manager.units.sec', { n: total })
  if (total < 600) return t('manager.units.minSec', { m: Math.floor(total / 60), s: total % 60 })
  if (total < 3600) return t('manager.units.min', { n: Math.floor(total / 60) })
  return t('manager.units.hourMin', { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60) })
}

/**
 * A share in [0, 1] as a whole percentage; a dash when nothing was measured.
 *
 * @example
 * shareText(t, 0.834) //=> '83%'
 * shareText(t, null) //=> '—'
 */
export function shareText(t: Translate, share: number | null): string {
  return share === null ? t('manager.none') : t('manager.percent', { n: Math.round(share * 100) })
}

/**
 * Date and time in the branch's civil time, for things older than today (pairings).
 *
 * @example
 * dateTimeText(Date.UTC(2026, 10, 24, 2, 5), 480) //=> '2026-11-24 10:05'
 */
export function dateTimeText(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ')
}
