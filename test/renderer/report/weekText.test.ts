import { describe, expect, it } from 'vitest'
import type { Kpis } from '../../../shared/reports/kpis'
import type { WeekComparison } from '../../../shared/reports/weekOverWeek'
import { weekLead } from '../../../renderer/src/format/weekText'
import { translator } from './support'

/** Only the fields the words read: the weeks' dates and how many business days each had. */
function comparison(partial: boolean, days: number, before: number): WeekComparison {
  const kpis = (n: number) => ({ days: n }) as Kpis
  return {
    weekStart: '2026-12-07',
    previousWeekStart: '2026-11-30',
    through: partial ? '2026-12-07' : '2026-12-13',
    previousThrough: partial ? '2026-11-30' : '2026-12-06',
    partial,
    thisWeek: kpis(days),
    lastWeek: kpis(before),
    changes: [],
  }
}

describe('weekLead', () => {
  it('says plainly that a week not over is compared with the same days of last week', () => {
    expect(weekLead(translator('en'), comparison(true, 1, 1))).toBe(
      'This week is not over: its days so far (12-07 to 12-07, 1 business day) against the same days of last week (11-30 to 11-30, 1 business day). Counts are compared per business day and get no verdict.',
    )
    expect(weekLead(translator('zh-CN'), comparison(true, 1, 1))).toBe(
      '本周尚未结束:本周至今(12-07 至 12-07,1 个营业日)与上周同期(11-30 至 11-30,1 个营业日)相比。件数按每个营业日的平均数比较,不作好坏评价。',
    )
  })

  it('counts business days in the singular and the plural', () => {
    expect(weekLead(translator('en'), comparison(false, 6, 5))).toBe(
      'This week (12-07 to 12-13, 6 business days) against last week (11-30 to 12-06, 5 business days). Counts are compared per business day and get no verdict.',
    )
    expect(translator('en')('report.range.days', { n: 1 }, 1)).toBe('1 business day')
    expect(translator('zh-CN')('report.range.days', { n: 1 }, 1)).toBe('共 1 个营业日')
  })

  describe('edge cases', () => {
    it('says there is nothing to compare before a day of the week has closed', () => {
      expect(weekLead(translator('en'), comparison(true, 0, 1))).toBe(
        'No business day of this week has closed yet: nothing to compare with last week.',
      )
    })
  })
})
