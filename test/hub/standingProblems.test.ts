import { describe, expect, it } from 'vitest'
import { StandingProblems } from '../../hub/log/standingProblems'

describe('StandingProblems', () => {
  it('lists what stands oldest first, each kind once, keeping when it was first found', () => {
    const standing = new StandingProblems()
    expect(standing.current()).toEqual([])
    standing.set('logNoFile', 'cannot write logs', 1000)
    standing.set('replicationNotStarted', 'format 2', 2000)
    standing.set('logNoFile', 'still cannot write logs', 3000)
    expect(standing.current()).toEqual([
      { what: 'logNoFile', since: 1000, detail: 'still cannot write logs' },
      { what: 'replicationNotStarted', since: 2000, detail: 'format 2' },
    ])
  })

  it('forgets a kind that no longer stands, and finds it anew later', () => {
    const standing = new StandingProblems()
    standing.set('logNoFile', 'cannot write logs', 1000)
    standing.set('replicationRefused', 'token revoked', 2000)
    standing.clear('replicationRefused')
    standing.clear('replicationNotStarted')
    expect(standing.current()).toEqual([{ what: 'logNoFile', since: 1000, detail: 'cannot write logs' }])
    standing.set('replicationRefused', 'token revoked again', 5000)
    expect(standing.current().at(-1)).toEqual({
      what: 'replicationRefused',
      since: 5000,
      detail: 'token revoked again',
    })
  })

  it('answers a copy: a reader cannot change what stands', () => {
    const standing = new StandingProblems()
    standing.set('logNoFile', 'cannot write logs', 1000)
    ;(standing.current() as unknown[]).length = 0
    expect(standing.current()).toHaveLength(1)
  })
})
