import { describe, expect, it } from 'vitest'
import { ticketWait } from '../../../shared/queue/ticketWait'
import { Driver } from '../support/driver'
import { A, ALICE, C1 } from '../support/testBranch'

/** A001 issued, called after 10 min, missed, re-joined 2 min after the call; the driver 1 min on. */
function rejoined() {
  const d = new Driver().openDay().open(C1, ALICE)
  const t = d.issue(A)
  d.advance(600).callNext(C1)
  d.advance(20).run({ type: 'recall', counterId: C1 })
  d.advance(20).run({ type: 'recall', counterId: C1 })
  d.advance(20).run({ type: 'markNoShow', counterId: C1 })
  d.advance(60).run({ type: 'rejoin', ticketId: t.id })
  const rejoinedAt = d.now
  d.advance(60)
  return { d, t, rejoinedAt }
}

describe('ticketWait', () => {
  it('counts a first wait from the issue to now, with no "again"', () => {
    const d = new Driver().openDay()
    const t = d.issue(A)
    d.advance(90)
    expect(ticketWait(d.ticket(t.id), d.now)).toEqual({ waitedSec: 90, againSince: null })
  })

  it('keeps counting a re-joined wait from the issue, and says when it started again', () => {
    const { d, t, rejoinedAt } = rejoined()
    expect(ticketWait(d.ticket(t.id), d.now)).toEqual({ waitedSec: 780, againSince: rejoinedAt })
  })

  it('stops at the call for a ticket at a counter', () => {
    const { d, t, rejoinedAt } = rejoined()
    d.callNext(C1)
    d.advance(300)
    expect(ticketWait(d.ticket(t.id), d.now)).toEqual({ waitedSec: 780, againSince: rejoinedAt })
  })
})
