import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import { replay } from '../../../shared/queue/applyEvent'
import { CARD_READ_WINDOW_MS, readerClaimsAt } from '../../../shared/queue/readerClaims'
import { EMPTY_STATE } from '../../../shared/queue/state'
import { Driver } from '../support/driver'
import { A, CARE, TEST_BRANCH, VIP } from '../support/testBranch'

/** VIP confirmed by staff, elderly by ID card. */
const BRANCH: BranchConfig = {
  ...TEST_BRANCH,
  priorityClasses: [
    { ...TEST_BRANCH.priorityClasses[0]!, establishedBy: 'staff' },
    { ...TEST_BRANCH.priorityClasses[1]!, establishedBy: 'idReader' },
  ],
}

function issueAt(d: Driver, kiosk: string | undefined, cls = CARE) {
  return d.run({
    type: 'issueTicket',
    serviceId: A,
    priorityClassId: cls,
    language: 'en',
    appointmentAt: null,
    estimate: null,
    ...(kiosk === undefined ? {} : { kiosk }),
  })
}

describe('readerClaimsAt', () => {
  it('journals the kiosk a reader claim was taken at, so a replayed state gives the same claims', () => {
    const d = new Driver(BRANCH).openDay()
    const e = issueAt(d, 'Lobby kiosk')
    expect(e).toMatchObject({ type: 'ticketIssued', priorityClaim: CARE, claimKiosk: 'Lobby kiosk' })
    const replayed = replay(d.log, EMPTY_STATE)
    expect(readerClaimsAt(replayed, BRANCH, 'Lobby kiosk', d.now).map((t) => t.number)).toEqual(['A001'])
    expect(readerClaimsAt(replayed, BRANCH, 'Upstairs kiosk', d.now)).toEqual([])
  })

  it('answers newest first, at any kiosk for a read with no kiosk', () => {
    const d = new Driver(BRANCH).openDay()
    issueAt(d, 'Lobby kiosk')
    d.advance(10)
    issueAt(d, 'Upstairs kiosk')
    expect(readerClaimsAt(d.state, BRANCH, null, d.now).map((t) => t.number)).toEqual(['A002', 'A001'])
    expect(readerClaimsAt(d.state, BRANCH, 'Lobby kiosk', d.now).map((t) => t.number)).toEqual(['A001'])
  })

  describe('edge cases', () => {
    it('leaves out staff-confirmed claims, claims past the window, confirmed and finished tickets', () => {
      const d = new Driver(BRANCH).openDay()
      const staff = issueAt(d, 'Lobby kiosk', VIP)
      expect(staff).toMatchObject({ priorityClaim: VIP, claimKiosk: 'Lobby kiosk' })
      const late = issueAt(d, 'Lobby kiosk')
      d.advance(CARD_READ_WINDOW_MS / 1000 + 1)
      expect(readerClaimsAt(d.state, BRANCH, 'Lobby kiosk', d.now)).toEqual([])
      const confirmed = issueAt(d, 'Lobby kiosk')
      const cancelled = issueAt(d, 'Lobby kiosk')
      if (confirmed.type !== 'ticketIssued' || cancelled.type !== 'ticketIssued' || late.type !== 'ticketIssued')
        throw new Error('not issued')
      d.run({ type: 'changePriority', ticketId: confirmed.ticketId, priorityClassId: CARE, reason: 'ID', by: 'staff' })
      d.run({ type: 'cancel', ticketId: cancelled.ticketId })
      expect(readerClaimsAt(d.state, BRANCH, 'Lobby kiosk', d.now)).toEqual([])
    })

    it('records no kiosk for a ticket issued elsewhere or without a claim', () => {
      const d = new Driver(BRANCH).openDay()
      expect(issueAt(d, undefined)).not.toHaveProperty('claimKiosk')
      expect(issueAt(d, 'Lobby kiosk', null as never)).not.toHaveProperty('claimKiosk')
      expect(readerClaimsAt(d.state, BRANCH, 'Lobby kiosk', d.now)).toEqual([])
      expect(readerClaimsAt(d.state, BRANCH, null, d.now).map((t) => t.number)).toEqual(['A001'])
    })
  })
})
