import { MANAGER_REFUSALS } from '../../../shared/api/deskRefusals'
import { errorText } from '../../../shared/util/errorText'
import { ApiFailure, HubUnreachable } from '../api/apiClient'
import { refusalText } from './refusalText'
import type { Translate } from './say'

/**
 * A manager's action that did not happen, in the screen's language: every refusal the manager's
 * actions can get (`MANAGER_REFUSALS`, the reports' and feedback's too), the hub out of reach.
 * `named` fills a refusal's words (the day of `noSuchDay`). A code of another version of the
 * hub keeps the hub's words after ours.
 *
 * @example
 * managerErrorText(t, new ApiFailure({ code: 'counterHasCustomers', … })) //=> '该窗口还有待办理的客户(暂离或转来的):请该窗口先办理或转走他们,再关闭窗口。'
 */
export function managerErrorText(t: Translate, e: unknown, named: Record<string, unknown> = {}): string {
  if (e instanceof HubUnreachable) return t('errors.unreachable')
  if (e instanceof ApiFailure)
    return refusalText(t, MANAGER_REFUSALS, 'manager.errors', { code: e.error.code, message: e.message }, named)
  return t('errors.generic', { message: errorText(e) })
}
