import { HQ_SIGN_IN_REFUSALS } from '../../../../shared/api/deskRefusals'
import { ApiFailure } from '../../api/apiClient'
import { refusalText } from '../../format/refusalText'
import type { Translate } from '../../format/say'
import { hqFailureText } from './hqFailure'

/**
 * A refused sign-in at headquarters in the screen's language, by the staff screens' one wording
 * of refusals (`refusalText`, `HQ_SIGN_IN_REFUSALS`); HQ out of reach and a branch's hub that
 * serves no HQ routes as any HQ call's (`hqFailureText`).
 *
 * @example
 * hqSignInErrorText(t, new ApiFailure({ statusCode: 401, code: 'wrongPassword', … })) //=> '用户名或密码不正确。'
 */
export function hqSignInErrorText(t: Translate, e: unknown): string {
  if (!(e instanceof ApiFailure) || e.error.code === 'noSuchRoute') return hqFailureText(t, e)
  return refusalText(t, HQ_SIGN_IN_REFUSALS, 'hq.signIn.errors', { code: e.error.code, message: e.message })
}
