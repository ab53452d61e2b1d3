import { ApiFailure, HubUnreachable } from '../api/apiClient'
import type { Translate } from './say'

/**
 * A refused sign-in in the screen's language: a wrong id or PIN (also one the hub found
 * malformed: a 3-digit PIN is as wrong as a wrong one), a counter a colleague holds, a teller on
 * the manager's screen (tellers sign in at their counter) or a manager at a counter's, a lock-out
 * after wrong PINs with the minutes to wait, too many tries, the hub out of reach. Anything else
 * keeps the hub's words after ours, for staff to pass on.
 *
 * @example
 * signInErrorText(t, new ApiFailure({ code: 'lockedOut', … }, 59)) //=> '密码错误次数过多,此工号已暂时锁定。请 1 分钟后再试,或请大堂经理协助。'
 */
export function signInErrorText(t: Translate, e: unknown): string {
  if (e instanceof HubUnreachable) return t('errors.unreachable')
  if (!(e instanceof ApiFailure)) return t('errors.generic', { message: String(e) })
  switch (e.error.code) {
    case 'wrongPin':
    case 'invalidRequest':
      return t('signIn.failed')
    case 'counterHeld':
      return t('signIn.counterHeld')
    case 'counterRequired':
      return t('signIn.counterRequired')
    case 'managerNotAtCounter':
      return t('signIn.managerNotAtCounter')
    case 'lockedOut': {
      const minutes = Math.max(1, Math.ceil((e.retryAfterSec ?? 60) / 60))
      return t('signIn.lockedOut', { minutes }, minutes)
    }
    case 'rateLimited':
      return t('signIn.rateLimited')
    default:
      return t('errors.generic', { message: e.message })
  }
}
