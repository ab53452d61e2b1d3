import { MAX_QUANTITY } from '../../../shared/queue/transactionStandard'
import type { DeskError } from '../composables/counter/useCounterDesk'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Refusals the counter screen words in its own language; the rest keep the hub's words. */
const TRANSLATED: ReadonlySet<string> = new Set([
  'callTooRecent',
  'recallsRequired',
  'reasonRequired',
  'priorityUnchanged',
  'unknownPriorityClass',
  'ticketFinished',
  'noReaderClaim',
])

/**
 * A refused or lost command in words: a refusal the screen knows by its code in the screen's
 * language; any other in the hub's own words ("Counter 3 is paused"); a lost connection is ours
 * to word.
 *
 * @example
 * deskErrorText(t, { kind: 'hub', code: 'counterPaused', message: 'Counter 3 is paused' }) //=> '操作未成功:Counter 3 is paused'
 * deskErrorText(t, { kind: 'hub', code: 'callTooRecent', message: '…' }) //=> '客户还在走向窗口:每次呼叫后须等候规定时间,才能重呼或标记过号。'
 */
export function deskErrorText(t: Translate, error: DeskError | null): string | null {
  if (error === null) return null
  if (error.kind === 'unreachable') return t('counter.errors.unreachable')
  if (error.kind === 'quantity') return t('counter.errors.quantity', { max: MAX_QUANTITY })
  return TRANSLATED.has(error.code)
    ? t(`counter.errors.${error.code}`)
    : t('errors.generic', { message: error.message })
}
