import type { HubStandingProblem } from '../../../shared/api/health'
import { localDate } from '../../../shared/domain/localTime'
import { HQ_RETRY_SEC } from '../../../shared/hq/retryDelays'
import { clockText } from './localized'
import type { Translate } from './say'

/** How often the hub tries HQ again while HQ refuses it, as its shipper waits (`{sec}`). */
const RETRY_SEC: Partial<Record<HubStandingProblem['what'], number>> = {
  replicationRefused: HQ_RETRY_SEC.refused,
  replicationHqOutdated: HQ_RETRY_SEC.outdated,
}

/**
 * A standing problem in the manager's language: since when, with a date since a hub runs for
 * days, for HQ's refusals how often the hub tries again (the shipper's own number), and for
 * bookings how many and on which days.
 *
 * @example
 * standingText(t, { what: 'replicationHqOutdated', since: at, detail: '…' }, 480)
 * //=> 'Since 2026-12-07 09:30, headquarters runs an older release … the hub tries again every 15 s: …'
 */
export function standingText(t: Translate, p: HubStandingProblem, utcOffsetMinutes: number): string {
  const time = `${localDate(p.since, utcOffsetMinutes)} ${clockText(p.since, utcOffsetMinutes)}`
  const bookings = p.bookings ?? []
  const days = [...new Set(bookings.map((b) => b.day))].join(t('listSeparator'))
  return t(`health.standing.${p.what}`, { time, sec: RETRY_SEC[p.what], count: bookings.length, days })
}
