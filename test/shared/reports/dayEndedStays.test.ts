import { describe, expect, it } from 'vitest'
import { readDay } from '../../../shared/reports/dayLog'
import { dayEndedAsReported } from '../../../shared/reports/dayEndedStays'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C3, TEST_BRANCH } from '../support/testBranch'

describe('the hub closing a day by itself', () => {
  it('ends the tickets still open as dayEnded, its visit cut off as removedAtClose', () => {
    const d = new Driver().openDay().open(C3, BOB)
    const waiting = d.issue(A)
    const atCounter = d.issue(B)
    d.callNext(C3)
    d.run({ type: 'startService', counterId: C3 })
    d.advance(3600).run({ type: 'closeDay', auto: 'endOfDay' })
    expect(d.ticket(waiting.id)).toMatchObject({ status: 'done', outcome: 'dayEnded', endedAt: d.now })
    expect(d.ticket(atCounter.id)).toMatchObject({ status: 'done', outcome: 'dayEnded' })
    expect(d.ticket(atCounter.id).visits[0]?.outcome).toBe('removedAtClose')
  })
})

describe('dayEndedAsReported', () => {
  it("ends a dayEnded ticket's wait, stay and cut-off visit at the branch's last activity", () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const atCounter = d.issue(A) // issued first, called first
    const waiting = d.issue(A)
    d.advance(60)
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    const lastActivity = d.now
    d.advance(7 * 3600).run({ type: 'closeDay', auto: 'endOfDay' })
    const tickets = readDay(d.log, TEST_BRANCH).tickets
    const seen = (id: string) => tickets.find((t) => t.id === id)
    expect(seen(atCounter.id)).toMatchObject({ outcome: 'dayEnded', endedAt: lastActivity })
    expect(seen(waiting.id)?.endedAt).toBe(lastActivity)
    expect(seen(waiting.id)?.spells.at(-1)?.endedAt).toBe(lastActivity)
    const visits = [...(seen(waiting.id)?.visits ?? []), ...(seen(atCounter.id)?.visits ?? [])]
    expect(visits.map((v) => v.endedAt)).toEqual([lastActivity])
  })

  describe('edge cases', () => {
    it('leaves every other ticket as the engine left it', () => {
      const d = new Driver().openDay()
      const t = d.issue(A)
      d.advance(600).run({ type: 'closeDay' })
      const removed = d.ticket(t.id)
      expect(removed.outcome).toBe('removedAtClose')
      expect(dayEndedAsReported(removed, removed.issuedAt)).toBe(removed)
    })

    it('leaves a dayEnded ticket that ended by the last activity as it is (a close after an outage)', () => {
      const d = new Driver().openDay()
      const t = d.issue(A)
      d.run({ type: 'closeDay', auto: 'afterOutage' })
      const ended = d.ticket(t.id)
      expect(dayEndedAsReported(ended, ended.endedAt as number)).toBe(ended)
    })
  })
})
