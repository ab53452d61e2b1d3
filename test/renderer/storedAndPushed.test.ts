import { describe, expect, it } from 'vitest'
import { statusMessage, storedSession } from '../../renderer/src/api/parseOutside'

const session = {
  token: 'dev_kiosk_0123456789abcdef',
  role: 'kiosk',
  staffId: null,
  name: 'Lobby kiosk',
  counterId: null,
  expiresAt: null,
}

const status = {
  ticketId: '20261205-A001',
  number: 'A001',
  serviceId: 'personal',
  status: 'called',
  outcome: null,
  reopensAt: null,
  issuedAt: 1,
  peopleAhead: 0,
  estimate: null,
  shown: { kind: 'soon' },
  hold: null,
  closing: null,
  counterNumber: 3,
  calls: 1,
  language: 'en',
  serverNow: 2,
}

describe('a session kept in localStorage', () => {
  it('is read back when it parses as a session', () => {
    expect(storedSession(JSON.stringify(session))).toEqual(session)
    expect(storedSession(null)).toBeNull()
  })

  it('is refused when damaged or of another shape, never used as a token', () => {
    expect(storedSession('{"token":')).toBeNull()
    expect(storedSession(JSON.stringify({ ...session, role: 'owner' }))).toBeNull()
    expect(storedSession(JSON.stringify({ ...session, token: 42 }))).toBeNull()
    expect(storedSession(JSON.stringify('dev_kiosk_0123456789abcdef'))).toBeNull()
  })
})

describe('a ticket status pushed to the phone', () => {
  it('is shown when it parses as a status', () => {
    expect(statusMessage(JSON.stringify(status))).toEqual(status)
  })

  it('is refused when it is not JSON or not a status', () => {
    expect(statusMessage('<html>')).toBeNull()
    expect(statusMessage(JSON.stringify({ ...status, counterNumber: 'three' }))).toBeNull()
    expect(statusMessage(JSON.stringify({ ...status, shown: { kind: 'range' } }))).toBeNull()
    expect(statusMessage(JSON.stringify({ ...status, closing: { kind: 'never' } }))).toBeNull()
  })
})
