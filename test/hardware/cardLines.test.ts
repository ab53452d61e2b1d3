import { describe, expect, it } from 'vitest'
import {
  CardLineFramer,
  DEFAULT_CARD_LINE_OPTIONS,
  maskCardToken,
  parseCardLine,
  type CardLineOptions,
} from '../../hardware/cardReader/cardLines'
import { TEST_CARDS } from './emulators/cardReaderEmulator'

const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'))
const framer = (o: Partial<CardLineOptions> = {}) => new CardLineFramer({ ...DEFAULT_CARD_LINE_OPTIONS, ...o })

describe('CardLineFramer', () => {
  it('ends a line at CR, LF or CR LF by default, and counts CR LF once', () => {
    const f = framer()
    expect(f.push(bytes('A1234\r\nB5678\rC9012\n\n'), 0)).toEqual({ lines: ['A1234', 'B5678', 'C9012'], rejected: [] })
  })

  it('puts a line split across reads back together', () => {
    const f = framer()
    expect(f.push(bytes(TEST_CARDS.track2.slice(0, 7)), 0).lines).toEqual([])
    expect(f.pending).toBe(true)
    expect(f.push(bytes(`${TEST_CARDS.track2.slice(7)}\r`), 20).lines).toEqual([TEST_CARDS.track2])
    expect(f.push(bytes('\n'), 21)).toEqual({ lines: [], rejected: [] })
  })

  it('follows a configured terminator', () => {
    expect(framer({ terminator: 'crlf' }).push(bytes('12\r34\r\n'), 0).lines).toEqual(['12\r34'])
    expect(framer({ terminator: 'lf' }).push(bytes('1234\n5678\n'), 0).lines).toEqual(['1234', '5678'])
    expect(framer({ terminator: 'cr' }).push(bytes('1234\r'), 0).lines).toEqual(['1234'])
  })

  describe('edge cases', () => {
    it('throws away a line longer than maxLength up to its end, and reads the next one', () => {
      const f = framer({ maxLength: 32 })
      const out = f.push(bytes(`${'9'.repeat(40)}\r\n${TEST_CARDS.idCard}\r\n`), 0)
      expect(out).toEqual({ lines: [TEST_CARDS.idCard], rejected: [{ bytes: 40, reason: 'tooLong' }] })
    })

    it('keeps memory bounded by maxLength for an endless line', () => {
      const f = framer({ maxLength: 16 })
      for (let i = 0; i < 1000; i++) f.push(bytes('x'.repeat(100)), i)
      expect(f.push(bytes('\n'), 1000).rejected).toEqual([{ bytes: 100_000, reason: 'tooLong' }])
    })

    it('throws away a line cut off for longer than timeoutMs, when the next bytes come or on expire', () => {
      const f = framer({ timeoutMs: 500 })
      f.push(bytes(';62220212'), 0)
      expect(f.expire(499)).toEqual({ lines: [], rejected: [] })
      expect(f.push(bytes('1234\r'), 600)).toEqual({ lines: ['1234'], rejected: [{ bytes: 9, reason: 'cutOff' }] })
      f.push(bytes('%B62'), 1000)
      expect(f.expire(1500)).toEqual({ lines: [], rejected: [{ bytes: 4, reason: 'cutOff' }] })
      expect(f.pending).toBe(false)
    })
  })
})

describe('parseCardLine', () => {
  it('takes the account number of track 1, of track 2, and a bare ID number', () => {
    expect(parseCardLine(TEST_CARDS.track1)).toEqual({ ok: true, token: TEST_CARDS.pan, kind: 'track1' })
    expect(parseCardLine(TEST_CARDS.track2)).toEqual({ ok: true, token: TEST_CARDS.pan, kind: 'track2' })
    expect(parseCardLine(TEST_CARDS.track1 + TEST_CARDS.track2)).toMatchObject({
      token: TEST_CARDS.pan,
      kind: 'track1',
    })
    expect(parseCardLine(TEST_CARDS.idCard)).toEqual({ ok: true, token: TEST_CARDS.idCard, kind: 'id' })
  })

  describe('edge cases', () => {
    it('refuses noise, a failed swipe and text that is not card data', () => {
      expect(parseCardLine('\u0000\u00ff12345')).toEqual({ ok: false, reason: 'notPrintable' })
      expect(parseCardLine('%E?;E?')).toEqual({ ok: false, reason: 'badSwipe' })
      expect(parseCardLine('hello world!')).toEqual({ ok: false, reason: 'notCardData' })
      expect(parseCardLine('12')).toEqual({ ok: false, reason: 'notCardData' })
      expect(parseCardLine(';12=?')).toEqual({ ok: false, reason: 'notCardData' })
    })
  })
})

describe('maskCardToken', () => {
  it('shows only the last four characters, and nothing of a short token', () => {
    expect(maskCardToken(TEST_CARDS.pan)).toBe('***************0123')
    expect(maskCardToken(TEST_CARDS.idCard)).toBe('**************002X')
    expect(maskCardToken('12AB')).toBe('****')
  })
})
