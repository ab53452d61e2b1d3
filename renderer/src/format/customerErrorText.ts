import { ApiFailure, HubUnreachable } from '../api/apiClient'
import type { Translate } from './say'

/**
 * Refusals a customer can act on, worded by their code (`customerErrors.*`): a booking code that
 * is unknown, used, cancelled or for another day, too early, a missed call too long ago to re-join,
 * a ticket re-joined after it was served or cancelled,
 * and a request the hub found malformed.
 */
const WORDED: ReadonlySet<string> = new Set([
  'unknownBooking',
  'bookingCancelled',
  'bookingUsed',
  'bookingOtherDay',
  'tooEarly',
  'slotFull',
  'slotPast',
  'branchClosed',
  'dayClosed',
  'bookingDayClosed',
  'bookingBranchClosed',
  'doorsClosed',
  'dayNotOpen',
  'rateLimited',
  'invalidRequest',
  'graceExpired',
  'ticketAlreadyServed',
  'ticketAlreadyCancelled',
  'ticketNotMissed',
])

/**
 * What went wrong, in the customer's language and saying what to do: a refusal known by its code
 * in its own words, a lost connection as such, anything else as "ask our staff". The hub's own
 * text is for developers and staff, in English: a customer never sees it.
 *
 * @example
 * customerErrorText(t, new ApiFailure({ statusCode: 404, code: 'unknownBooking', … })) //=> '没有找到这个预约码。请核对预约页面上的预约码,或咨询工作人员。'
 * customerErrorText(t, new HubUnreachable(new TypeError('Failed to fetch'))) //=> '暂时无法连接网点服务器。请稍后再试,或咨询工作人员。'
 */
export function customerErrorText(t: Translate, e: unknown): string {
  if (e instanceof HubUnreachable) return t('customerErrors.unreachable')
  if (e instanceof ApiFailure && WORDED.has(e.error.code)) return t(`customerErrors.${e.error.code}`)
  return t('customerErrors.other')
}
