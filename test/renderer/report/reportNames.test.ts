import { describe, expect, it } from 'vitest'
import { buildDayReport } from '../../../shared/reports/dayReport'
import { reportNames } from '../../../renderer/src/logic/report/reportNames'
import { handDayEvents } from '../../shared/reports/support/handDay'
import { TEST_BRANCH } from '../../shared/support/testBranch'
import { formatIn } from './support'

const words = { ordinary: 'Ordinary', counter: (n: number) => `Counter ${n}`, noStaff: 'Nobody signed in' }

describe('reportNames', () => {
  it('names tellers from the report’s labels, with their id, and falls back to the id', () => {
    const report = buildDayReport({
      events: handDayEvents(),
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
      staff: [{ id: 't01' as never, name: '王芳' }],
    })
    const n = reportNames(report.labels, formatIn('en'), words)
    expect(n.staff('t01')).toBe('王芳 (t01)')
    expect(n.staff('t09')).toBe('t09')
    expect(n.staff(null)).toBe('Nobody signed in')
  })

  it('names by id a report stored before it carried staff names', () => {
    const report = buildDayReport({
      events: handDayEvents(),
      branch: TEST_BRANCH,
      utcOffsetMinutes: 480,
      feedback: [],
      asOf: null,
    })
    const { staff: _none, ...older } = report.labels
    expect(reportNames(older, formatIn('zh-CN'), words).staff('t01')).toBe('t01')
  })
})
