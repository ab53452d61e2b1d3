import type { DeskError } from '../composables/counter/useCounterDesk'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * A refused or lost command in words: the hub words its refusals itself ("Recall A023 1 more
 * time(s) before marking a no-show"); a lost connection is ours to word.
 *
 * @example
 * deskErrorText(t, { kind: 'hub', message: 'Counter 3 is paused' }) //=> '操作未成功:Counter 3 is paused'
 */
export function deskErrorText(t: Translate, error: DeskError | null): string | null {
  if (error === null) return null
  return error.kind === 'hub' ? t('errors.generic', { message: error.message }) : t('counter.errors.unreachable')
}
