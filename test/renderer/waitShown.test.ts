import { describe, expect, it } from 'vitest'
import { waitedMinutes } from '../../renderer/src/format/durationText'
import { waitingList } from '../../renderer/src/logic/manager/waitingList'
import { Driver } from '../shared/support/driver'
import { A, ALICE, C1, TEST_BRANCH } from '../shared/support/testBranch'

describe('the wait the screens show', () => {
  it("gives the manager's list and the counter the same wait for a re-joined ticket", () => {
    // A001 issued, called after 10 min, missed, re-joined 2 min after the call, 1 min ago.
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    d.advance(600).callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    d.advance(60).run({ type: 'rejoin', ticketId: t.id })
    const rejoinedAt = d.now
    d.advance(60)
    const row = waitingList(d.state, TEST_BRANCH, d.now).find((r) => r.ticket.id === t.id)
    // Not "waited 1 min, waiting again" on one screen and "waited 13 min" on the other.
    expect(row).toMatchObject({ waitedSec: 780, againSince: rejoinedAt })
    // The counter, once it calls the ticket a moment later: the same 13 minutes.
    d.callNext(C1)
    d.advance(5)
    expect(waitedMinutes(d.ticket(t.id), d.now)).toBe(13)
    expect(Math.floor((row?.waitedSec ?? 0) / 60)).toBe(13)
  })
})
