import type { BookingView } from '../../../shared/api/appointmentViews'
import { clockOf } from '../../../shared/appointments/daySlots'
import { clockMinutes } from '../../../shared/util/clockMinutes'
import { ApiFailure } from '../api/apiClient'
import { customerErrorText } from './customerErrorText'
import { clockText } from './localized'
import type { Translate } from './say'

/**
 * When a booking may be checked in, as its page says it: the time itself (the hub's
 * `checkInFrom`: `earlyMinutes` before the slot, not before the doors open), and, when the doors
 * set it, that they open then — the one rule the kiosk keeps (`checkInRefusalText`).
 *
 * @example
 * checkInWindowText(t, { time: '10:00', slotAt, checkInFrom: slotAt - 30 * 60_000 }, 30, 10) //=> '09:30 起可到取号机签到;…'
 * checkInWindowText(t, { time: '09:00', slotAt, checkInFrom: slotAt }, 30, 10) //=> '网点 09:00 开门,开门后即可到取号机签到;…'
 */
export function checkInWindowText(
  t: Translate,
  b: Pick<BookingView, 'time' | 'slotAt' | 'checkInFrom'>,
  earlyMinutes: number,
  lateMinutes: number,
): string {
  // The clock of `checkInFrom` from the slot's own clock: the same day, no time zone needed.
  const before = Math.round((b.slotAt - b.checkInFrom) / 60_000)
  const from = clockOf(Math.max(0, clockMinutes(b.time) - before))
  return before < earlyMinutes
    ? t('checkInWindow.fromOpening', { from, late: lateMinutes })
    : t('checkInWindow.from', { from, late: lateMinutes })
}

/**
 * A refused check-in in the customer's words; too early names the time check-in opens (the
 * hub's `checkInFrom` on the refusal), so the customer knows when to come back.
 *
 * @example
 * checkInRefusalText(t, <409 tooEarly, checkInFrom 08:30>, 480) //=> '现在签到还太早,08:30 起可以签到。'
 */
export function checkInRefusalText(t: Translate, e: unknown, utcOffsetMinutes: number | null): string {
  if (
    e instanceof ApiFailure &&
    e.error.code === 'tooEarly' &&
    e.error.checkInFrom !== undefined &&
    utcOffsetMinutes !== null
  )
    return t('checkInWindow.tooEarly', { from: clockText(e.error.checkInFrom, utcOffsetMinutes) })
  return customerErrorText(t, e)
}
