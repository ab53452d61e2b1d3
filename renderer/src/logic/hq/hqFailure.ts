import { ApiFailure, HubUnreachable } from '../../api/apiClient'
import { errorText } from '../../../../shared/util/errorText'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * Words for an HQ call that failed: HQ out of reach; this screen opened on a branch's hub, which
 * serves no HQ routes (`noSuchRoute`: headquarters is a server of its own); or HQ's own message.
 *
 * @example
 * hqFailureText(t, new HubUnreachable(e)) //=> 'The headquarters server cannot be reached'
 */
export function hqFailureText(t: Translate, e: unknown): string {
  if (e instanceof HubUnreachable) return t('hq.unreachable')
  if (e instanceof ApiFailure && e.error.code === 'noSuchRoute') return t('hq.notHere')
  if (e instanceof ApiFailure) return t('hq.failed', { message: e.message })
  return t('hq.failed', { message: errorText(e) })
}
