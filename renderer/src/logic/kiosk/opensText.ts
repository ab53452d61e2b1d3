import { addDays, localDate, localDateTime } from '../../../../shared/domain/localTime'
import type { Translate } from '../../format/say'

/**
 * When the branch opens next, as the kiosk says it: today, tomorrow, or on a date (branch time).
 *
 * @example
 * opensText(t, <09:00 Beijing the same day>, <04:00 Beijing>, 480) //=> '今天 09:00 开门营业,届时开始取号。'
 * opensText(t, null, now, 480) //=> '下次营业时间请咨询工作人员。'
 */
export function opensText(t: Translate, opensAt: number | null, now: number, utcOffsetMinutes: number): string {
  if (opensAt === null) return t('kiosk.hours.unknown')
  const at = localDateTime(opensAt, utcOffsetMinutes)
  const time = at.slice(11, 16)
  const day = localDate(opensAt, utcOffsetMinutes)
  const today = localDate(now, utcOffsetMinutes)
  if (day === today) return t('kiosk.hours.opensToday', { time })
  if (day === addDays(today, 1)) return t('kiosk.hours.opensTomorrow', { time })
  return t('kiosk.hours.opensOn', { date: day, time })
}
