import { describe, expect, it } from 'vitest'
import { readableLine, terminalFormat, terminalStream } from '../../hub/log/terminalLines'

/** This PC's clock, as the readable lines show it. */
const clock = (ms: number): string => {
  const d = new Date(ms)
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
}
const AT = Date.UTC(2026, 10, 24, 2, 5, 7)

describe('terminalFormat', () => {
  it('is readable for a person at a terminal and JSON for a program reading stderr', () => {
    expect(terminalFormat(undefined, true)).toBe('readable')
    expect(terminalFormat(undefined, false)).toBe('json')
  })

  it('is what was asked for', () => {
    expect(terminalFormat('json', true)).toBe('json')
    expect(terminalFormat('readable', false)).toBe('readable')
    expect(terminalFormat('pretty', true)).toBeUndefined()
  })
})

describe('readableLine', () => {
  it('shows the time, the level, the words and the event of a warning', () => {
    const line = JSON.stringify({
      level: 40,
      time: AT,
      event: 'customerAddress.unreachable',
      problem: 'loopbackOnly',
      msg: 'Phones cannot reach this hub, so tickets get no QR code',
    })
    expect(readableLine(line)).toBe(
      `${clock(AT)} WARN  Phones cannot reach this hub, so tickets get no QR code  [customerAddress.unreachable]`,
    )
  })

  it('says what a request asked and how it was answered, and an error’s message', () => {
    const request = JSON.stringify({
      level: 30,
      time: AT,
      reqId: 'req-1',
      req: { method: 'POST', url: '/api/v1/sessions' },
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    })
    expect(readableLine(request)).toBe(`${clock(AT)} INFO  request completed: POST /api/v1/sessions → 200 (12 ms)`)
    const failed = JSON.stringify({ level: 50, time: AT, event: 'hub.task', err: { message: 'EACCES' }, msg: 'saving' })
    expect(readableLine(failed)).toBe(`${clock(AT)} ERROR saving (EACCES)  [hub.task]`)
  })

  describe('edge cases', () => {
    it('passes a line that is not JSON on as it is', () => {
      expect(readableLine('not json\n')).toBe('not json')
    })

    it('does not repeat an error the words already hold', () => {
      const line = JSON.stringify({ level: 40, time: AT, err: { message: 'ENOSPC' }, msg: 'the disk is full: ENOSPC' })
      expect(readableLine(line)).toBe(`${clock(AT)} WARN  the disk is full: ENOSPC`)
    })
  })
})

describe('terminalStream', () => {
  it('writes each line readable, or as the JSON it is', () => {
    const line = `${JSON.stringify({ level: 40, time: AT, msg: 'careful' })}\n`
    const out: string[] = []
    terminalStream('readable', (t) => out.push(t)).write(line)
    terminalStream('json', (t) => out.push(t)).write(line)
    expect(out).toEqual([`${clock(AT)} WARN  careful\n`, line])
  })
})
