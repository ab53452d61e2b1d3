import { describe, expect, it } from 'vitest'
import { establishmentOf, tappableClasses, type BranchConfig } from '../../../shared/domain/branch'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { priorityClassId } from '../../../shared/domain/ids'
import { callOrder } from '../../../shared/policy/callOrder'
import { replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../../shared/queue/state'
import { priorityStanding } from '../../../shared/queue/priorityStanding'
import { Driver } from '../support/driver'
import { A, ALICE, C1, CARE, TEST_BRANCH, VIP } from '../support/testBranch'

const APPT = priorityClassId('appt')
/** VIP confirmed by staff, elderly by ID card, appointments by booking code. */
const BRANCH: BranchConfig = {
  ...TEST_BRANCH,
  priorityClasses: [
    { ...TEST_BRANCH.priorityClasses[0]!, establishedBy: 'staff' },
    { ...TEST_BRANCH.priorityClasses[1]!, establishedBy: 'idReader' },
    { id: APPT, name: { 'zh-CN': '预约', en: 'Appointment' }, rate: 2, headStartSec: 300, establishedBy: 'booking' },
  ],
}

describe('priority establishment', () => {
  it('gives a self-declared class at once (the default)', () => {
    const d = new Driver().openDay()
    const t = d.issue(A, VIP)
    expect(t).toMatchObject({ priorityClassId: VIP, priorityClaim: null })
  })

  it('records a class staff must confirm as a claim, and the ticket waits as ordinary until then', () => {
    const d = new Driver(BRANCH).openDay().open(C1, ALICE)
    const first = d.issue(A)
    d.advance(10)
    const vip = d.issue(A, VIP)
    expect(vip).toMatchObject({ priorityClassId: null, priorityClaim: VIP })
    expect(callOrder(d.state, BRANCH, C1, d.now).map((t) => t.id)).toEqual([first.id, vip.id])
    expect(priorityStanding(vip, BRANCH)).toMatchObject({ kind: 'pending', cls: { id: VIP }, awaiting: 'staff' })
    const e = d.run({
      type: 'changePriority',
      ticketId: vip.id,
      priorityClassId: VIP,
      reason: 'Showed premier card',
      by: 'staff',
    })
    expect(e).toMatchObject({
      type: 'priorityChanged',
      from: null,
      to: VIP,
      reason: 'Showed premier card',
      by: 'staff',
    })
    expect(d.ticket(vip.id)).toMatchObject({ priorityClassId: VIP, priorityClaim: null, priorityBy: 'staff' })
    expect(priorityStanding(d.ticket(vip.id), BRANCH)).toMatchObject({ kind: 'established', by: 'staff' })
    // 2 × (0 + 90) = 180 > 10: now ahead.
    expect(callOrder(d.state, BRANCH, C1, d.now).map((t) => t.id)).toEqual([vip.id, first.id])
  })

  it('records a card-reader class as a claim too, ranked as ordinary until the reader confirms it', () => {
    const d = new Driver(BRANCH).openDay().open(C1, ALICE)
    const first = d.issue(A)
    d.advance(10)
    const care = d.issue(A, CARE)
    expect(care).toMatchObject({ priorityClassId: null, priorityClaim: CARE })
    expect(priorityStanding(care, BRANCH)).toMatchObject({ kind: 'pending', awaiting: 'idReader' })
    // Ordinary until confirmed: 10 s behind; as a confirmed class it would be 3 × 10 = 30 > 20.
    d.advance(10)
    expect(callOrder(d.state, BRANCH, C1, d.now).map((t) => t.id)).toEqual([first.id, care.id])
    const e = d.run({
      type: 'changePriority',
      ticketId: care.id,
      priorityClassId: CARE,
      reason: 'card read at reader kiosk-1 (************3456)',
      by: 'idReader',
    })
    expect(e).toMatchObject({ type: 'priorityChanged', from: null, to: CARE, by: 'idReader' })
    expect(priorityStanding(d.ticket(care.id), BRANCH)).toMatchObject({ kind: 'established', by: 'idReader' })
    expect(callOrder(d.state, BRANCH, C1, d.now).map((t) => t.id)).toEqual([care.id, first.id])
    expect(replay(d.log, EMPTY_STATE).open.find((x) => x.id === care.id)?.priorityBy).toBe('idReader')
  })

  it('lets a card reader confirm only a pending claim for a class established by reader', () => {
    const d = new Driver(BRANCH).openDay()
    const byReader = (ticketId: string, priorityClassId: string | null) =>
      d.attempt({
        type: 'changePriority',
        ticketId: ticketId as never,
        priorityClassId: priorityClassId as never,
        reason: 'card read',
        by: 'idReader',
      })
    const code = (r: ReturnType<typeof byReader>) => (r.ok ? 'ok' : r.error.code)
    const ordinary = d.issue(A)
    const staffClaim = d.issue(A, VIP)
    const readerClaim = d.issue(A, CARE)
    expect(code(byReader(ordinary.id, CARE))).toBe('noReaderClaim')
    expect(code(byReader(staffClaim.id, VIP))).toBe('noReaderClaim')
    expect(code(byReader(readerClaim.id, VIP))).toBe('noReaderClaim')
    expect(code(byReader(readerClaim.id, null))).toBe('noReaderClaim')
    expect(d.ticket(readerClaim.id)).toMatchObject({ priorityClassId: null, priorityClaim: CARE })
    expect(code(byReader(readerClaim.id, CARE))).toBe('ok')
    // Confirmed once: a second read changes nothing.
    expect(code(byReader(readerClaim.id, CARE))).toBe('priorityUnchanged')
  })

  it('lets a teller downgrade a claim to ordinary, with the reason journaled', () => {
    const d = new Driver(BRANCH).openDay()
    const vip = d.issue(A, VIP)
    const e = d.run({ type: 'changePriority', ticketId: vip.id, priorityClassId: null, reason: 'No card', by: 'staff' })
    expect(e).toMatchObject({ from: null, to: null, reason: 'No card', by: 'staff' })
    expect(d.ticket(vip.id)).toMatchObject({ priorityClassId: null, priorityClaim: null })
    expect(priorityStanding(d.ticket(vip.id), BRANCH)).toBeNull()
  })

  it('shows a class given at issue as self-declared, and a booking check-in as by booking', () => {
    const d = new Driver(BRANCH).openDay()
    expect(priorityStanding(d.issue(A), BRANCH)).toBeNull()
    const booked = d.run({
      type: 'issueTicket',
      serviceId: A,
      priorityClassId: APPT,
      language: 'en',
      appointmentAt: d.now + 60_000,
      estimate: null,
    })
    expect(booked).toMatchObject({ type: 'ticketIssued', priorityClassId: APPT })
    if (booked.type !== 'ticketIssued') throw new Error('not issued')
    expect(priorityStanding(d.ticket(booked.ticketId), BRANCH)).toMatchObject({ kind: 'established', by: 'booking' })
    expect(priorityStanding(new Driver().openDay().issue(A, VIP), TEST_BRANCH)).toMatchObject({
      kind: 'established',
      by: 'declared',
    })
  })

  it('refuses a booking class by tap: appointments check in with their code', () => {
    const d = new Driver(BRANCH).openDay()
    const r = d.attempt({
      type: 'issueTicket',
      serviceId: A,
      priorityClassId: APPT,
      language: 'en',
      appointmentAt: null,
      estimate: null,
    })
    expect(r.ok ? null : r.error).toMatchObject({ code: 'bookingRequired', field: 'priorityClassId' })
  })

  it('lets a teller change or remove a declared class, with a reason, and replays it', () => {
    const d = new Driver().openDay()
    const t = d.issue(A, VIP)
    d.run({
      type: 'changePriority',
      ticketId: t.id,
      priorityClassId: null,
      reason: '  Not a premier customer ',
      by: 'staff',
    })
    expect(d.ticket(t.id).priorityClassId).toBeNull()
    expect(d.log.at(-1)).toMatchObject({ from: VIP, to: null, reason: 'Not a premier customer' })
    expect(replay(d.log, EMPTY_STATE).open.find((x) => x.id === t.id)?.priorityClassId).toBeNull()
  })

  describe('edge cases', () => {
    it('refuses a change without a reason, to an unknown class, to the same class, or of a finished ticket', () => {
      const d = new Driver().openDay().open(C1, ALICE)
      const t = d.issue(A, VIP)
      const change = (priorityClassId: string | null, reason: string) =>
        d.attempt({
          type: 'changePriority',
          ticketId: t.id,
          priorityClassId: priorityClassId as never,
          reason,
          by: 'staff',
        })
      const code = (r: ReturnType<typeof change>) => (r.ok ? 'ok' : r.error.code)
      expect(code(change(null, '   '))).toBe('reasonRequired')
      expect(code(change(null, 'x'.repeat(201)))).toBe('reasonRequired')
      expect(code(change('gold', 'Card'))).toBe('unknownPriorityClass')
      expect(code(change(VIP, 'Card'))).toBe('priorityUnchanged')
      d.serveNext(C1)
      expect(code(change(null, 'Too late'))).toBe('ticketFinished')
    })
  })
})

describe('the demo branch', () => {
  it('establishes one class each way: self-declared, by staff, by card reader, by booking', () => {
    expect(DEMO_BRANCH.priorityClasses.map((c) => [c.id, establishmentOf(c)])).toEqual([
      ['vip', 'idReader'],
      ['care', 'declared'],
      ['appointment', 'booking'],
      ['military', 'staff'],
    ])
    expect(tappableClasses(DEMO_BRANCH).map((c) => c.id)).toEqual(['vip', 'care', 'military'])
  })
})
