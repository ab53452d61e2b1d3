import { EmulatedDevice } from './deviceEnd'

/** Test cards: a bank card's magnetic stripe (tracks 1 and 2) and a resident ID card's number. */
export const TEST_CARDS = {
  pan: '6222021234567890123',
  track1: '%B6222021234567890123^ZHANG/SAN^2512101000000000000000?',
  track2: ';6222021234567890123=25121010000000000000?',
  idCard: '11010519491231002X',
} as const

/**
 * A serial card or ID reader: each swipe or scan is sent as one line, as the readers on a
 * kiosk's COM port do. It only sends; what the hub writes to it is kept in `received`.
 */
export class CardReaderEmulator extends EmulatedDevice {
  /** Sends one swipe: the line and its terminator (CR LF unless told otherwise). */
  swipe(line: string, terminator = '\r\n'): void {
    this.send(Buffer.from(line + terminator, 'latin1'))
  }

  protected onBytes(): void {}
}
