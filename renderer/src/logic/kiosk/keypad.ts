import { CODE_ALPHABET, CODE_LENGTH } from '../../../../shared/appointments/booking'

/**
 * What the kiosk's on-screen keypad offers for one field: its keys, in order, and what a key
 * does to what is typed. A public kiosk has no keyboard within reach (docs/installing.md), so
 * the keypad is the way in; a scanner or a keyboard still types into the field itself.
 */
export interface KeypadLayout {
  /** The keys in groups, in order; each group begins a row of its own (letters, then digits). */
  readonly groups: readonly (readonly string[])[]
  /** The longest entry the keys can build. */
  readonly maxLength: number
  /**
   * The entry after `key` is tapped on `value`, in capitals (a keyboard may have typed small
   * letters into the field); the same entry when the key does not fit.
   */
  readonly press: (value: string, key: string) => string
}

/**
 * A booking code's keys: its alphabet only, so no 0/O, 1/I/L to confuse (the code never holds
 * them); a tap past the code's length is ignored.
 *
 * @example
 * bookingCodeKeypad().groups[0].includes('O') //=> false
 * bookingCodeKeypad().press('K7M29QX', 'A') //=> 'K7M29QXA'
 * bookingCodeKeypad().press('K7M29QXA', 'B') //=> 'K7M29QXA'
 */
export function bookingCodeKeypad(): KeypadLayout {
  return {
    groups: [[...CODE_ALPHABET]],
    maxLength: CODE_LENGTH,
    press: (typed, key) => {
      const value = typed.toUpperCase()
      return CODE_ALPHABET.includes(key) && key.length === 1 && value.length < CODE_LENGTH ? value + key : value
    },
  }
}

/** A ticket number: a prefix (one or two letters) and at least three digits (A023, V1204). */
const TICKET_NUMBER_MAX = 6
const DIGITS = [...'1234567890']

/**
 * A ticket number's keys: the branch's service prefixes, then the digits. A prefix starts the
 * number again (a wrong letter is put right by tapping the right one); digits follow a prefix.
 *
 * @example
 * ticketNumberKeypad(['A', 'B']).groups //=> [['A', 'B'], ['1', '2', …, '9', '0']]
 * ticketNumberKeypad(['A', 'B']).press('A02', '3') //=> 'A023'
 * ticketNumberKeypad(['A', 'B']).press('A02', 'B') //=> 'B'
 * ticketNumberKeypad(['A', 'B']).press('', '7') //=> '' (a number starts with its prefix)
 */
export function ticketNumberKeypad(prefixes: readonly string[]): KeypadLayout {
  return {
    groups: [prefixes, DIGITS],
    maxLength: TICKET_NUMBER_MAX,
    press: (typed, key) => {
      const value = typed.toUpperCase()
      if (prefixes.includes(key)) return key
      const started = prefixes.some((p) => value.startsWith(p))
      return DIGITS.includes(key) && started && value.length < TICKET_NUMBER_MAX ? value + key : value
    },
  }
}
