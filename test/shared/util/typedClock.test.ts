import { describe, expect, it } from 'vitest'
import { typedClock } from '../../../shared/util/typedClock'

describe('typedClock', () => {
  it('keeps a 24-hour time typed as HH:MM', () => {
    expect(typedClock('09:30')).toBe('09:30')
    expect(typedClock('17:05')).toBe('17:05')
    expect(typedClock('00:00')).toBe('00:00')
    expect(typedClock('23:59')).toBe('23:59')
  })

  it('writes a time typed another common way as HH:MM', () => {
    expect(typedClock('9:30')).toBe('09:30')
    expect(typedClock(' 9:30 ')).toBe('09:30')
    expect(typedClock('0930')).toBe('09:30')
    expect(typedClock('930')).toBe('09:30')
    expect(typedClock('1730')).toBe('17:30')
    expect(typedClock('9.30')).toBe('09:30')
  })

  it('reads what a Chinese keyboard types: a full-width colon and digits', () => {
    expect(typedClock('09：30')).toBe('09:30')
    expect(typedClock('１７：３０')).toBe('17:30')
  })

  describe('edge cases', () => {
    it('refuses a time that is not one on a 24-hour clock', () => {
      for (const text of ['24:00', '25:00', '09:60', '9 am', '9:00 AM', '5 pm', '9:5', '9', '12345', '', '--:--']) {
        expect(typedClock(text), text).toBeNull()
      }
    })
  })
})
