import { managerErrorText } from '../../format/managerErrorText'
import type { Translate } from '../../format/say'

/**
 * Words for a report, what-if or feedback call that failed: the manager screen's one wording of
 * refusals (`managerErrorText`, `REPORT_REFUSALS` among them), with the day asked for filling
 * `noSuchDay`.
 *
 * @example
 * reportFailureText(t, new ApiFailure({ statusCode: 404, code: 'noSuchDay', … }), '2026-01-05')
 * //=> 'There is no record of 2026-01-05 …'
 */
export function reportFailureText(t: Translate, e: unknown, date: string | null = null): string {
  return managerErrorText(t, e, { date: date ?? '' })
}
