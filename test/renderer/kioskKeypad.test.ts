import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, isBookingCode } from '../../shared/appointments/booking'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { bookingCodeKeypad, ticketNumberKeypad } from '../../renderer/src/logic/kiosk/keypad'

const tap = (press: (v: string, k: string) => string, keys: string) => [...keys].reduce(press, '')

describe('bookingCodeKeypad', () => {
  it('offers the code alphabet only, none of the look-alikes 0, O, 1, I, L', () => {
    const keys = bookingCodeKeypad().groups.flat()
    expect(keys.join('')).toBe(CODE_ALPHABET)
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(keys).not.toContain(lookAlike)
  })

  it('builds a whole code and nothing past its length', () => {
    const { press, maxLength } = bookingCodeKeypad()
    const code = tap(press, 'K7M29QXAB')
    expect(code).toBe('K7M29QXA')
    expect(code).toHaveLength(maxLength)
    expect(isBookingCode(code)).toBe(true)
  })

  describe('edge cases', () => {
    it('takes small letters typed on a keyboard as capitals', () => {
      expect(bookingCodeKeypad().press('k7m', '2')).toBe('K7M2')
    })
    it('ignores a key outside the alphabet', () => {
      expect(bookingCodeKeypad().press('K7', '0')).toBe('K7')
    })
  })
})

describe('ticketNumberKeypad', () => {
  const prefixes = DEMO_BRANCH.services.map((s) => s.prefix)

  it('offers the branch’s service prefixes, then the ten digits', () => {
    expect(ticketNumberKeypad(prefixes).groups).toEqual([prefixes, [...'1234567890']])
  })

  it('builds a number from a prefix and digits, up to six characters (V1204)', () => {
    const { press } = ticketNumberKeypad(['A', 'VA'])
    expect(tap(press, 'A023')).toBe('A023')
    expect(['VA', '1', '2', '0', '4', '5'].reduce(press, '')).toBe('VA1204')
  })

  describe('edge cases', () => {
    it('starts the number again on a prefix, so a wrong letter is put right with the right one', () => {
      expect(ticketNumberKeypad(['A', 'B']).press('A02', 'B')).toBe('B')
    })
    it('takes no digit before a prefix', () => {
      expect(ticketNumberKeypad(['A', 'B']).press('', '7')).toBe('')
    })
    it('continues a number typed in small letters on a keyboard', () => {
      expect(ticketNumberKeypad(['A', 'B']).press('a02', '3')).toBe('A023')
    })
  })
})
