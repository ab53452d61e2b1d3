import { describe, expect, it } from 'vitest'
import { staffId, ticketId } from '../../../shared/domain/ids'
import {
  decideResolve,
  feedbackId,
  recordFeedback,
  resolveFeedback,
  type NewFeedback,
} from '../../../shared/feedback/feedback'
import { feedbackStatus } from '../../../shared/feedback/feedbackStatus'
import { isWorkingDay, replyDeadline, type WorkCalendar } from '../../../shared/feedback/replyDeadline'
import { startOfLocalDay } from '../../../shared/domain/localTime'

const m01 = staffId('m01')
const m02 = staffId('m02')
const PLAIN: WorkCalendar = { utcOffsetMinutes: 480, holidays: [], workingWeekends: [] }
/** 2026 National Day: 1–7 October off, Sunday 27 September and Saturday 10 October worked (调休). */
const NATIONAL_DAY: WorkCalendar = {
  utcOffsetMinutes: 480,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workingWeekends: ['2026-09-27', '2026-10-10'],
}

/** Beijing local time as epoch ms. */
const beijing = (date: string, hh: number, mm = 0): number => startOfLocalDay(date, 480) + (hh * 60 + mm) * 60_000

describe('replyDeadline', () => {
  it('gives three working days after a weekday, ending at midnight', () => {
    // Tuesday → Wed, Thu, Fri → due before Saturday 00:00
    expect(replyDeadline(beijing('2026-11-24', 10), PLAIN)).toBe(beijing('2026-11-28', 0))
  })

  it('skips the weekend', () => {
    // Friday afternoon → Mon, Tue, Wed
    expect(replyDeadline(beijing('2026-11-27', 15), PLAIN)).toBe(beijing('2026-12-03', 0))
    // Saturday → Mon, Tue, Wed as well
    expect(replyDeadline(beijing('2026-11-28', 9), PLAIN)).toBe(beijing('2026-12-03', 0))
  })

  it('uses the branch local date, not UTC', () => {
    // 2026-11-27 23:30 Beijing is still Friday there though it is 15:30 UTC
    expect(replyDeadline(beijing('2026-11-27', 23, 30), PLAIN)).toBe(beijing('2026-12-03', 0))
    // 00:30 Saturday Beijing (Friday 16:30 UTC) counts as Saturday
    expect(replyDeadline(beijing('2026-11-28', 0, 30), PLAIN)).toBe(beijing('2026-12-03', 0))
  })

  it('skips public holidays and counts make-up working weekends', () => {
    // Wednesday 30 September → 1–7 October are holidays, 8 Thu, 9 Fri, 10 Sat (worked) → due before 11 October
    expect(replyDeadline(beijing('2026-09-30', 11), NATIONAL_DAY)).toBe(beijing('2026-10-11', 0))
    // Friday 25 September → Sun 27 (worked), Mon 28, Tue 29
    expect(replyDeadline(beijing('2026-09-25', 11), NATIONAL_DAY)).toBe(beijing('2026-09-30', 0))
    expect(isWorkingDay('2026-10-10', NATIONAL_DAY)).toBe(true)
    expect(isWorkingDay('2026-10-05', NATIONAL_DAY)).toBe(false)
    expect(isWorkingDay('2026-10-10', PLAIN)).toBe(false)
  })
})

describe('feedback records', () => {
  const complaint: NewFeedback = {
    id: feedbackId('fb-1'),
    ticketId: ticketId('20261127-A031'),
    kind: 'complaint',
    channel: 'kiosk',
    text: '等了四十分钟,没有人解释',
    receivedAt: beijing('2026-11-27', 15),
  }

  it('set the deadline by the rule when recorded, and none for praise', () => {
    expect(recordFeedback(complaint, PLAIN)).toMatchObject({
      deadline: beijing('2026-12-03', 0),
      resolvedAt: null,
      resolution: null,
    })
    expect(recordFeedback({ ...complaint, kind: 'suggestion' }, PLAIN).deadline).toBe(beijing('2026-12-03', 0))
    expect(recordFeedback({ ...complaint, kind: 'praise' }, PLAIN).deadline).toBeNull()
  })

  it('move from open to overdue at the deadline, or to answered on time or late', () => {
    const r = recordFeedback(complaint, PLAIN)
    expect(feedbackStatus(r, beijing('2026-12-02', 23, 59))).toBe('open')
    expect(feedbackStatus(r, beijing('2026-12-03', 0))).toBe('overdue')
    const onTime = resolveFeedback(r, beijing('2026-12-01', 10), '已致电客户致歉并说明原因', m01)
    expect(onTime.resolution).toBe('已致电客户致歉并说明原因')
    expect(feedbackStatus(onTime, beijing('2026-12-10', 0))).toBe('resolvedOnTime')
    // a reply made later than the moment asked about does not count yet
    expect(feedbackStatus(onTime, beijing('2026-11-30', 10))).toBe('open')
    const late = resolveFeedback(r, beijing('2026-12-03', 9), 'reply', m01)
    expect(feedbackStatus(late, beijing('2026-12-10', 0))).toBe('resolvedLate')
  })

  it('never make praise overdue', () => {
    const praise = recordFeedback({ ...complaint, kind: 'praise' }, PLAIN)
    expect(feedbackStatus(praise, beijing('2027-01-01', 0))).toBe('open')
    expect(
      feedbackStatus(resolveFeedback(praise, beijing('2026-12-20', 0), 'thanked', m01), beijing('2027-01-01', 0)),
    ).toBe('resolvedOnTime')
  })

  it('take a reply once: the same reply again is a retry, another one is refused', () => {
    const r = recordFeedback(complaint, PLAIN)
    const first = decideResolve(r, beijing('2026-12-01', 10), 'called back', m01)
    expect(first).toMatchObject({
      kind: 'resolved',
      record: { resolvedAt: beijing('2026-12-01', 10), resolvedBy: 'm01' },
    })
    // after the deadline: writing over the first reply would turn an on-time answer into a late one
    const later = beijing('2026-12-04', 9)
    expect(decideResolve(first.record, later, 'called back', m02)).toEqual({ kind: 'repeated', record: first.record })
    expect(decideResolve(first.record, later, 'something else', m02)).toEqual({
      kind: 'alreadyResolved',
      record: first.record,
    })
  })
})
