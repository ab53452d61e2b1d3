import { describe, expect, it } from 'vitest'
import { strandedByClosing, strandedTickets } from '../../../shared/estimate/strandedByClosing'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, TEST_BRANCH } from '../support/testBranch'

describe('strandedByClosing', () => {
  it('counts, by service, the waiting customers no other open counter may call', () => {
    const d = new Driver().openDay().open(C2, BOB)
    d.issue(A)
    d.issue(B)
    d.issue(B)
    expect(strandedByClosing(d.state, TEST_BRANCH, C2)).toEqual([
      { serviceId: A, waiting: 1 },
      { serviceId: B, waiting: 2 },
    ])
  })

  it('is empty while another open counter serves them', () => {
    const d = new Driver().openDay().open(C2, BOB).open(C3, CAROL)
    d.issue(A)
    d.issue(B)
    expect(strandedByClosing(d.state, TEST_BRANCH, C2)).toEqual([])
  })

  it('leaves out the services another open counter serves', () => {
    // counter 1 serves A, not B
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    d.issue(A)
    d.issue(B)
    expect(strandedByClosing(d.state, TEST_BRANCH, C2)).toEqual([{ serviceId: B, waiting: 1 }])
  })

  it('counts a paused counter as no help: it calls nobody until it resumes', () => {
    const d = new Driver().openDay().open(C2, BOB).open(C3, CAROL)
    d.issue(B)
    d.run({ type: 'pauseCounter', counterId: C3, reason: { code: 'break', note: '' } })
    expect(strandedByClosing(d.state, TEST_BRANCH, C2)).toEqual([{ serviceId: B, waiting: 1 }])
  })

  describe('edge cases', () => {
    it('gives the same answer once the counter is closed', () => {
      const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
      d.issue(B)
      const before = strandedByClosing(d.state, TEST_BRANCH, C2)
      d.run({ type: 'closeCounter', counterId: C2 })
      expect(strandedByClosing(d.state, TEST_BRANCH, C2)).toEqual(before)
    })

    it('counts a ticket sent to this very counter, whoever else serves its service', () => {
      const d = new Driver().openDay().open(C2, BOB).open(C3, CAROL)
      const t = d.issue(B)
      const sent = { ...d.state, open: d.state.open.map((x) => (x.id === t.id ? { ...x, targetCounterId: C2 } : x)) }
      expect(strandedTickets(sent, TEST_BRANCH, C2).map((x) => x.id)).toEqual([t.id])
    })

    it('is empty for a counter the branch does not have', () => {
      const d = new Driver().openDay().open(C2, BOB)
      d.issue(B)
      expect(strandedByClosing(d.state, TEST_BRANCH, 'c9' as typeof C2)).toEqual([])
    })
  })
})
