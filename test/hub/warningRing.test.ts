import { describe, expect, it } from 'vitest'
import { WarningRing, warningParams } from '../../hub/log/warningRing'

/** The manager's recent warnings: a code and its facts from each log line, beside the log's words. */
describe('WarningRing', () => {
  it('keeps a line’s code, its facts and its words', () => {
    const ring = new WarningRing()
    ring.write(
      JSON.stringify({
        level: 40,
        time: 5,
        event: 'speech.noVoice',
        reqId: 'req-1',
        terminal: 'Lobby',
        missing: ['zh-CN', 'en'],
        msg: "Lobby display 'Lobby' cannot announce calls properly: no voice installed for zh-CN, en",
      }),
    )
    expect(ring.recent()).toEqual([
      {
        id: 1,
        at: 5,
        level: 'warn',
        event: 'speech.noVoice',
        params: { terminal: 'Lobby', missing: ['zh-CN', 'en'] },
        message: "Lobby display 'Lobby' cannot announce calls properly: no voice installed for zh-CN, en",
        reqId: 'req-1',
      },
    ])
  })

  describe('edge cases', () => {
    it('takes an error’s message as a fact, and leaves out what is no fact of what happened', () => {
      const record = {
        level: 50,
        time: 1,
        event: 'sessions.notKept',
        file: '/data/sessions.json',
        err: { type: 'Error', message: 'EACCES', stack: '…' },
        req: { method: 'GET', url: '/' },
        responseTime: 3,
        offset: 12,
        keptIn: null,
        nested: { a: 1 },
        mixed: ['a', 1],
        msg: 'The sign-ins could not be kept',
      }
      expect(warningParams(record)).toEqual({ file: '/data/sessions.json', offset: 12, error: 'EACCES' })
    })

    it('keeps a line that is not JSON as its words, with no facts', () => {
      const ring = new WarningRing()
      ring.write('not json\n')
      expect(ring.recent()[0]).toMatchObject({ event: null, params: {}, message: 'not json', level: 'warn' })
    })
  })
})
