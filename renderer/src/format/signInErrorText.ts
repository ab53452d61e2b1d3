import { SIGN_IN_REFUSALS } from '../../../shared/api/deskRefusals'
import { ApiFailure, HubUnreachable } from '../api/apiClient'
import { refusalText } from './refusalText'
import type { Translate } from './say'

/**
 * A refused sign-in in the screen's language, for every refusal a sign-in can get
 * (`SIGN_IN_REFUSALS`: a wrong id or PIN — also one the hub found malformed, a 3-digit PIN is as
 * wrong as a wrong one — a counter a colleague holds, a teller on the manager's screen, a lock-out
 * with the minutes to wait, too many tries, the disk, a failure), the hub out of reach. A code of
 * another version of the hub keeps the hub's words after ours, for staff to pass on.
 *
 * @example
 * signInErrorText(t, new ApiFailure({ code: 'lockedOut', … }, 59)) //=> '密码错误次数过多,此工号已暂时锁定。请 1 分钟后再试,或请大堂经理协助。'
 */
export function signInErrorText(t: Translate, e: unknown): string {
  if (e instanceof HubUnreachable) return t('errors.unreachable')
  if (!(e instanceof ApiFailure)) return t('errors.generic', { message: String(e) })
  const refusal = { code: e.error.code, message: e.message }
  if (refusal.code !== 'lockedOut') return refusalText(t, SIGN_IN_REFUSALS, 'signIn.errors', refusal)
  const minutes = Math.max(1, Math.ceil((e.retryAfterSec ?? 60) / 60))
  return refusalText(t, SIGN_IN_REFUSALS, 'signIn.errors', refusal, { minutes }, minutes)
}
