import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import { priorityClassId } from '../../../shared/domain/ids'
import { callOrder } from '../../../shared/policy/callOrder'
import { replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE } from '../../../shared/queue/state'
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
    const e = d.run({ type: 'changePriority', ticketId: vip.id, priorityClassId: VIP, reason: 'Showed premier card' })
    expect(e).toMatchObject({ type: 'priorityChanged', from: null, to: VIP, reason: 'Showed premier card' })
    expect(d.ticket(vip.id)).toMatchObject({ priorityClassId: VIP, priorityClaim: null })
    // 2 × (0 + 90) = 180 > 10: now ahead.
    expect(callOrder(d.state, BRANCH, C1, d.now).map((t) => t.id)).toEqual([vip.id, first.id])
  })

  it('records a card-reader class as a claim too', () => {
    const d = new Driver(BRANCH).openDay()
    expect(d.issue(A, CARE)).toMatchObject({ priorityClassId: null, priorityClaim: CARE })
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
    d.run({ type: 'changePriority', ticketId: t.id, priorityClassId: null, reason: '  Not a premier customer ' })
    expect(d.ticket(t.id).priorityClassId).toBeNull()
    expect(d.log.at(-1)).toMatchObject({ from: VIP, to: null, reason: 'Not a premier customer' })
    expect(replay(d.log, EMPTY_STATE).open.find((x) => x.id === t.id)?.priorityClassId).toBeNull()
  })

  describe('edge cases', () => {
    it('refuses a change without a reason, to an unknown class, to the same class, or of a finished ticket', () => {
      const d = new Driver().openDay().open(C1, ALICE)
      const t = d.issue(A, VIP)
      const change = (priorityClassId: string | null, reason: string) =>
        d.attempt({ type: 'changePriority', ticketId: t.id, priorityClassId: priorityClassId as never, reason })
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
