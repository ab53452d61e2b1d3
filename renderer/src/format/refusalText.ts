import type { Translate } from './say'

/**
 * A hub's refusal in the screen's language: a code on the screen's list (`shared/api/deskRefusals.ts`:
 * a counter's, the manager's, a sign-in's) by the screen's words for it, `<table>.<code>`; a
 * code of another version of the hub keeps the hub's words after ours, for staff to pass on.
 * Each screen's list is checked to have words in every language (`refusalWords.test.ts`).
 *
 * @example
 * refusalText(t, MANAGER_REFUSALS, 'manager.errors', { code: 'counterPaused', message: 'Counter 3 is paused' }) //=> '该窗口已暂停。'
 * refusalText(t, MANAGER_REFUSALS, 'manager.errors', { code: 'newCode', message: 'Counter 3 is …' }) //=> '操作未成功:Counter 3 is …'
 */
export function refusalText(
  t: Translate,
  refusals: readonly string[],
  table: string,
  refusal: { readonly code: string; readonly message: string },
  named: Record<string, unknown> = {},
  plural?: number,
): string {
  if (!refusals.includes(refusal.code)) return t('errors.generic', { message: refusal.message })
  const key = `${table}.${refusal.code}`
  return plural === undefined ? t(key, named) : t(key, named, plural)
}
