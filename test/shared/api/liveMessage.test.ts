import { describe, expect, it } from 'vitest'
import { isLiveMessageProblem, parseLiveMessage } from '../../../shared/api/liveMessage'

const parse = (v: unknown) => parseLiveMessage(typeof v === 'string' ? v : JSON.stringify(v))
const problemOf = (v: unknown) => {
  const r = parse(v)
  return isLiveMessageProblem(r) ? r.problem : null
}

describe('parseLiveMessage', () => {
  it('passes the messages the hub sends', () => {
    const event = { type: 'ticketRecalled', seq: 7, at: 1, ticketId: 't1', counterId: 'c1' }
    expect(parse({ type: 'event', event })).toEqual({ type: 'event', event })
    expect(parse({ type: 'tick', serverNow: 5 })).toEqual({ type: 'tick', serverNow: 5 })
    expect(
      problemOf({
        type: 'snapshot',
        snapshot: { serverNow: 1, journal: 'j1', state: { lastSeq: 0 }, estimates: null },
      }),
    ).toBeNull()
    expect(parse({ type: 'resumed', journal: 'j2' })).toEqual({ type: 'resumed', journal: 'j2' })
    expect(problemOf({ type: 'devices', devices: [] })).toBeNull()
    expect(problemOf({ type: 'error', code: 'unauthenticated', message: 'sign in' })).toBeNull()
  })

  it('never lets a damaged event reach the fold, and says what is wrong with it', () => {
    expect(problemOf({ type: 'event', event: { type: 'ticketRecalled', seq: 7, at: 1, ticketId: 't1' } })).toBe(
      'event.counterId: is required',
    )
    expect(
      problemOf({ type: 'event', event: { type: 'ticketRecalled', seq: '7', at: 1, ticketId: 't', counterId: 'c' } }),
    ).toMatch(/^event\.seq: /)
    expect(problemOf({ type: 'event', event: { type: 'ticketTeleported', seq: 7, at: 1 } })).toMatch(/^event/)
  })

  it('refuses what is not JSON, has no type, or a type it does not know', () => {
    expect(problemOf('{"type":')).toBe('not JSON')
    expect(problemOf([1, 2])).toBe('type: is required')
    expect(problemOf({ type: 'constructor' })).toBe("type: unknown message type 'constructor'")
    expect(problemOf({ type: 'tick', serverNow: 'now' })).toBe('serverNow: must be a number')
    expect(problemOf({ type: 'snapshot', snapshot: { serverNow: 1, journal: 'j1', state: {} } })).toBe(
      'snapshot.state.lastSeq: must be a number',
    )
    // A snapshot without its journal would leave the terminal unable to say where it stands.
    expect(problemOf({ type: 'snapshot', snapshot: { serverNow: 1, state: { lastSeq: 0 } } })).toBe(
      'snapshot.journal: must be a string',
    )
    expect(problemOf({ type: 'resumed', journal: 7 })).toBe('journal: must be a string')
  })
})
