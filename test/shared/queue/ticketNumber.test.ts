import { describe, expect, it } from 'vitest'
import { dateOfTicketId, ticketIdFor } from '../../../shared/queue/ticketNumber'

describe('dateOfTicketId', () => {
  it('reads back the date a ticket id was made for', () => {
    expect(dateOfTicketId(ticketIdFor('2026-11-24', 'A023'))).toBe('2026-11-24')
    expect(dateOfTicketId('20261207-V1204')).toBe('2026-12-07')
  })

  describe('edge cases', () => {
    it('is null for what is not a ticket id', () => {
      expect(dateOfTicketId('A023')).toBeNull()
      expect(dateOfTicketId('2026-11-24-A023')).toBeNull()
      expect(dateOfTicketId('20261124-')).toBeNull()
    })
  })
})
