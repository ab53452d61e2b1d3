import { MAX_QUANTITY } from '../../../shared/queue/transactionStandard'
import { DESK_REFUSALS } from '../../../shared/api/deskRefusals'
import type { DeskError } from '../composables/counter/useCounterDesk'
import { refusalText } from './refusalText'
import type { Translate } from './say'

/**
 * A refused or lost command in words: a refusal by its code in the screen's language (every code
 * a counter can be answered: `DESK_REFUSALS`); one of another version of the hub in its own words
 * ("Counter 3 is paused"); a lost connection is ours to word.
 *
 * @example
 * deskErrorText(t, { kind: 'hub', code: 'counterPaused', message: 'Counter 3 is paused' }) //=> '本窗口已暂停:请先点“恢复”。'
 * deskErrorText(t, { kind: 'hub', code: 'newCode', message: 'Counter 3 is …' }) //=> '操作未成功:Counter 3 is …'
 * deskErrorText(t, { kind: 'hub', code: 'callTooRecent', message: '…' }) //=> '客户还在走向窗口:每次呼叫后须等候规定时间,才能重呼或标记过号。'
 */
export function deskErrorText(t: Translate, error: DeskError | null): string | null {
  if (error === null) return null
  if (error.kind === 'unreachable') return t('counter.errors.unreachable')
  if (error.kind === 'quantity') return t('counter.errors.quantity', { max: MAX_QUANTITY })
  return refusalText(t, DESK_REFUSALS, 'counter.errors', error, { max: MAX_QUANTITY })
}
