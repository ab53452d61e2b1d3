import type { WeekComparison } from '../../../shared/reports/weekOverWeek'
import type { Translate } from './say'

/**
 * What "this week against last week" compares, in words: which days of each week (a week not
 * over is compared with the same days of last week, and says so), how many business days each
 * had, and that counts are per business day.
 *
 * @example
 * weekLead(t, comparison) //=> 'This week is not over: its days so far (12-07 to 12-07, 1 business day) against …'
 */
export function weekLead(t: Translate, c: WeekComparison): string {
  if (c.thisWeek.days === 0) return t('report.wow.nothingYet')
  const days = (n: number) => t('report.wow.days', { n }, n)
  const named = {
    from: c.weekStart.slice(5),
    to: c.through.slice(5),
    previousFrom: c.previousWeekStart.slice(5),
    previousTo: c.previousThrough.slice(5),
    days: days(c.thisWeek.days),
    before: days(c.lastWeek.days),
  }
  return t(c.partial ? 'report.wow.partial' : 'report.wow.full', named)
}
