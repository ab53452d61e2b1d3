import { ApiFailure, HubUnreachable } from '../../api/apiClient'
import { errorText } from '../../../../shared/util/errorText'

type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * Words for a report call that failed: a day with no journal, a range the wrong way round, a
 * what-if too big to simulate in the time allowed, the hub out of reach, or the hub's own message.
 *
 * @example
 * reportFailureText(t, new ApiFailure({ statusCode: 404, code: 'noSuchDay', … }), '2026-01-05')
 * //=> 'There is no record of 2026-01-05 …'
 */
export function reportFailureText(t: Translate, e: unknown, date: string | null = null): string {
  if (e instanceof HubUnreachable) return t('errors.unreachable')
  if (e instanceof ApiFailure) {
    if (e.error.code === 'noSuchDay') return t('report.errors.noSuchDay', { date: date ?? '' })
    if (e.error.code === 'invalidRange') return t('report.errors.invalidRange')
    if (e.error.code === 'scenarioTooSlow') return t('report.errors.scenarioTooSlow')
    return t('errors.generic', { message: e.message })
  }
  return t('errors.generic', { message: errorText(e) })
}
