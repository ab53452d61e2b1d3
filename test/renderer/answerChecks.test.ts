import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hqAnswerChecks, hubAnswerChecks } from '../../renderer/src/api/generated/answerChecks'
import { replay } from '../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../shared/queue/state'
import { buildDayReport } from '../../shared/reports/dayReport'
import { ANSWER_CHECKS_PATH, answerChecksSource } from '../../scripts/answerChecks'
import { handDayEvents } from '../shared/reports/support/handDay'
import { TEST_BRANCH } from '../shared/support/testBranch'

const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

describe('the compiled answer checkers', () => {
  it('are generated from the schemas as they are now (run npx tsx scripts/answerChecks.ts)', () => {
    expect(readFileSync(ANSWER_CHECKS_PATH, 'utf8')).toBe(answerChecksSource())
  })

  it('say yes to a real day report and queue snapshot, no to a damaged one', () => {
    const report = wire(
      buildDayReport({ events: handDayEvents(), branch: TEST_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null }),
    )
    expect(hubAnswerChecks.dayReport(report)).toBe(true)
    expect(hqAnswerChecks.branchDay(report)).toBe(true)
    expect(hubAnswerChecks.dayReport({ ...report, tickets: [{ ...report.tickets[0], waitSec: 'long' }] })).toBe(false)
    const snapshot = wire({ serverNow: 1, journal: 'j1', state: replay(handDayEvents(), EMPTY_STATE), estimates: null })
    expect(hubAnswerChecks.queue(snapshot)).toBe(true)
    const done = snapshot.state.done.map((t, i) => (i === 0 ? { ...t, visits: [{ counterId: 3 }] } : t))
    expect(hubAnswerChecks.queue({ ...snapshot, state: { ...snapshot.state, done } })).toBe(false)
  })
})
