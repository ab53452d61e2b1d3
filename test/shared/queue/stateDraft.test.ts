import { describe, expect, it } from 'vitest'
import { applyEvent, applyTo, replay } from '../../../shared/queue/applyEvent'
import { EMPTY_STATE, getTicket } from '../../../shared/queue/state'
import { StateDraft } from '../../../shared/queue/stateDraft'
import type { QueueEvent } from '../../../shared/queue/events'
import { counterId, staffId, ticketId } from '../../../shared/domain/ids'
import { Driver } from '../support/driver'
import { TEST_BRANCH } from '../support/testBranch'

const c1 = counterId('c1')
const svc = TEST_BRANCH.services[0]?.id

/** A short day: two tickets, one served, one called and waiting at the counter. */
function shortDay(): Driver {
  if (svc === undefined) throw new Error('the test branch has a service')
  const d = new Driver().openDay().open(c1, staffId('s1'))
  d.issue(svc)
  d.issue(svc)
  d.serveNext(c1)
  d.callNext(c1)
  return d
}

describe('the fold copies what it changes', () => {
  it('leaves a replayed state as it was when the day goes on from it', () => {
    const d = shortDay()
    const half = d.log.slice(0, 5)
    const mid = replay(half, EMPTY_STATE)
    const before = structuredClone(mid)
    let s = mid
    for (const e of d.log.slice(5)) s = applyEvent(s, e)
    expect(mid).toEqual(before)
    expect(s).toEqual(d.state)
  })

  it('seals its copies when it hands a state over: later changes copy again', () => {
    const d = shortDay()
    const draft = new StateDraft(EMPTY_STATE)
    const [first, ...rest] = d.log
    if (first === undefined) throw new Error('the day has events')
    for (const e of d.log.slice(0, 4)) applyTo(draft, e)
    const handed = draft.finish()
    const before = structuredClone(handed)
    for (const e of rest.slice(3)) applyTo(draft, e)
    expect(handed).toEqual(before)
    expect(draft.finish()).toEqual(d.state)
  })

  it('changes nothing when an event names a ticket the day does not have', () => {
    const d = shortDay()
    const draft = new StateDraft(replay(d.log, EMPTY_STATE))
    const before = structuredClone(draft.state)
    const unknown = ticketId('20261124-Z999')
    const recall: QueueEvent = { type: 'ticketRecalled', ticketId: unknown, counterId: c1, seq: 99, at: 1 }
    expect(() => applyTo(draft, recall)).toThrow(/unknown ticket/)
    expect(draft.state).toEqual(before)
    expect(getTicket(draft.state, unknown)).toBeUndefined()
  })
})
