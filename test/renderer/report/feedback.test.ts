import { describe, expect, it } from 'vitest'
import { feedbackId } from '../../../shared/feedback/feedback'
import type { FeedbackRow } from '../../../renderer/src/logic/report/feedbackOrder'
import { feedbackOrder } from '../../../renderer/src/logic/report/feedbackOrder'
import { ticketIdOfNumber, ticketNumberOfId } from '../../../renderer/src/logic/report/feedbackTicket'

describe('feedbackTicket', () => {
  it('reads the number a manager types as today’s ticket', () => {
    expect(ticketIdOfNumber('2026-11-24', 'a12')).toBe('20261124-A012')
    expect(ticketIdOfNumber('2026-11-24', ' A012 ')).toBe('20261124-A012')
    expect(ticketNumberOfId('20261124-A012')).toBe('A012')
  })

  describe('edge cases', () => {
    it('refuses what is not a ticket number', () => {
      expect(ticketIdOfNumber('2026-11-24', 'twelve')).toBeNull()
      expect(ticketIdOfNumber('2026-11-24', '12')).toBeNull()
      expect(ticketIdOfNumber('2026-11-24', 'A')).toBeNull()
    })
  })
})

describe('feedbackOrder', () => {
  const row = (
    id: string,
    status: FeedbackRow['status'],
    receivedAt: number,
    deadline: number | null,
  ): FeedbackRow => ({
    id: feedbackId(id),
    ticketId: null,
    kind: 'complaint',
    channel: 'kiosk',
    text: id,
    receivedAt,
    deadline,
    resolvedAt: null,
    resolution: null,
    status,
  })

  it('puts overdue first, then awaiting a reply by the nearest deadline, then the answered, newest first', () => {
    const rows = [
      row('answered-old', 'resolvedOnTime', 1, 10),
      row('open-later', 'open', 5, 50),
      row('answered-new', 'resolvedLate', 9, 10),
      row('overdue', 'overdue', 2, 3),
      row('open-sooner', 'open', 6, 40),
    ]
    expect(feedbackOrder(rows).map((r) => r.id)).toEqual([
      'overdue',
      'open-sooner',
      'open-later',
      'answered-new',
      'answered-old',
    ])
  })
})
